// The console's shell: log-in, a menu holding only what the user's roles allow, and hash routes to the pages.
import {currentUser, hasRole, login, logout, resume} from './api.js';
import {setStatus, showError} from './status.js';
import {h, clear} from './dom.js';
import {ROLES} from './format.js';
import {ruleSetsPage, ruleSetPage} from './rulesets.js';
import {searchPage, evaluationPage} from './evaluations.js';
import {dataEntryPage} from './data-entry.js';
import {batchesPage} from './batches.js';
// lane cycle (issue 24)
import {mySubmissionsPage, reviewQueuePage, submissionPage, rectificationsPage, overviewPage} from './cycle.js';

const MENU = [
  {href: '#/rule-sets', label: '规则集', roles: ['POLICY_EDITOR', 'AUDITOR']},
  {href: '#/evaluations', label: '评估查询', roles: ['AUDITOR']},
  {href: '#/data-entry', label: '数据填报', roles: ['INTEGRATOR']},
  {href: '#/batches', label: '批量任务', roles: ['INTEGRATOR', 'AUDITOR', 'POLICY_EDITOR']},
  // lane cycle (issue 24)
  {href: '#/my-submissions', label: '我的填报', roles: ['CLERK']},
  {href: '#/review-queue', label: '待审核', roles: ['REVIEWER']},
  {href: '#/rectifications', label: '整改事项', roles: ['CLERK', 'REVIEWER']},
  {href: '#/overview', label: '督导概况', roles: ['REVIEWER']},
];

const ROUTES = [
  {pattern: /^#\/rule-sets$/, page: ruleSetsPage},
  {pattern: /^#\/rule-sets\/([^/?]+)$/, page: ruleSetPage},
  {pattern: /^#\/evaluations(?:\?(.*))?$/, page: searchPage},
  {pattern: /^#\/evaluations\/([^/?]+)$/, page: evaluationPage},
  {pattern: /^#\/data-entry$/, page: dataEntryPage},
  {pattern: /^#\/batches$/, page: batchesPage},
  // lane cycle (issue 24)
  {pattern: /^#\/my-submissions$/, page: mySubmissionsPage},
  {pattern: /^#\/review-queue$/, page: reviewQueuePage},
  {pattern: /^#\/submissions\/([^/?]+)$/, page: submissionPage},
  {pattern: /^#\/rectifications(?:\?(.*))?$/, page: rectificationsPage},
  {pattern: /^#\/overview(?:\?(.*))?$/, page: overviewPage},
];

const view = document.getElementById('view');

function renderMenu(user) {
  const menu = document.getElementById('menu');
  clear(menu);
  menu.hidden = !user;
  document.getElementById('who').hidden = !user;
  if (!user) return;
  document.getElementById('who-name').textContent =
    `${user.name}（${user.roles.map(role => ROLES[role] || role).join('、')}）`
    + (user.jurisdiction && user.jurisdiction !== 'national' ? ` · 管辖区域 ${user.jurisdiction}` : '');
  const items = MENU.filter(item => hasRole(...item.roles));
  menu.append(h('ul', {}, items.map(item => h('li', {}, h('a', {href: item.href, 'data-menu': item.href}, item.label)))));
  const current = location.hash.split('?')[0];
  for (const link of menu.querySelectorAll('a')) {
    if (current.startsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
  }
}

function homeOf() {
  if (hasRole('POLICY_EDITOR')) return '#/rule-sets';
  if (hasRole('AUDITOR')) return '#/evaluations';
  if (hasRole('INTEGRATOR')) return '#/data-entry';
  if (hasRole('CLERK')) return '#/my-submissions';
  if (hasRole('REVIEWER')) return '#/review-queue';
  return '#/batches';
}

function loginPage() {
  const name = h('input', {id: 'login-name', name: 'username', autocomplete: 'username', required: true});
  const password = h('input', {id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true});
  const message = h('p', {id: 'login-error', class: 'error', role: 'alert'});
  const form = h('form', {class: 'login', 'aria-labelledby': 'login-title'},
    h('h2', {id: 'login-title'}, '登录'),
    h('p', {}, '请使用分配给您的用户名和密码登录。'),
    h('label', {for: 'login-name'}, '用户名'), name,
    h('label', {for: 'login-password'}, '密码'), password,
    h('button', {type: 'submit', id: 'login-submit'}, '登录'),
    message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.textContent = '';
    try {
      const user = await login(name.value.trim(), password.value);
      if (!user) {
        message.textContent = '用户名或密码不正确。';
        password.select();
        return;
      }
      location.hash = homeOf();
    } catch (error) {
      message.textContent = `无法登录：${error.message}`;
    }
  });
  clear(view).append(form);
  name.focus();
}

async function route() {
  setStatus('');
  const user = currentUser() || await resume();
  renderMenu(user);
  if (!user) {
    loginPage();
    return;
  }
  const hash = location.hash || homeOf();
  const found = ROUTES.map(r => ({r, m: r.pattern.exec(hash)})).find(x => x.m);
  if (!found) {
    location.hash = homeOf();
    return;
  }
  // Each route renders into its own container: a slow page whose data arrives after the user has moved on writes into
  // a container that is no longer shown, never into the page that replaced it.
  const page = h('div', {class: 'page'});
  clear(view).append(page);
  try {
    await found.r.page(page, ...found.m.slice(1));
  } catch (error) {
    if (page.isConnected) showError(error);
  }
  if (page.isConnected) view.focus({preventScroll: true});
}

document.getElementById('logout').addEventListener('click', async () => {
  await logout();
  location.hash = '#/login';
  route();
});
window.addEventListener('hashchange', route);
route();
