// Data clerks: download the data-entry template, upload a filled one, land on its evaluation or on the bad cells.
import {get, post, download, ApiError} from './api.js';
import {h, add, table, clear, filePicker} from './dom.js';
import {setStatus, showError} from './status.js';

const RULE_SET = 'balanced-development';

export async function dataEntryPage(view) {
  const result = h('div', {id: 'data-entry-result', 'aria-live': 'polite'});
  const picker = filePicker({id: 'template-file', title: '填好的数据填报模板（.xlsx）'});
  const file = picker.input;
  const jurisdiction = await jurisdictionChoice();
  const form = h('form', {class: 'card', id: 'data-entry-form'},
    h('h3', {}, '第二步：上传填好的模板'),
    picker.field,
    h('label', {for: 'template-jurisdiction'}, '按哪一级的标准评估（管辖区域）'), jurisdiction,
    h('button', {type: 'submit', id: 'data-entry-submit'}, '上传并评估'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('ruleSet', RULE_SET);
    data.append('jurisdiction', jurisdiction.value);
    clear(result);
    setStatus('正在读取模板并评估……');
    try {
      const evaluation = await post('/api/v1/evaluations', data);
      location.hash = `#/evaluations/${encodeURIComponent(evaluation.id)}`;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        setStatus('模板中有需要更正的单元格，未进行评估。');
        result.append(h('div', {class: 'card failed', id: 'bad-cells'},
          h('h3', {}, `请更正以下 ${error.problem.errors.length} 个单元格后重新上传`),
          table(null, ['工作表', '单元格', '问题'],
            error.problem.errors.map(e => [e.sheet || '—', e.cell || e.field, e.message]))));
      } else {
        showError(error);
      }
    } finally {
      file.value = '';
      file.dispatchEvent(new Event('change'));
    }
  });
  add(view, h('h2', {}, '数据填报'),
    h('div', {class: 'card'},
      h('h3', {}, '第一步：下载数据填报模板'),
      h('p', {}, '在 Excel 中按表头填写县区信息和各校各学段数据（带单位）；申请 36 项指标认定评估时，再填写县域评估数据、教育经费、B类指标评分和一票否决各表。保存后上传。'),
      h('button', {type: 'button', id: 'template-download', class: 'secondary',
        onclick: () => download(`/api/v1/rule-sets/${RULE_SET}/template`, `${RULE_SET}-template.xlsx`)
          .then(link => setStatus(`已下载模板：${link.download}`)).catch(showError)}, '下载县域数据填报模板')),
    form, result);
}

/**
 * The jurisdictions of the rule set's tree (its 管辖区域 sheet), each under its parent, national first: a county is
 * judged by the rows of its own jurisdiction and of every one above it.
 */
async function jurisdictionChoice() {
  const {jurisdictions} = await get(`/api/v1/rule-sets/${RULE_SET}/jurisdictions`);
  const children = parent => jurisdictions.filter(j => (j.parent || null) === parent);
  const options = [];
  const walk = (node, depth) => {
    options.push(h('option', {value: node.code}, `${'　'.repeat(depth)}${node.name}（${node.code}）`));
    children(node.code).forEach(child => walk(child, depth + 1));
  };
  children(null).forEach(root => walk(root, 0));
  return h('select', {id: 'template-jurisdiction', name: 'jurisdiction'}, options);
}
