// The supervision cycle (issue 24): a clerk's 我的填报, a reviewer's queue and a submission's review, the
// rectification items (整改), and a supervision office's overview of its node with charts (Apache ECharts, served
// with the application from its webjar: window.echarts, loaded by index.html).
import {get, post, download, hasRole} from './api.js';
import {h, add, table, section, filePicker} from './dom.js';
import {ruleSetLabel, dateTime, number, STAGES, RULE_SETS} from './format.js';
import {setStatus, showError} from './status.js';

export const SUBMISSION_STATUS = {submitted: '待审核', returned: '已退回', approved: '已通过'};
export const ITEM_STATUS = {open: '待整改', 'in-progress': '整改中', submitted: '待销号', closed: '已销号', reopened: '重新整改'};
const ACTIONS = {submitted: '提交', returned: '退回', resubmitted: '修改后重新提交', approved: '审核通过'};

function steps(submission) {
  return h('ol', {class: 'steps'}, submission.steps.map(s => h('li', {},
    `${dateTime(s.at)} ${s.actor} ${ACTIONS[s.action] || s.action}`, s.comment ? `：${s.comment}` : '',
    s.comments?.length ? h('ul', {}, s.comments.map(c => h('li', {class: 'comment'},
      c.field ? `字段 ${c.field}` : `工作表「${c.sheet}」单元格 ${c.cell}`, `：${c.message}`))) : null)));
}

