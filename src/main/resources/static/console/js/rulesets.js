// Policy staff: the rule sets, their versions, upload of edited workbooks (problems by sheet and cell, or changed
// cells, test results and the impact preview), activation, comparison and rollback.
import {get, post, download, hasRole, currentUser, ApiError} from './api.js';
import {h, add, table, section, clear, filePicker} from './dom.js';
import {ruleSetLabel, dateTime, shortHash, verdictLabel, STAGES} from './format.js';
import {setStatus, showError} from './status.js';
// gov-approval lane (issue 22): approval dialog, grouped impact, activations, figures in force and one-figure edits
import {confirmActivation, impactView, activations, activationsSection, pendingLabel, figuresSection}
  from './rule-governance.js';

const base = name => `/api/v1/rule-sets/${encodeURIComponent(name)}`;

function downloadButton(label, path, fileName) {
  return h('button', {type: 'button', class: 'secondary', 'data-download': path,
    onclick: () => download(path, fileName).then(() => setStatus(`已下载：${fileName}`)).catch(showError)}, label);
}

export async function ruleSetsPage(view) {
  const ruleSets = await get('/api/v1/rule-sets');
  add(view, h('h2', {}, '规则集'),
    table('各规则集及其当前生效版本', ['规则集', '当前版本', '生效时间', '上传人', '工作簿'],
      ruleSets.map(set => [
        h('a', {href: `#/rule-sets/${encodeURIComponent(set.name)}`}, ruleSetLabel(set.name)),
        `第 ${set.active.sequence} 版（${shortHash(set.active.hash)}）`,
        dateTime(set.active.activatedAt || set.active.createdAt),
        set.active.uploader,
        set.workbooks.length ? set.workbooks.map(w => downloadButton(`下载 ${w.name}`, w.href, w.name)) : '（无工作簿）',
      ])));
}

export async function ruleSetPage(view, rawName) {
  const name = decodeURIComponent(rawName);
  const set = (await get('/api/v1/rule-sets')).find(s => s.name === name);
  const editor = hasRole('POLICY_EDITOR');
  const result = h('div', {id: 'upload-result', 'aria-live': 'polite'});
  const versions = h('div', {id: 'versions'});
  const figures = h('div', {id: 'figures'});
  const refresh = () => showVersions(name, versions, editor);
  add(view, 
    h('p', {}, h('a', {href: '#/rule-sets'}, '← 全部规则集')),
    h('h2', {}, ruleSetLabel(name)),
    h('p', {class: 'lead', id: 'active-version'},
      `当前生效：第 ${set.active.sequence} 版（${shortHash(set.active.hash)}），${dateTime(set.active.activatedAt
        || set.active.createdAt)} 由 ${set.active.activatedBy || set.active.uploader} 启用`
        + `（上传人 ${set.active.uploader}${set.active.approvedBy ? `，审核人 ${set.active.approvedBy}` : ''}）。`),
    h('p', {}, set.workbooks.map(w => downloadButton(`下载当前工作簿 ${w.name}`, w.href, w.name))),
    editor ? uploadForm(name, result, refresh) : null,
    result,
    versions,
    figures);
  await refresh();
  figures.append(await figuresSection(name, result, refresh));
}

/** The history and the comparison form, read afresh (after an upload they hold the new version). */
async function showVersions(name, target, editor) {
  const history = await get(`${base(name)}/versions`);
  const comparison = h('div', {id: 'comparison', 'aria-live': 'polite'});
  const entries = await activations(name);
  clear(target).append(historySection(name, history, editor, entries), activationsSection(entries),
    compareSection(name, history, comparison), comparison);
}

