// gov-approval lane (issue 22, points 6-7): the approval dialog (the version's changes beside its impact grouped by
// the jurisdiction tree, a required comment, an optional effective date), the list of every activation with who, when
// and why, the figures in force per indicator and node, and one figure changed in the browser through the upload path.
import {get, post, hasRole, ApiError} from './api.js';
import {h, table, section, clear} from './dom.js';
import {shortHash, verdictLabel, STAGES} from './format.js';
import {setStatus, showError} from './status.js';
import {changeList, showVersion} from './rulesets.js';

const base = name => `/api/v1/rule-sets/${encodeURIComponent(name)}`;

/** A date shown in Beijing time (the effective dates are Beijing dates). */
function beijing(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false}) : '—';
}

// ---- impact, grouped by the tree ----

const flips = f => `${f.toPassed} / ${f.toFailed}`;
const named = list => list.map(f => `${f.subjectName || ''}（${f.subject}）${f.school ? ` ${f.school}${f.stage
  ? ` ${STAGES[f.stage] || f.stage}` : ''}` : ''}`).join('、') || '—';

export function impactView(impact) {
  const place = c => [c.school !== c.subject ? c.school : null, c.stage ? STAGES[c.stage] || c.stage : null]
    .filter(Boolean).join(' ') || '整体';
  const what = c => c.indicator || (c.school ? '学校（学段）是否达标' : '总体结论');
  const indent = node => ({province: '　', city: '　　', district: '　　　'}[node.level] || '');
  return h('div', {class: 'card', id: 'impact-card'},
    h('h3', {}, '影响预览'),
    h('p', {id: 'impact-summary'},
      `用新版本重新评估每个评估对象最近的一份已存评估（共 ${impact.evaluationsChecked} 份）：`
      + `${impact.evaluationsChanged} 份的结论会改变（共 ${impact.verdictsChanged ?? impact.changes.length} 处）。`),
    impact.nodes && impact.nodes.length ? table('按管辖区域：翻转的评估对象与学校（学段）数（未达标→达标 / 达标→未达标）',
      ['管辖区域', '评估对象数', '评估对象', '学校（学段）', '转为未达标的学校（学段）'],
      impact.nodes.map(n => [`${indent(n)}${n.name || n.node}`, n.subjectsChecked, flips(n.subjects),
        flips(n.schools), named(n.schools.namedToFailed)])) : null,
    impact.changes.length ? table(`会改变的结论（改前 → 改后）${impact.changes.length < (impact.verdictsChanged || 0)
      ? `：列出前 ${impact.changes.length} 处` : ''}`, ['评估对象', '学校/学段', '指标', '改前', '改后'],
      impact.changes.map(c => [
        h('a', {href: `#/evaluations/${encodeURIComponent(c.evaluationId)}`}, `${c.subjectName || ''}（${c.subject}）`),
        place(c), what(c), verdictLabel(c.before), verdictLabel(c.after)])) : null);
}

// ---- activation: asked first, the changes beside the impact ----

/**
 * A version never active is approved here (a comment is required; an effective date is optional), one active before
 * is restored (a rollback; a reason is welcome). The dialog names the version, its uploader and what it changes.
 */
export async function confirmActivation(name, version) {
  document.getElementById('confirm-activation')?.remove();
  const approval = !(version.activations && version.activations.length);
  const comment = h('textarea', {id: 'activation-comment', rows: 3, maxlength: 1000, required: approval});
  const effective = h('input', {type: 'date', id: 'activation-effective'});
  const message = h('p', {class: 'error', role: 'alert', id: 'activation-error'});
  const changes = h('div', {id: 'confirm-changes'}, '正在读取改动……');
  const impact = h('div', {id: 'confirm-impact'}, approval ? '正在预览影响……' : null);
  const title = approval ? `审核并启用第 ${version.sequence} 版` : `回滚到第 ${version.sequence} 版`;
  const panel = h('div', {class: 'card', id: 'confirm-activation', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'confirm-title'},
    h('h3', {id: 'confirm-title'}, title),
    h('p', {}, approval
      ? `第 ${version.sequence} 版（${shortHash(version.hash)}）由 ${version.uploader} 上传${version.comment
        ? `，说明：${version.comment}` : ''}。启用即表示您已审核其全部改动、测试结果和影响预览。`
      : `第 ${version.sequence} 版（${shortHash(version.hash)}）曾经生效（已审核）；回滚后立即用于新的评估。`),
    h('div', {class: 'side-by-side'}, changes, impact),
    h('label', {for: 'activation-comment'}, approval ? '审核意见（必填）' : '回滚原因'), comment,
    approval ? [h('label', {for: 'activation-effective'}, '自此日起施行（可选，北京时间零时；不填则立即生效）'), effective] : null,
    h('button', {type: 'button', id: 'confirm-activate', onclick: async () => {
      if (approval && !comment.value.trim()) {
        message.textContent = '请填写审核意见。';
        comment.focus();
        return;
      }
      const body = comment.value.trim() ? {comment: comment.value.trim()} : {};
      if (effective.value) body.effectiveFrom = effective.value;
      try {
        const answer = await post(`${base(name)}/versions/${version.sequence}/activate`, body);
        panel.remove();
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        setTimeout(() => setStatus(answer.active ? `第 ${answer.sequence} 版已启用。`
          : `第 ${answer.sequence} 版已审核通过，自 ${effective.value} 起施行（待施行）。`), 0);
      } catch (error) {
        message.textContent = error.message;
      }
    }}, approval ? '确认审核通过并启用' : '确认回滚'),
    h('button', {type: 'button', class: 'secondary', id: 'cancel-activate', onclick: () => panel.remove()}, '取消'),
    message);
  const page = document.querySelector('#versions') || document.getElementById('view');
  page.prepend(panel);
  comment.focus();
  try {
    const c = await get(`${base(name)}/versions/${version.sequence}/compare`);
    clear(changes).append(changeList(c.changes, `相对当前生效的第 ${c.from} 版的改动`));
  } catch (error) {
    clear(changes).append(h('p', {class: 'error'}, error.message));
  }
  if (approval) {
    try {
      clear(impact).append(impactView(await get(`${base(name)}/versions/${version.sequence}/impact`)));
    } catch (error) {
      clear(impact).append(h('p', {class: 'error'}, error.message));
    }
  }
}

