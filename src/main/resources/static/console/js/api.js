// Every figure on the console comes from the REST API, sent with the signed-in user's HTTP Basic credentials.
// credentials: 'omit' keeps the browser's own password dialog away when a login is wrong (the header is still sent).

const KEY = 'compliance-console-user';

export function currentUser() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored) : null;
}

export function hasRole(...roles) {
  const user = currentUser();
  return !!user && user.roles.some(role => role === 'ADMIN' || roles.includes(role));
}

export async function login(name, password) {
  const token = btoa(String.fromCharCode(...new TextEncoder().encode(`${name}:${password}`)));
  const response = await send('/api/v1/me', {}, token);
  if (response.status === 401) return null;
  const me = await expectOk(response);
  const user = {name: me.name, roles: me.roles, token};
  sessionStorage.setItem(KEY, JSON.stringify(user));
  return user;
}

export function logout() {
  sessionStorage.removeItem(KEY);
}

/** An error the API answered with: its status and its RFC 9457 problem body (or null). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function send(path, options = {}, token = currentUser()?.token) {
  const headers = {Accept: 'application/json, application/problem+json', ...(options.headers || {})};
  if (token) headers.Authorization = `Basic ${token}`;
  return fetch(path, {...options, headers, credentials: 'omit'});
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
    logout();
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