function uploadForm(name, result, refresh) {
  const picker = filePicker({id: 'workbook-file', title: '工作簿文件（.xlsx）', multiple: true});
  const file = picker.input;
  const comment = h('input', {id: 'workbook-comment', name: 'comment', maxlength: 1000});
  const form = h('form', {class: 'card', id: 'upload-form'},
    h('h3', {}, '上传修改后的工作簿'),
    h('p', {class: 'hint'}, '上传后系统会检查格式、编译规则、运行工作簿中的测试用例并预览影响；新版本需要您确认后才会生效。'),
    picker.field,
    h('label', {for: 'workbook-comment'}, '修改说明（可选）'), comment,
    h('button', {type: 'submit', id: 'upload-submit'}, '上传并检查'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData();
    for (const f of file.files) data.append('file', f);
    if (comment.value.trim()) data.append('comment', comment.value.trim());
    clear(result);
    setStatus('正在检查上传的工作簿……');
    try {
      const version = await post(`${base(name)}/versions`, data);
      setStatus(`已保存为第 ${version.sequence} 版（尚未生效）。`);
      await showVersion(name, version, result);
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problem?.problems) {
        setStatus('工作簿未通过检查，未保存新版本。');
        result.append(problemList(error.problem.problems));
      } else if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        setStatus('上传的内容有误。');
        result.append(table('上传内容的问题', ['字段', '问题'], error.problem.errors.map(e => [e.field, e.message])));
      } else {
        showError(error);
      }
    } finally {
      file.value = '';
      file.dispatchEvent(new Event('change'));
    }
  });
  return form;
}

function problemList(problems) {
  return h('div', {class: 'card failed', id: 'upload-problems'},
    h('h3', {}, `工作簿未通过检查：共 ${problems.length} 个问题`),
    table('每个问题所在的文件、工作表和单元格', ['文件', '工作表', '单元格', '问题'],
      problems.map(p => [p.file, p.sheet || '—', p.cell || '—', p.message])));
}

export async function showVersion(name, version, result) {
  const tests = version.testResults || [];
  const failedTests = tests.filter(t => !t.passed).length;
  result.append(h('div', {class: 'card', id: 'new-version'},
    h('h3', {}, `第 ${version.sequence} 版（${shortHash(version.hash)}）${version.active ? '：已是当前生效版本' : '：尚未生效'}`),
    analysisView(version.analysis),
    changeList(version.changes, '相对上传时生效版本的改动'),
    table(`工作簿测试用例：${tests.length} 个，通过 ${tests.length - failedTests} 个，未通过 ${failedTests} 个`,
      ['工作表', '用例', '行', '结果', '未满足的期望'],
      tests.map(t => [t.sheet, t.name, t.rows, t.passed ? '通过' : '未通过', (t.failures || []).join('；') || '—']),
      i => tests[i].passed ? null : 'failed')));
  const impactBox = h('div', {id: 'impact', 'aria-live': 'polite'}, '正在预览影响……');
  result.append(impactBox);
  try {
    clear(impactBox).append(impactView(await get(`${base(name)}/versions/${version.sequence}/impact`)));
  } catch (error) {
    clear(impactBox);
    showError(error);
  }
  if (!version.active && version.uploader === currentUser()?.name) {
    result.append(h('p', {class: 'hint', id: 'approval-needed'},
      `第 ${version.sequence} 版须由另一位政策编辑审核：对方在“版本历史”中点“审核并启用”，填写审核意见后生效。`));
  } else if (!version.active) {
    result.append(h('button', {type: 'button', id: 'activate', onclick: () => confirmActivation(name, version)},
      `审核并启用第 ${version.sequence} 版`));
  }
}

// gov-upload lane (issue 22, point 5): what the tables and test cases showed at upload, the weakening first
function analysisView(analysis) {
  if (!analysis) return null;
  const percent = (part, whole) => whole ? `${Math.round(100 * part / whole)}%` : '—';
  const figures = `测试用例覆盖规则行 ${analysis.covered}/${analysis.total}（${percent(analysis.covered, analysis.total)}）`
    + (analysis.activeTotal ? `，上传时生效版本为 ${analysis.activeCovered}/${analysis.activeTotal}` : '');
  return h('div', {class: analysis.notices.length ? 'card failed' : 'card', id: 'version-analysis'},
    h('h3', {}, '表格检查与测试覆盖'),
    analysis.notices.length ? h('ul', {id: 'analysis-notices'}, ...analysis.notices.map(n => h('li', {}, h('strong', {}, n))))
      : h('p', {}, '未发现缺口，未删除测试用例，覆盖率未下降。'),
    table(figures, ['工作表', '已覆盖', '规则行', '未被任何用例触发的行'],
      analysis.coverage.map(c => [c.sheet, String(c.covered), String(c.total), c.uncovered.join('、') || '—'])));
}

