// Auditors: search stored evaluations, open one (decision, grade and reasons first; checks by dimension with failures
// highlighted; the trace and remediation of a failed check; the chart of schools against thresholds; the Excel report).
import {get, download, hasRole} from './api.js';
import {h, add, table, section, clear} from './dom.js';
import {ruleSetLabel, dateTime, shortHash, subjectName, verdictLabel, quantity, requirement, number, origin,
  STAGES, RULE_SETS, VERDICTS} from './format.js';
import {barChart} from './chart.js';
import {setStatus, showError} from './status.js';

const FIELDS = [
  {name: 'countyCode', label: '县区代码', input: () => h('input', {inputmode: 'numeric'})},
  {name: 'year', label: '年度', input: () => h('input', {type: 'number', min: 2000, max: 2100})},
  {name: 'ruleSet', label: '规则集', input: () => h('select', {},
      h('option', {value: ''}, '全部'), Object.entries(RULE_SETS).map(([v, l]) => h('option', {value: v}, l)))},
  {name: 'passed', label: '结论', input: () => h('select', {},
      h('option', {value: ''}, '全部'), h('option', {value: 'true'}, '通过'), h('option', {value: 'false'}, '未通过'))},
  {name: 'failedIndicator', label: '未达标指标代码', input: () => h('input', {placeholder: '如 R6'})},
];

export async function searchPage(view, query = '') {
  const params = new URLSearchParams(query);
  const inputs = {};
  const form = h('form', {class: 'search', id: 'search-form', 'aria-label': '查询条件'},
    FIELDS.map(f => {
      const input = f.input();
      input.id = `search-${f.name}`;
      input.name = f.name;
      input.value = params.get(f.name) || '';
      inputs[f.name] = input;
      return h('div', {class: 'field'}, h('label', {for: input.id}, f.label), input);
    }),
    h('button', {type: 'submit', id: 'search-submit'}, '查询'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, input] of Object.entries(inputs)) if (input.value.trim()) next.set(k, input.value.trim());
    location.hash = `#/evaluations?${next}`;
  });
  add(view, h('h2', {}, '评估查询'), form);
  const page = await get(`/api/v1/evaluations?${params}`);
  add(view, page.items.length ? table(`共 ${page.total} 份评估，第 ${page.page + 1}/${Math.max(1, page.totalPages)} 页`,
    ['评估对象', '年度', '规则集', '结论', '未达标指标', '评估时间', '提交方'],
    page.items.map(e => [
      h('a', {href: `#/evaluations/${encodeURIComponent(e.id)}`, 'data-evaluation': e.id},
        `${e.subjectName || ''}（${e.subjectCode}）`),
      `${e.year} 年`, ruleSetLabel(e.ruleSet), e.passed ? '通过' : '未通过',
      (e.failedIndicators || []).join('、') || '—', dateTime(e.evaluatedAt), e.submittedBy]),
    i => page.items[i].passed ? null : 'failed') : h('p', {id: 'no-results'}, '没有符合条件的评估。'),
    pager(params, page));
}

function pager(params, page) {
  if (page.totalPages <= 1) return null;
  const at = p => {
    const next = new URLSearchParams(params);
    next.set('page', p);
    return `#/evaluations?${next}`;
  };
  return h('nav', {'aria-label': '翻页', class: 'pager'},
    page.page > 0 ? h('a', {href: at(page.page - 1)}, '上一页') : null,
    page.page + 1 < page.totalPages ? h('a', {href: at(page.page + 1)}, '下一页') : null);
}

