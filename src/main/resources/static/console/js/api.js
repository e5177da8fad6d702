// Every figure on the console comes from the REST API. Signing in opens a session: the browser keeps only its cookie
// (HttpOnly, so no script can read it) and the CSRF token the service hands out, which every change sends back.
// What is kept here is who is signed in (name, roles, node) to draw the menu: no password, no credential.

const KEY = 'compliance-console-user';
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

export function currentUser() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored) : null;
}

export function hasRole(...roles) {
  const user = currentUser();
  return !!user && user.roles.some(role => role === 'ADMIN' || roles.includes(role));
}

/** Signs in; null for a wrong name or password, an ApiError for anything else (a lock-out says when to try again). */
export async function login(name, password) {
  const response = await send('/api/v1/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: name, password}),
  });
  if (response.status === 401) return null;
  const me = await expectOk(response);
  const user = {name: me.name, roles: me.roles, jurisdiction: me.jurisdiction};
  sessionStorage.setItem(KEY, JSON.stringify(user));
  return user;
}

/** Signs out: the service deletes the session, so its cookie is worthless from now on. */
export async function logout() {
  sessionStorage.removeItem(KEY);
  try {
    await send('/api/v1/session', {method: 'DELETE'});
  } catch (ignored) {
    // signed out here in any case
  }
}

/** Asks the service who is signed in (a session from an earlier page load); null when no one is. */
export async function resume() {
  const response = await send('/api/v1/me');
  if (!response.ok) return null;
  const me = await response.json();
  const user = {name: me.name, roles: me.roles, jurisdiction: me.jurisdiction};
  sessionStorage.setItem(KEY, JSON.stringify(user));
  return user;
}

/** An error the API answered with: its status and its RFC 9457 problem body (or null). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith(`${CSRF_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.substring(CSRF_COOKIE.length + 1)) : null;
}

function send(path, options = {}) {
  const headers = {Accept: 'application/json, application/problem+json', ...(options.headers || {})};
  const method = (options.method || 'GET').toUpperCase();
  const token = csrfToken();
  if (token && !['GET', 'HEAD'].includes(method)) headers[CSRF_HEADER] = token;
  return fetch(path, {...options, headers, credentials: 'same-origin'});
}

async function expectOk(response) {
  if (response.ok) return response.status === 204 ? null : response.json();
  let problem = null;
  try {
    problem = await response.json();
  } catch (ignored) {
    // not a problem body
  }
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    location.hash = '#/login';
  }
  throw new ApiError(response.status, problem);
}

export async function get(path) {
  return expectOk(await send(path));
}

export async function post(path, body) {
  const options = {method: 'POST'};
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers = {'Content-Type': 'application/json'};
  }
  return expectOk(await send(path, options));
}

/** Fetches a file with the user's credentials and hands it to the browser as a download; returns the link used. */
export async function download(path, fallbackName) {
  const response = await send(path, {headers: {Accept: '*/*'}});
  if (!response.ok) await expectOk(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  link.textContent = link.download;
  link.click();
  return link;
}

function fileName(disposition) {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