// one line per change: a row added, removed or moved (followed by its key cells), or a cell changed in a row
export function changeList(changes, caption) {
  if (!changes || !changes.length) return h('p', {}, `${caption}：无改动。`);
  const row = values => values.filter(v => v !== '').join('，');
  const line = c => {
    switch (c.change) {
      case 'row-added': return [c.file, c.sheet, `第 ${c.row} 行`, '新增一行', '—', row(c.values)];
      case 'row-removed': return [c.file, c.sheet, `原第 ${c.row} 行`, '删除一行', row(c.values), '—'];
      case 'row-moved': return [c.file, c.sheet, `第 ${c.from} 行 → 第 ${c.to} 行`, '移动一行', '—', row(c.values)];
      default: return [c.file, c.sheet || '—', c.cell || '整个文件', c.meaning || '修改单元格', c.before ?? '（空）', c.after ?? '（清空）'];
    }
  };
  return table(`${caption}：${changes.length} 处`, ['文件', '工作表', '位置', '改动', '原值', '新值'], changes.map(line));
}

const ACTIVATION_KINDS = {approval: '审核通过并启用', rollback: '回滚启用', 'start-up': '系统启用'};

function activationLines(v) {
  return (v.activations || []).map(a =>
    h('div', {}, `${dateTime(a.at)} ${a.by} ${ACTIVATION_KINDS[a.kind] || '启用'}${a.comment ? `：${a.comment}` : ''}`));
}

function historySection(name, history, editor, entries) {
  return section('版本历史',
    table(null, ['版本', '哈希', '上传时间', '上传人', '说明', '启用记录（谁、何时、为何）', '状态', '操作'],
      history.map(v => [
        `第 ${v.sequence} 版`, h('code', {}, shortHash(v.hash)), dateTime(v.createdAt), v.uploader, v.comment || '—',
        v.activations && v.activations.length ? activationLines(v) : '从未启用',
        v.active ? h('strong', {}, '当前生效') : pendingLabel(entries, v) || '—',
        editor && !v.active ? activateButton(name, v) : null,
      ]), i => history[i].active ? 'current' : null));
}

function activateButton(name, v) {
  const restores = v.activations && v.activations.length;
  const button = h('button', {type: 'button', class: 'secondary', 'data-activate': v.sequence,
    onclick: () => confirmActivation(name, v)}, restores ? `回滚到第 ${v.sequence} 版` : `审核并启用第 ${v.sequence} 版`);
  // gov-approval lane: the uploader sees the button too; the service refuses and says who may approve
  if (!restores && v.uploader === currentUser()?.name) return [h('span', {class: 'hint'}, '待其他编辑审核 '), button];
  return button;
}

function compareSection(name, history, target) {
  const options = () => history.map(v => h('option', {value: v.sequence}, `第 ${v.sequence} 版${v.active ? '（当前）' : ''}`));
  const from = h('select', {id: 'compare-from'}, options());
  const to = h('select', {id: 'compare-to'}, options());
  if (history.length > 1) from.value = history[1].sequence;
  const form = h('form', {class: 'inline'},
    h('label', {for: 'compare-from'}, '从'), from, h('label', {for: 'compare-to'}, '到'), to,
    h('button', {type: 'submit', class: 'secondary'}, '比较'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const c = await get(`${base(name)}/versions/${to.value}/compare?with=${from.value}`);
      clear(target).append(changeList(c.changes, `第 ${c.from} 版 → 第 ${c.to} 版`));
    } catch (error) {
      showError(error);
    }
  });
  return section('比较两个版本', form);
}