export async function evaluationPage(view, rawId) {
  const id = decodeURIComponent(rawId);
  // the full view: the page charts every section's value against its threshold, passes included
  const e = await get(`/api/v1/evaluations/${encodeURIComponent(id)}?view=full`);
  const auditor = hasRole('AUDITOR');
  const detail = h('div', {id: 'trace', 'aria-live': 'polite'});
  add(view, 
    hasRole('AUDITOR') ? h('p', {}, h('a', {href: '#/evaluations'}, '← 返回查询')) : null,
    h('h2', {}, `${subjectName(e.subject)} · ${ruleSetLabel(e.ruleSet)}`),
    headline(e),
    auditor ? h('p', {}, h('button', {type: 'button', id: 'report', class: 'secondary',
      onclick: () => download(`/api/v1/evaluations/${encodeURIComponent(id)}/report`, `evaluation-${id}.xlsx`)
        .then(link => {
          setStatus(`已下载 Excel 报告：${link.download}`);
          document.getElementById('report-link')?.remove();
          document.getElementById('report').after(h('a', {id: 'report-link', href: link.href, download: link.download},
            ' 再次保存报告'));
        }).catch(showError)}, '下载 Excel 报告')) : null,
    checksByDimension(e, auditor, detail),
    failedSections(e, auditor, detail),
    excludedSchools(e),
    detail,
    charts(e),
    h('p', {class: 'hint', id: 'evaluation-facts'}, `管辖区域 ${(e.jurisdictionChain || [e.jurisdiction]).join(' → ')} · 规则版本 ${shortHash(e.ruleSetVersion)} · 评估时间 ${dateTime(e.evaluatedAt)} · 编号 ${e.id}`));
}

function headline(e) {
  const decision = e.decision;
  // a resource-only county is a resource-allocation assessment: its verdict, not the recognition it did not ask for
  const outcome = e.scope === 'RESOURCE_ALLOCATION' ? `资源配置评估${e.passed ? '达标' : '未达标'}（未申请认定）`
    : decision ? decision.label : (e.passed ? '通过' : '未通过');
  return h('div', {class: `card ${e.passed ? 'passed' : 'failed'}`, id: 'decision'},
    h('p', {class: 'decision'}, h('strong', {}, `结论：${outcome}`),
      e.grade ? h('span', {class: 'grade'}, `等级：${e.grade}`) : null,
      e.assessment?.totalScore != null ? h('span', {}, `B类总分 ${number(e.assessment.totalScore)} 分 / ${number(e.assessment.maxScore)} 分`) : null),
    e.summary ? h('p', {}, e.summary.headline) : null,
    decision?.reasons?.length ? h('div', {}, h('h3', {}, '主要原因'),
      h('ol', {id: 'reasons'}, decision.reasons.slice(0, REASONS_SHOWN).map(r => h('li', {}, r))),
      decision.reasons.length > REASONS_SHOWN ? h('details', {},
        h('summary', {}, `其余 ${decision.reasons.length - REASONS_SHOWN} 条原因`),
        h('ol', {start: REASONS_SHOWN + 1}, decision.reasons.slice(REASONS_SHOWN).map(r => h('li', {}, r)))) : null)
      : null);
}

const REASONS_SHOWN = 8;
const DIMENSION_ORDER = ['认定前提', '资源配置', '政府保障程度', '教育质量', '社会认可度'];

function checksByDimension(e, auditor, detail) {
  const checks = e.checks || [];
  if (!checks.length) return null;
  const groups = new Map();
  for (const c of checks) {
    // the county assessment names each check's dimension (一级指标); other rule sets group by their category of check
    const dimension = c.dimension || c.category || '其他';
    if (!groups.has(dimension)) groups.set(dimension, []);
    groups.get(dimension).push(c);
  }
  const ordered = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  return section('各项检查（按维度）', ordered.map(dimension => {
    const rows = groups.get(dimension);
    const failed = rows.filter(c => c.verdict === 'FAILED').length;
    return h('details', {open: failed > 0 || ordered.length <= 2, class: 'dimension'},
      h('summary', {}, `${dimension}：${rows.length} 项，${verdictCounts(rows)}`),
      table(null, ['代码', '指标', '类别', '结果', '原因', '实际值', '要求', '未达标对象', '追溯'],
        rows.map(c => [c.code, c.name, c.category || '—', verdictLabel(c.verdict), c.reason || '—',
          checkValue(c),
          c.requirement || requirement(c.comparator, c.threshold, c.unit),
          (c.failing || []).join('、') || '—',
          c.verdict === 'FAILED' && auditor ? traceButton(e, c.code, null, detail, `追溯 ${c.code}`) : '—']),
        i => rowClass(rows[i].verdict)));
  }));
}