// ---- every activation: who, when, why ----

const KINDS = {approval: '审核通过并启用', rollback: '回滚启用', 'start-up': '系统启用'};
const STATUS = {ACTIVE: '当前生效', REPLACED: '已被替换', PENDING: '待施行'};

export function activations(name) {
  return get(`${base(name)}/activations`);
}

/** The history's state of a version approved for a later date: 待施行, with that date; null otherwise. */
export function pendingLabel(entries, version) {
  const pending = entries.find(e => e.status === 'PENDING' && e.version === version.sequence);
  return pending ? h('strong', {class: 'pending'}, `待施行：自 ${beijing(pending.effectiveFrom)} 起`) : null;
}

export function activationsSection(entries) {
  return section('启用记录',
    h('p', {class: 'hint'}, '每一次启用、回滚和定期施行的审核，按时间由近及远；时间为北京时间。'),
    table(null, ['版本', '状态', '类型', '上传人', '启用人（审核人）', '审核时间', '生效时间', '理由'],
      entries.map(e => [
        `第 ${e.version} 版（${shortHash(e.hash)}）`,
        e.status === 'PENDING' ? h('strong', {}, `待施行：自 ${beijing(e.effectiveFrom)} 起`) : STATUS[e.status],
        KINDS[e.kind] || '启用', e.uploader, e.by, beijing(e.approvedAt),
        e.at ? beijing(e.at) : '—', e.comment || '—',
      ]), i => entries[i].status === 'ACTIVE' ? 'current' : null));
}

// ---- the figures in force, and one of them changed in the browser ----

export async function figuresSection(name, result, refresh) {
  const data = await get(`${base(name)}/figures`);
  const editor = hasRole('POLICY_EDITOR');
  const form = h('div', {id: 'figure-edit'});
  return section('现行标准（按指标和管辖区域）',
    h('p', {class: 'hint'}, `读自当前生效的第 ${data.version} 版。${editor
      ? '点“修改”可在浏览器中改一个数值：系统用当前工作簿改这一格后按上传处理（同样的检查、测试和审核），须由另一位编辑审核后生效。' : ''}`),
    form,
    table(null, ['指标', '名称', '学段', '管辖区域', '标准', '单位', '位置', editor ? '操作' : null].filter(Boolean),
      data.figures.map((f, i) => [f.indicator, f.name || '—', f.stage || '—', f.jurisdiction, f.figure, f.unit || '—',
        `${f.sheet}!${f.cell}`,
        editor ? h('button', {type: 'button', class: 'secondary', 'data-edit': `${f.sheet}!${f.cell}`,
          onclick: () => editForm(name, f, form, result, refresh)}, '修改') : null].filter(c => c !== null))));
}

function editForm(name, figure, target, result, refresh) {
  const value = h('input', {id: 'figure-value', value: figure.figure, maxlength: 200, required: true});
  const comment = h('input', {id: 'figure-comment', maxlength: 1000});
  const form = h('form', {class: 'card', id: 'figure-form'},
    h('h3', {}, `修改 ${figure.indicator}${figure.stage ? ` ${figure.stage}` : ''}（${figure.jurisdiction}）的标准`),
    h('p', {}, `${figure.workbook}，工作表“${figure.sheet}”，单元格 ${figure.cell}：现为 ${figure.figure}`),
    h('label', {for: 'figure-value'}, '新标准'), value,
    h('label', {for: 'figure-comment'}, '修改说明'), comment,
    h('button', {type: 'submit', id: 'figure-submit'}, '提交修改（生成新版本，待审核）'),
    h('button', {type: 'button', class: 'secondary', onclick: () => clear(target)}, '取消'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(result);
    setStatus('正在检查修改……');
    try {
      const version = await post(`${base(name)}/edits`, {workbook: figure.workbook, sheet: figure.sheet,
        row: figure.row, column: figure.column, value: value.value.trim(), comment: comment.value.trim() || null});
      clear(target);
      setStatus(`已保存为第 ${version.sequence} 版（尚未生效），须由另一位编辑审核。`);
      await showVersion(name, version, result);
      await refresh();
      result.scrollIntoView();
    } catch (error) {
      if (error instanceof ApiError && error.problem?.problems) {
        result.append(h('div', {class: 'card failed', id: 'upload-problems'},
          h('h3', {}, '修改未通过检查'),
          table(null, ['文件', '工作表', '单元格', '问题'],
            error.problem.problems.map(p => [p.file, p.sheet || '—', p.cell || '—', p.message]))));
        setStatus('修改未通过检查，未保存新版本。');
      } else {
        showError(error);
      }
    }
  });
  clear(target).append(form);
  value.focus();
}
