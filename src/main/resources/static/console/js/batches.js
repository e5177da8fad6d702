// Batch jobs: one card per job with its progress bar (done/total, rate, time left) and, once finished, its summary:
// the failing indicators by the number of counties they fail in, the counties that could not be evaluated, and the
// summary workbook, and each county linked to its evaluation. Read from GET /api/v1/batches (newest first),
// GET /api/v1/batches/{id}/summary and, page by page, GET /api/v1/batches/{id}/counties.
// While a job runs the cards are updated in place every few seconds: nothing the user is on is replaced, so keyboard
// focus and the reading position stay where they are.
import {get, download, ApiError} from './api.js';
import {h, add, table, clear} from './dom.js';
import {number, duration, dateTime, ruleSetLabel} from './format.js';
import {barChart} from './chart.js';
import {setStatus, showError} from './status.js';

const STATUSES = {QUEUED: '排队中', RUNNING: '进行中', DONE: '已完成', FAILED: '失败'};
const FINISHED = ['DONE', 'FAILED'];
const REFRESH_MS = 5000;

export async function batchesPage(view) {
  const list = h('div', {id: 'batch-list', 'data-refreshes': '0'});
  const refresh = h('button', {type: 'button', id: 'batches-refresh', class: 'secondary'}, '刷新');
  const shown = {cards: new Map(), timer: null};
  refresh.addEventListener('click', () => refreshList(view, list, shown).catch(error => {
    if (view.isConnected) showError(error);
  }));
  add(view, h('h2', {}, '批量任务'),
    h('p', {}, refresh, h('span', {class: 'hint'}, `任务进行中时每 ${REFRESH_MS / 1000} 秒自动刷新。`)),
    list);
  await refreshList(view, list, shown);
}

/**
 * Reads the jobs and updates the page in place: new jobs get a card, known ones get their figures updated.
 * {@code shown}: the cards on the page by job id, and the pending automatic refresh.
 */
async function refreshList(view, list, shown) {
  let batches;
  try {
    batches = (await get('/api/v1/batches')).items || [];
  } catch (error) {
    if (error instanceof ApiError && [403, 404].includes(error.status)) {
      clear(list).append(h('p', {id: 'no-batches'}, '暂无可查看的批量任务（您的角色无权查看批量任务）。'));
      return;
    }
    throw error;
  }
  if (!view.isConnected) return;
  list.querySelector('#no-batches')?.remove();
  if (!batches.length) list.append(h('p', {id: 'no-batches'}, '暂无批量任务。'));
  let previous = null;
  for (const batch of batches) {
    let card = shown.cards.get(batch.id);
    if (!card) {
      card = jobCard(batch.id);
      shown.cards.set(batch.id, card);
      // newest first: a new job goes before the cards already shown, which are never moved (moving blurs focus)
      if (previous) previous.element.after(card.element); else list.prepend(card.element);
    }
    await card.update(batch);
    previous = card;
  }
  list.dataset.refreshes = String(Number(list.dataset.refreshes) + 1);
  clearTimeout(shown.timer);
  if (batches.some(b => !FINISHED.includes(b.status))) {
    // a failed automatic refresh is tried again at the next one; the user sees the figures of the last that worked
    shown.timer = setTimeout(() => {
      if (view.isConnected) refreshList(view, list, shown).catch(() => {});
    }, REFRESH_MS);
  }
}

/** A job's card; update() writes the latest figures into its existing elements and, once done, adds its summary. */
function jobCard(id) {
  const title = h('h3', {id: `batch-${id}-title`});
  const bar = h('progress', {id: `batch-${id}-progress`, max: 1, value: 0});
  const counts = h('span', {class: 'counts'});
  const facts = h('p', {class: 'hint'});
  const failure = h('p', {class: 'error', hidden: true});
  const summary = h('div', {class: 'batch-summary'});
  const element = h('section', {class: 'card batch', id: `batch-${id}`, 'aria-labelledby': `batch-${id}-title`},
    title, h('div', {class: 'batch-progress'}, h('label', {for: bar.id}, '进度'), bar, counts), facts, failure, summary);
  let summarised = false;
  return {
    element,
    async update(b) {
      const status = STATUSES[b.status] || b.status;
      title.textContent = `任务 ${b.id} · ${b.ruleSet ? ruleSetLabel(b.ruleSet) : '—'} · ${status}`;
      element.classList.toggle('failed', b.status === 'FAILED');
      bar.max = Math.max(1, b.total);
      bar.value = b.done;
      bar.setAttribute('aria-valuetext', `${b.done} / ${b.total} 份`);
      counts.textContent = ` 已处理 ${number(b.done, 0)} / ${number(b.total, 0)} 份` +
        (b.invalid ? `（其中 ${number(b.invalid, 0)} 份数据有误，未评估）` : '');
      facts.textContent = [`提交人 ${b.submittedBy}`, `提交于 ${dateTime(b.submittedAt)}`,
        b.ratePerSecond != null ? `速度 ${number(b.ratePerSecond, 1)} 份/秒` : null,
        b.status === 'DONE' ? `完成于 ${dateTime(b.finishedAt)}`
          : b.etaSeconds != null ? `预计剩余 ${duration(b.etaSeconds)}` : null].filter(Boolean).join(' · ');
      failure.hidden = !b.failure;
      failure.textContent = b.failure ? `任务失败：${b.failure}` : '';
      if (b.status === 'DONE' && !summarised) {
        summarised = true;
        summary.append(...summaryOf(b.id, await get(`/api/v1/batches/${encodeURIComponent(b.id)}/summary`)));
      }
    },
  };
}