/** A score against its maximum, a value with its unit, or a rate whose requirement is written in percent. */
function checkValue(c) {
  if (c.score != null) return `${number(c.score)} 分 / ${number(c.maxScore)} 分`;
  if (!c.unit && c.value != null && /%$/.test(c.requirement || '')) return `${number(Number(c.value) * 100, 2)}%`;
  return quantity(c.value, c.unit);
}

/** Each verdict with its count, every check counted once (不适用 and 尚未生效 included): 达标 23 项，不适用 3 项… */
function verdictCounts(rows) {
  return Object.keys(VERDICTS).map(v => [v, rows.filter(c => c.verdict === v).length])
    .filter(([v, n]) => n > 0 || v === 'PASSED' || v === 'FAILED')
    .map(([v, n]) => `${VERDICTS[v]} ${n} 项`).join('，');
}

function rank(dimension) {
  const i = DIMENSION_ORDER.indexOf(dimension);
  return i < 0 ? DIMENSION_ORDER.length : i;
}

function rowClass(verdict) {
  return verdict === 'FAILED' ? 'failed' : verdict === 'NOT_ASSESSED' ? 'muted' : null;
}

/**
 * The unmet indicators of the sections that fail (the answer's one definition of failed); a passing section's misses
 * within its allowance are listed apart, as tolerated, never as failures.
 */
function failedSections(e, auditor, detail) {
  if (!(e.sections || []).length) return null;
  const rows = [];
  const tolerated = [];
  for (const s of e.sections) {
    for (const i of s.indicators || []) {
      if (!i.met) (s.passed ? tolerated : rows).push({s, i});
    }
  }
  return section('学校（学段）未达标的指标',
    rows.length ? table(null, ['学校', '学段', '指标', '实际值', '要求', '缺口', '追溯与整改'],
      rows.map(({s, i}) => [schoolLabel(s), STAGES[s.stage] || s.stage, `${i.code} ${i.name}`,
        quantity(i.value, i.unit), requirement(i.comparator, i.threshold, i.unit), quantity(i.shortfall, i.unit),
        auditor ? traceButton(e, i.code, s.schoolId, detail, `追溯 ${s.schoolId} ${i.code}`) : '—']),
      () => 'failed') : h('p', {}, '所有学校（学段）均达标。'),
    tolerated.length ? h('p', {class: 'hint', id: 'tolerated'}, '允许范围内的未达标项（学校仍达标）：',
      tolerated.map(({s, i}) => `${schoolLabel(s)} ${STAGES[s.stage] || s.stage} ${i.code}`).join('、')) : null);
}

/** A school by its name and id: 檀江乡中心小学（S4）. */
function schoolLabel(s) {
  return s.schoolName ? `${s.schoolName}（${s.schoolId}）` : s.schoolId;
}

/** The schools left out of the assessment, each with its reason in Chinese. */
function excludedSchools(e) {
  if (!(e.excluded || []).length) return null;
  return section('不参加评估的学校',
    table(null, ['学校', '原因', '依据'], e.excluded.map(x => [
      x.schoolName ? `${x.schoolName}（${x.schoolId}）` : x.schoolId, x.explanation || x.reason, origin(x.rule)])));
}

function traceButton(e, indicator, school, target, label) {
  return h('button', {type: 'button', class: 'secondary', 'data-trace': `${indicator}${school ? '@' + school : ''}`,
    onclick: () => showTrace(e, indicator, school, target)}, label);
}

