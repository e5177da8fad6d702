// Chinese labels for the API's codes, and numbers written with their units.

export const VERDICTS = {
  PASSED: '达标', FAILED: '未达标', NOT_APPLICABLE: '不适用', NOT_ASSESSED: '未评估', NOT_YET_IN_FORCE: '尚未生效',
};
export const STAGES = {PRIMARY: '小学', JUNIOR: '初中', SENIOR: '高中'};
export const ROLES = {INTEGRATOR: '数据填报', AUDITOR: '审计', POLICY_EDITOR: '政策制定', ADMIN: '管理员',
  CLERK: '填报员', REVIEWER: '审核员'};
export const RULE_SETS = {
  'balanced-development': '县域义务教育优质均衡', curriculum: '学校课程开设', 'district-targets': '区县发展目标',
};

export function ruleSetLabel(name) {
  return RULE_SETS[name] ? `${RULE_SETS[name]}（${name}）` : name;
}

export function verdictLabel(verdict) {
  return VERDICTS[verdict] || verdict || '—';
}

/** A number in Chinese notation (thousands separators), up to 4 decimals; '—' when absent. */
export function number(value, digits = 4) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', {maximumFractionDigits: digits}) : String(value);
}

/**
 * A number with its unit ('人', '平方米', '元', '分', '节/周'…); a percentage ('%', already in percent) without a space;
 * money ('元', '元/生'…) to the fen, two decimals.
 */
export function quantity(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return `${number(value, 2)}%`;
  if (unit && unit.startsWith('元')) return `${number(value, 2)} ${unit}`;
  return unit ? `${number(value)} ${unit}` : number(value);
}

export function requirement(comparator, threshold, unit) {
  if (threshold === null || threshold === undefined) return '—';
  return `${comparator || ''}${quantity(threshold, unit)}`;
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', {hour12: false});
}

export function shortHash(hash) {
  return hash ? hash.slice(0, 12) : '—';
}

export function subjectName(subject) {
  if (!subject) return '—';
  const name = subject.countyName || subject.schoolName || subject.districtName || subject.provinceName || '';
  const code = subject.countyCode || subject.schoolId || subject.districtCode || subject.provinceCode || '';
  return `${name}（${code}）${subject.year} 年`;
}

export function origin(rule) {
  if (!rule) return '—';
  if (rule.sheet) return `${rule.workbook} 工作表「${rule.sheet}」第 ${rule.row} 行`;
  return rule.workbook || rule.name;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(Number(seconds))) return '—';
  const s = Math.max(0, Math.round(Number(seconds)));
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}