/** Moves to another page and then says what happened (the shell clears the status line when a page opens). */
function navigate(hash, text) {
  window.addEventListener('hashchange', () => setStatus(text), {once: true});
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

function pdfButton(path, name) {
  return h('button', {type: 'button', class: 'secondary', 'data-pdf': path,
    onclick: () => download(path, name).then(link => setStatus(`已下载 PDF：${link.download}`)).catch(showError)}, '下载 PDF 报告');
}

function submissionRows(items) {
  return items.map(s => [
    h('a', {href: `#/submissions/${encodeURIComponent(s.id)}`, 'data-submission': s.id},
      `${s.subject.name || ''}（${s.subject.code}）`),
    `${s.subject.year} 年`, ruleSetLabel(s.ruleSet), h('span', {class: `badge ${s.status}`}, SUBMISSION_STATUS[s.status]),
    s.passed ? '达标' : '未达标', s.clerk, dateTime(s.updatedAt)]);
}

/** 我的填报: the clerk's submissions with status and result, and a filled template to submit. */
export async function mySubmissionsPage(view) {
  const ruleSet = h('select', {id: 'submit-rule-set', name: 'ruleSet'},
    Object.entries(RULE_SETS).map(([v, l]) => h('option', {value: v}, l)));
  const picker = filePicker({id: 'submit-file', title: '填写好的数据填报模板（.xlsx）'});
  const form = h('form', {id: 'submit-form', 'aria-label': '提交填报'},
    h('div', {class: 'field'}, h('label', {for: 'submit-rule-set'}, '规则集'), ruleSet), picker.field,
    h('button', {type: 'submit', id: 'submit-button'}, '提交审核'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new FormData();
    body.append('file', picker.input.files[0]);
    body.append('ruleSet', ruleSet.value);
    try {
      const created = await post('/api/v1/submissions', body);
      navigate(`#/submissions/${encodeURIComponent(created.id)}`, `已提交，等待审核（编号 ${created.id}）`);
    } catch (error) {
      showError(error);
    }
  });
  const listing = await get('/api/v1/submissions');
  add(view, h('h2', {}, '我的填报'), section('提交新的填报', form),
    listing.items.length ? table(`共 ${listing.items.length} 份填报`,
      ['评估对象', '年度', '规则集', '状态', '评估结果', '填报人', '更新时间'], submissionRows(listing.items),
      i => listing.items[i].status === 'returned' ? 'failed' : null)
      : h('p', {id: 'no-submissions'}, '还没有填报。'));
}

/** The reviewer's queue: submissions waiting for review in the reviewer's node. */
export async function reviewQueuePage(view) {
  const listing = await get('/api/v1/submissions?status=submitted');
  add(view, h('h2', {}, '待审核的填报'),
    listing.items.length ? table(`共 ${listing.items.length} 份待审核`,
      ['评估对象', '年度', '规则集', '状态', '评估结果', '填报人', '提交时间'], submissionRows(listing.items))
      : h('p', {id: 'queue-empty'}, '没有待审核的填报。'));
}

/** One submission: its evaluation's verdict and shortfalls, its steps, and the actions the user may take. */
export async function submissionPage(view, rawId) {
  const id = decodeURIComponent(rawId);
  const s = await get(`/api/v1/submissions/${encodeURIComponent(id)}`);
  const e = s.evaluation;
  add(view, h('h2', {}, `${s.subject.name || ''}（${s.subject.code}）${s.subject.year} 年 · ${ruleSetLabel(s.ruleSet)}`),
    h('p', {id: 'submission-status'}, `状态：${SUBMISSION_STATUS[s.status]}`,
      s.officialEvaluation ? `；正式评估 ${s.officialEvaluation}` : ''),
    h('p', {class: e.passed ? 'verdict pass' : 'verdict fail', id: 'submission-verdict'},
      `评估结果：${e.passed ? '达标' : '未达标'}`, e.summary ? `。${e.summary.headline}` : ''),
    pdfButton(`/api/v1/submissions/${encodeURIComponent(id)}/report`, `evaluation-${e.id}.pdf`),
    e.hints?.length ? table('未达标项目与整改措施', ['指标', '学校或学段', '差距', '责任部门'], hintRows(e.hints)) : null,
    section('办理过程', steps(s)));
  if (s.status === 'submitted' && hasRole('REVIEWER')) add(view, reviewForm(s));
  if (s.status === 'returned' && hasRole('CLERK')) add(view, resubmitForm(s));
}

/**
 * The rows of a submission's default (compact) answer: one hint per remedy row with the subjects it applies to, each
 * subject a row; a remedy row of a check without subjects (a county-level check) is one row.
 */
function hintRows(hints) {
  return hints.flatMap(g => (g.subjects?.length ? g.subjects : [{}]).map(x => [g.indicator,
    x.name || x.subject || '—', x.shortfall == null ? '—' : `${number(x.shortfall)} ${x.unit || ''}`,
    (g.departments?.length ? g.departments : [g.leadUnit, ...(g.supportingUnits || [])].filter(Boolean)).join('、')]));
}

function reviewForm(s) {
  const comment = h('textarea', {id: 'review-comment', rows: 3, maxlength: 2000});
  const sheet = h('input', {id: 'review-sheet', placeholder: '如 学校数据'});
  const cell = h('input', {id: 'review-cell', placeholder: '如 J5', pattern: '[A-Z]{1,3}[1-9][0-9]*'});
  const message = h('input', {id: 'review-message', placeholder: '该单元格的问题'});
  const act = async action => {
    const body = {comment: comment.value.trim() || null, comments: []};
    if (action === 'return' && message.value.trim()) {
      body.comments.push({sheet: sheet.value.trim(), cell: cell.value.trim(), message: message.value.trim()});
    }
    try {
      await post(`/api/v1/submissions/${encodeURIComponent(s.id)}/${action}`, body);
      navigate('#/review-queue', action === 'approve' ? '已审核通过，正式评估已生成整改事项' : '已退回填报人');
    } catch (error) {
      showError(error);
    }
  };
  return section('审核',
    h('div', {class: 'field'}, h('label', {for: 'review-comment'}, '审核意见'), comment),
    h('fieldset', {}, h('legend', {}, '针对单元格的意见（退回时可填）'),
      h('label', {for: 'review-sheet'}, '工作表'), sheet, h('label', {for: 'review-cell'}, '单元格'), cell,
      h('label', {for: 'review-message'}, '意见'), message),
    h('p', {}, h('button', {type: 'button', id: 'approve', onclick: () => act('approve')}, '审核通过'), ' ',
      h('button', {type: 'button', id: 'return', class: 'secondary', onclick: () => act('return')}, '退回修改')));
}

function resubmitForm(s) {
  const picker = filePicker({id: 'resubmit-file', title: '修改后的数据填报模板（.xlsx）'});
  const form = h('form', {id: 'resubmit-form'}, picker.field, h('button', {type: 'submit'}, '重新提交'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new FormData();
    body.append('file', picker.input.files[0]);
    body.append('ruleSet', s.ruleSet);
    try {
      const response = await fetch(`/api/v1/submissions/${encodeURIComponent(s.id)}`, {method: 'PUT', body,
        headers: {Authorization: `Basic ${JSON.parse(sessionStorage.getItem('compliance-console-user')).token}`},
        credentials: 'omit'});
      if (!response.ok) throw new Error((await response.json()).detail);
      navigate('#/my-submissions', '已重新提交，等待审核');
    } catch (error) {
      showError(error);
    }
  });
  return section('按审核意见修改后重新提交', form);
}

/** Rectification items in the user's node, with the ledger as Excel or PDF and each item's next step. */
export async function rectificationsPage(view, query = '') {
  const params = new URLSearchParams(query);
  const listing = await get(`/api/v1/rectifications?${params}`);
  const ledger = `/api/v1/rectifications/ledger?${params}`;
  add(view, h('h2', {}, '整改事项'),
    h('p', {}, h('button', {type: 'button', class: 'secondary', id: 'ledger-xlsx',
      onclick: () => download(ledger, 'rectification-ledger.xlsx').catch(showError)}, '导出台账（Excel）'), ' ',
    pdfButton(`${ledger}${params.toString() ? '&' : ''}format=pdf`, 'rectification-ledger.pdf')),
    listing.items.length ? table(`共 ${listing.items.length} 项`,
      ['评估对象', '年度', '指标', '学校或学段', '差距', '责任部门', '整改期限', '状态', '操作'],
      listing.items.map(r => [`${r.county.name || ''}（${r.county.code}）`, `${r.county.year} 年`, r.indicator,
        `${r.subject || ''} ${STAGES[r.stage] || ''}`, `${number(r.shortfall)} ${r.unit || ''}`,
        r.departments.join('、'), r.deadline || '未设期限',
        h('span', {class: `badge ${r.status}`}, ITEM_STATUS[r.status], r.overdue ? '（已逾期）' : ''),
        itemActions(r)]), i => listing.items[i].overdue ? 'failed' : null)
      : h('p', {id: 'no-items'}, '没有整改事项。'));
}

function itemActions(r) {
  const go = async (path, body) => {
    try {
      await post(`/api/v1/rectifications/${encodeURIComponent(r.id)}/${path}`, body);
      navigate(location.hash, '已更新整改事项');
    } catch (error) {
      showError(error);
    }
  };
  const buttons = [];
  if (hasRole('CLERK') && ['open', 'reopened'].includes(r.status)) {
    buttons.push(h('button', {type: 'button', class: 'secondary', onclick: () => go('progress', {status: 'in-progress'})}, '开始整改'));
  }
  if (hasRole('CLERK') && ['open', 'in-progress', 'reopened'].includes(r.status)) {
    buttons.push(h('button', {type: 'button', class: 'secondary', 'data-evidence': r.id,
      onclick: () => showItemForm(evidenceForm(r))}, '提交整改结果'));
  }
  if (hasRole('REVIEWER') && ['submitted', 'closed'].includes(r.status)) {
    buttons.push(h('button', {type: 'button', 'data-review-item': r.id,
      onclick: () => reviewItemForm(r).then(showItemForm).catch(showError)}, r.status === 'submitted' ? '审核整改结果' : '退回重新整改'));
  }
  return buttons.length ? buttons : '—';
}

/** Shows one item's form below the list, replacing the form of another item. */
function showItemForm(form) {
  document.getElementById('item-form')?.remove();
  document.getElementById('view').append(form);
  form.querySelector('textarea')?.focus();
}

function itemTitle(r) {
  return `${r.indicator} ${r.subject || ''} ${STAGES[r.stage] || ''}（${r.county.name || r.county.code} ${r.county.year} 年）`;
}

/** The clerk's result of an item: an explanation and evidence files (PDF, PNG, JPEG; bounded and screened by the API). */
function evidenceForm(r) {
  const explanation = h('textarea', {id: 'item-explanation', rows: 4, maxlength: 4000, required: true});
  const picker = filePicker({id: 'item-evidence', title: '证明材料（PDF、PNG、JPEG，最多 5 个，每个不超过 5 MB）',
    multiple: true, accept: '.pdf,.png,.jpg,.jpeg'});
  picker.input.required = false;
  const form = h('form', {id: 'item-form', 'aria-label': '提交整改结果'},
    h('h3', {}, `提交整改结果：${itemTitle(r)}`),
    h('div', {class: 'field'}, h('label', {for: 'item-explanation'}, '整改说明'), explanation), picker.field,
    h('button', {type: 'submit', id: 'item-submit'}, '提交整改结果'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new FormData();
    body.append('status', 'submitted');
    body.append('explanation', explanation.value.trim());
    [...picker.input.files].forEach(f => body.append('file', f));
    try {
      await post(`/api/v1/rectifications/${encodeURIComponent(r.id)}/progress`, body);
      navigate(location.hash, '已提交整改结果，等待销号');
    } catch (error) {
      showError(error);
    }
  });
  return form;
}

/** The reviewer's decision on an item: the clerk's explanation and evidence, a comment, close (销号) or reopen. */
async function reviewItemForm(r) {
  const item = await get(`/api/v1/rectifications/${encodeURIComponent(r.id)}`);
  const comment = h('textarea', {id: 'item-comment', rows: 3, maxlength: 4000});
  const act = async action => {
    try {
      await post(`/api/v1/rectifications/${encodeURIComponent(r.id)}/${action}`, {comment: comment.value.trim() || null});
      navigate(location.hash, action === 'close' ? '已销号' : '已退回重新整改');
    } catch (error) {
      showError(error);
    }
  };
  const explained = item.steps.filter(s => s.comment).map(s => h('li', {}, `${dateTime(s.at)} ${s.actor}（${ITEM_STATUS[s.status] || s.status}）：${s.comment}`));
  return h('form', {id: 'item-form', 'aria-label': '审核整改结果', onsubmit: event => event.preventDefault()},
    h('h3', {}, `审核整改结果：${itemTitle(r)}`),
    explained.length ? h('ol', {class: 'steps', id: 'item-steps'}, explained) : null,
    h('p', {id: 'item-evidence-files'}, item.evidence?.length
      ? `证明材料：${item.evidence.map(e => `${e.fileName}（${Math.ceil(e.bytes / 1024)} KB）`).join('、')}` : '没有证明材料'),
    h('div', {class: 'field'}, h('label', {for: 'item-comment'}, '审核意见'), comment),
    h('p', {},
      r.status === 'submitted' ? h('button', {type: 'button', id: 'item-close', onclick: () => act('close')}, '销号') : null, ' ',
      h('button', {type: 'button', id: 'item-reopen', class: 'secondary', onclick: () => act('reopen')}, '退回重新整改')));
}

/** The office's overview of its node: counties by verdict, 达标率, overdue items; ranking and history charts. */
export async function overviewPage(view, query = '') {
  const params = new URLSearchParams(query);
  const node = params.get('node') || 'national';
  const ruleSet = params.get('ruleSet') || 'balanced-development';
  const year = params.get('year') || String(new Date().getFullYear());
  const indicator = params.get('indicator') || 'R6';
  const base = `ruleSet=${encodeURIComponent(ruleSet)}&year=${encodeURIComponent(year)}`;
  const o = await get(`/api/v1/jurisdictions/${encodeURIComponent(node)}/overview?${base}`);
  const ranking = await get(`/api/v1/jurisdictions/${encodeURIComponent(node)}/ranking?${base}&indicator=${encodeURIComponent(indicator)}`);
  const bars = h('div', {id: 'ranking-chart', class: 'echart', role: 'img', 'aria-label': `${indicator} 排名`});
  const trend = h('div', {id: 'history-chart', class: 'echart', role: 'img', 'aria-label': '历年趋势'});
  add(view, h('h2', {}, `${node} ${year} 年督导概况`),
    h('p', {id: 'overview-counts'}, `评估对象 ${o.subjects} 个：达标 ${o.passed} 个，未达标 ${o.failed} 个；逾期整改事项 ${o.overdue.length} 项`),
    pdfButton(`/api/v1/jurisdictions/${encodeURIComponent(node)}/overview?${base}&format=pdf`, `overview-${node}-${year}.pdf`),
    table('各评估对象的正式评估', ['评估对象', '年度', '结论', '历年趋势'], o.officials.map(x => [
      `${x.name || ''}（${x.code}）`, `${x.year} 年`, x.passed ? '达标' : '未达标',
      h('button', {type: 'button', class: 'link', 'data-history': x.code,
        onclick: () => drawHistory(trend, x.code, ruleSet, indicator).catch(showError)}, '查看')])),
    table('各项指标达标率', ['指标', '名称', '学段', '参评数', '达标数', '达标率'], o.attainment.map(a => [
      a.indicator, a.name || '', STAGES[a.stage] || '—', a.assessed, a.met, a.rate === null ? '—' : `${number(a.rate * 100, 2)}%`])),
    section(`${indicator} 差异系数排名（虚线为上限）`, bars), section('历年趋势', trend));
  drawRanking(bars, ranking);
}

function drawRanking(target, ranking) {
  if (!window.echarts) return;
  const chart = window.echarts.init(target, null, {renderer: 'svg', height: 60 + ranking.items.length * 36});
  chart.setOption({
    animation: false,
    grid: {left: 160, right: 60, top: 30, bottom: 20},
    // the axis reaches the limit, so that its dashed line is drawn even when every county is far below it
    xAxis: {type: 'value', max: value => Math.ceil(Math.max(value.max, ranking.threshold ?? 0) * 110) / 100},
    yAxis: {type: 'category', inverse: true, data: ranking.items.map(i => `${i.name || ''}（${i.code}）`)},
    series: [{type: 'bar', data: ranking.items.map(i => ({value: i.value, itemStyle: {color: i.passed === false ? '#b42318' : '#0b5cad'}})),
      label: {show: true, position: 'right'},
      markLine: ranking.threshold === null ? undefined : {symbol: 'none', lineStyle: {type: 'dashed', color: '#b42318'},
        label: {formatter: `上限 ${ranking.threshold}`}, data: [{xAxis: ranking.threshold}]}}],
  });
}

async function drawHistory(target, code, ruleSet, indicator) {
  const history = await get(`/api/v1/subjects/${encodeURIComponent(code)}/history?ruleSet=${encodeURIComponent(ruleSet)}`);
  if (!window.echarts) return;
  const stages = [...new Set(history.years.flatMap(y => y.indicators.filter(f => f.indicator === indicator && f.stage)
    .map(f => f.stage)))];
  const chart = window.echarts.init(target, null, {renderer: 'svg', height: 320});
  chart.setOption({
    animation: false,
    title: {text: `${history.name || code} ${indicator} 差异系数历年变化`, textStyle: {fontSize: 14}},
    tooltip: {trigger: 'axis'},
    legend: {top: 24, data: stages.map(s => STAGES[s] || s)},
    grid: {top: 60, left: 60, right: 30, bottom: 30},
    xAxis: {type: 'category', data: history.years.map(y => `${y.year}`)},
    yAxis: {type: 'value'},
    series: stages.map(stage => ({name: STAGES[stage] || stage, type: 'line',
      data: history.years.map(y => y.indicators.find(f => f.indicator === indicator && f.stage === stage)?.cv ?? null)})),
  });
  setStatus(`已显示 ${history.name || ''}（${code}）的历年趋势`);
}
