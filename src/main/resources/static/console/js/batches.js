// Batch jobs: progress (done/total, rate, time left) and, per job, the failing indicators by frequency.
// Written against the batch API's contract (GET /api/v1/batches, GET /api/v1/batches/{id}); where the running
// service has no batch API yet (404), the page says there are no batch jobs.
import {get, ApiError} from './api.js';
import {h, add, table, section} from './dom.js';
import {number, duration, dateTime, ruleSetLabel} from './format.js';
import {barChart} from './chart.js';

const STATUSES = {QUEUED: '排队中', RUNNING: '进行中', DONE: '已完成', COMPLETED: '已完成', FAILED: '失败', CANCELLED: '已取消'};
const REFRESH_MS = 5000;

export async function batchesPage(view) {
  let batches;
  try {
    const body = await get('/api/v1/batches');
    batches = Array.isArray(body) ? body : (body?.items || []);
  } catch (error) {
    if (error instanceof ApiError && [403, 404, 405].includes(error.status)) {
      add(view, h('h2', {}, '批量任务'), h('p', {id: 'no-batches'}, error.status === 403
        ? '暂无可查看的批量任务（您的角色无权查看批量任务，或本服务尚未提供批量评估）。' : '暂无批量任务。'));
      return;
    }
    throw error;
  }
  add(view, h('h2', {}, '批量任务'));
  if (!batches.length) {
    add(view, h('p', {id: 'no-batches'}, '暂无批量任务。'));
    return;
  }
  add(view, table(null, ['任务', '规则集', '状态', '进度', '速度', '预计剩余', '开始时间'],
    batches.map(b => [b.id, b.ruleSet ? ruleSetLabel(b.ruleSet) : '—', STATUSES[b.status] || b.status || '—',
      progress(b), b.ratePerSecond != null ? `${number(b.ratePerSecond, 1)} 个/秒` : '—', eta(b), dateTime(b.submittedAt || b.startedAt)])));
  for (const b of batches) {
    const chart = failingChart(b);
    if (chart) add(view, section(`任务 ${b.id}：未达标指标出现次数`, chart));
  }
  if (batches.some(b => b.total && b.done < b.total)) {
    const hash = location.hash;
    setTimeout(() => {
      if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    }, REFRESH_MS);
  }
}

function progress(b) {
  const total = Number(b.total) || 0;
  const done = Number(b.done) || 0;
  return h('span', {}, h('progress', {max: total || 1, value: done}), ` ${number(done, 0)} / ${number(total, 0)} 份`);
}

function eta(b) {
  const value = b.etaSeconds ?? b.eta;
  if (value == null) return '—';
  return typeof value === 'number' ? duration(value) : dateTime(value);
}

/** summary.failedIndicators as {code: count} or [{indicator, count}]. */
function failingChart(b) {
  const raw = b.summary?.failedIndicators || b.summary?.failingIndicators;
  if (!raw) return null;
  const entries = Array.isArray(raw) ? raw.map(x => [x.indicator || x.code, x.count]) : Object.entries(raw);
  if (!entries.length) return null;
  entries.sort((a, b2) => b2[1] - a[1]);
  return barChart({title: `任务 ${b.id} 各指标未达标的评估数`,
    bars: entries.map(([code, count]) => ({label: code, value: count, ok: false, text: `${count} 份`}))});
}