async function showTrace(e, indicator, school, target) {
  const query = new URLSearchParams({indicator});
  if (school) query.set('school', school);
  try {
    const trace = await get(`/api/v1/evaluations/${encodeURIComponent(e.id)}/trace?${query}`);
    const steps = [...trace.checks].sort((a, b) => (a.verdict === 'FAILED' ? 0 : 1) - (b.verdict === 'FAILED' ? 0 : 1));
    const hints = (e.hints || []).filter(x => x.indicator === indicator && (!school || x.subject === school));
    clear(target).append(h('div', {class: 'card', id: 'trace-panel'},
      h('h3', {tabindex: '-1', id: 'trace-title'}, `追溯：${indicator}${school ? '（' + school + '）' : ''}`),
      h('ol', {class: 'trace'}, steps.map(step => h('li', {class: rowClass(step.verdict)},
        h('p', {}, h('strong', {}, verdictLabel(step.verdict)), ' ', step.explanation || step.name),
        step.figures ? h('p', {class: 'chain'},
          `原始数据 ${step.figures.fieldName || step.figures.field} ${number(step.figures.raw)}`,
          step.figures.formula ? ` → 计算 ${step.figures.formula} = ${quantity(step.value, step.unit)}` : '',
          ` → 依据 ${origin(step.rule)} 要求 ${requirement(step.comparator, step.threshold, step.unit)}`,
          ` → ${verdictLabel(step.verdict)}`) : h('p', {class: 'chain'}, `依据 ${origin(step.rule)}`)))),
      h('h3', {}, '整改建议'),
      hints.length ? h('ul', {id: 'remedies'}, hints.map(x => h('li', {},
        h('p', {}, `${x.subjectName ? x.subjectName + '（' + x.subject + '）' : x.subject || ''} ${x.stage ? STAGES[x.stage] || x.stage : ''} 缺口：${quantity(x.shortfall, x.unit)}`),
        h('p', {}, `措施：${x.measures || '—'}`),
        h('p', {}, `责任部门：${(x.departments || []).join('、') || '—'}${x.office ? '；承办科室：' + x.office : ''}`),
        x.source ? h('p', {class: 'hint'}, `依据：${x.source}`) : null)))
        : h('p', {}, '该项没有对应的整改建议条目。')));
    document.getElementById('trace-title').focus();
  } catch (error) {
    showError(error);
  }
}

/** Per indicator and stage: each school's value against the threshold, with the county's CV against its limit. */
function charts(e) {
  const groups = new Map();
  for (const s of e.sections || []) {
    for (const i of s.indicators || []) {
      const key = `${i.code}|${s.stage}`;
      if (!groups.has(key)) groups.set(key, {indicator: i, stage: s.stage, rows: []});
      groups.get(key).rows.push({s, i});
    }
  }
  if (!groups.size) return null;
  const cv = (code, stage) => (e.variation || []).find(v => v.indicator === code && v.stage === stage);
  return section('图表：各校指标值与标准',
    h('p', {class: 'hint'}, '每个条形是一所学校（学段）的实际值，虚线是标准值；红色表示未达标。'),
    h('div', {class: 'charts', id: 'charts'}, [...groups.values()].map(g => {
      const v = cv(g.indicator.code, g.stage);
      const cvText = !v ? '' : v.applicable
        ? `差异系数 ${number(v.cv)}（要求 ${v.comparator}${number(v.limit)}，${v.passed ? '达标' : '未达标'}）`
        : '差异系数：学段不足两个，不适用';
      const title = `${g.indicator.code} ${g.indicator.name} · ${STAGES[g.stage] || g.stage}`;
      return h('figure', {class: v && v.passed === false ? 'failed' : null},
        barChart({
          title: `${title}；标准 ${requirement(g.indicator.comparator, g.indicator.threshold, g.indicator.unit)}`,
          threshold: g.indicator.threshold,
          thresholdText: `标准 ${g.indicator.comparator}${number(g.indicator.threshold)}`,
          // a miss within a passing section's allowance is not a failure: drawn as met
          bars: g.rows.map(({s, i}) => ({label: s.schoolName || s.schoolId, value: i.value, ok: i.met || s.passed,
            text: quantity(i.value, i.unit)})),
        }),
        h('figcaption', {}, title, h('br', {}), cvText));
    })));
}