function summaryOf(id, s) {
  const parts = [h('p', {}, `评估 ${number(s.evaluated, 0)} 个县，资源配置达标 ${number(s.passed, 0)} 个、未达标 ` +
      `${number(s.failed, 0)} 个。`,
    h('button', {type: 'button', class: 'secondary', id: `batch-${id}-workbook`,
      onclick: () => download(`/api/v1/batches/${encodeURIComponent(id)}/summary.xlsx`, `batch-${id}.xlsx`)
        .then(link => setStatus(`已下载汇总：${link.download}`)).catch(showError)}, '下载汇总表（Excel）'))];
  const failing = s.failingIndicators || [];
  if (failing.length) {
    parts.push(barChart({title: `任务 ${id} 各指标未达标的县数`,
      bars: failing.map(f => ({label: f.indicator, value: f.counties, ok: false, text: `${f.counties} 个县`}))}));
  }
  parts.push(countyList(id, s.evaluated + (s.invalid || []).length));
  const invalid = s.invalid || [];
  if (invalid.length) {
    parts.push(table(`未能评估的 ${invalid.length} 份数据`, ['位置', '问题'],
      invalid.map(c => [c.source, c.problems.map(p => `${p.field}：${p.message}`).join('；')])));
  }
  return parts;
}

const COUNTY_PAGE = 50;

/** Every county of the job in input order, each evaluated one linked to its evaluation; read when opened, page by page. */
function countyList(id, total) {
  const rows = h('tbody');
  const more = h('button', {type: 'button', class: 'secondary', id: `batch-${id}-more`, hidden: true}, '显示更多');
  const list = h('details', {class: 'batch-counties', id: `batch-${id}-counties`},
    h('summary', {}, `各县评估（共 ${number(total, 0)} 份）`),
    h('table', {}, h('caption', {}, '按提交顺序；点击县区名称打开其评估'),
      h('thead', {}, h('tr', {}, ['位置', '县区', '资源配置', '等级', '未达标指标'].map(label => h('th', {scope: 'col'}, label)))),
      rows),
    more);
  let page = 0;
  const load = async () => {
    more.hidden = true;
    const counties = await get(`/api/v1/batches/${encodeURIComponent(id)}/counties?page=${page}&size=${COUNTY_PAGE}`);
    rows.append(...counties.items.map(countyRow));
    page += 1;
    more.hidden = page * COUNTY_PAGE >= counties.total;
  };
  list.addEventListener('toggle', () => {
    if (list.open && page === 0) load().catch(showError);
  });
  more.addEventListener('click', () => load().catch(showError));
  return list;
}

function countyRow(c) {
  if (c.outcome === 'invalid') {
    return h('tr', {class: 'failed'}, h('td', {}, c.source), h('td', {}, '—'),
      h('td', {colspan: 3}, `数据有误，未评估：${c.problems.map(p => `${p.field}：${p.message}`).join('；')}`));
  }
  const failing = Object.entries(c.failures || {}).map(([indicator, count]) => `${indicator}（${count}）`).join('、');
  return h('tr', {class: c.passed ? null : 'failed'},
    h('td', {}, c.source),
    h('td', {}, h('a', {href: `#/evaluations/${encodeURIComponent(c.evaluationId)}`, 'data-batch-evaluation': c.evaluationId},
      `${c.countyName || ''}（${c.countyCode}）`)),
    h('td', {}, c.passed ? '达标' : '未达标'),
    h('td', {}, c.grade || '—'),
    h('td', {}, failing || '—'));
}
