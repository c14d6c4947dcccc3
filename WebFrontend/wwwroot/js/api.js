// The JSON API (/api/v1) for the pages: the signed-in fan's token, problem+json turned into
// sentences people can read, and small helpers. No framework, no build step.

const AUTH_KEY = 'tm.auth';

/** The signed-in fan ({accessToken, expiresAt, email}) or null; the token lives in sessionStorage only. */
export function currentUser() {
  try {
    const auth = JSON.parse(sessionStorage.getItem(AUTH_KEY) ?? 'null');
    if (!auth?.accessToken || Date.parse(auth.expiresAt) <= Date.now()) return null;
    return auth;
  } catch {
    return null;
  }
}

export function signIn(auth, email) {
  sessionStorage.setItem(AUTH_KEY, JSON.stringify({ ...auth, email }));
}

/** True when the access token carries the admin role (for showing the organiser link; the API decides). */
export function isAdmin(user = currentUser()) {
  return hasRole('admin', user);
}

/** True when the token carries the organiser or admin role (for the organiser pages; the API decides what each may touch). */
export function isOrganiser(user = currentUser()) {
  return isAdmin(user) || hasRole('organiser', user);
}

/** True when the access token carries the role (for showing links; the API decides). */
export function hasRole(role, user = currentUser()) {
  try {
    const payload = JSON.parse(atob(user.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return [payload.role ?? []].flat().includes(role);
  } catch {
    return false;
  }
}

export function signOut() {
  sessionStorage.removeItem(AUTH_KEY);
}

/** An error with the HTTP status, the problem+json body and a message fit to show. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem ?? {};
  }
}

const MESSAGES = {
  0: 'We could not reach TicketMaster. Check your connection and try again.',
  400: 'Something in the request was not right.',
  401: 'Please sign in to continue.',
  402: 'Your payment was declined. Your seats are still held: try another card.',
  403: 'That belongs to another account.',
  404: 'We could not find that.',
  409: 'Sorry, those seats were just taken by someone else.',
  410: 'Your hold has expired or was released, so the seats went back on sale. Please pick seats again.',
  428: 'This event has a waiting room. Join the queue to get your turn.',
  429: 'Lots of people are buying right now. Please wait a moment and try again.',
  504: 'The payment provider did not answer in time. Nothing was charged and your seats are still held: please try again.',
};

export function messageFor(status, problem) {
  if (status === 400 && problem?.errors) {
    const first = Object.values(problem.errors).flat()[0];
    if (first) return first;
  }
  if (status === 409 && !problem?.unavailable?.length && problem?.detail) return problem.detail;
  return MESSAGES[status] ?? (status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : 'That did not work. Please try again.');
}

/**
 * fetch against /api/v1 with JSON in and out. Returns {status, body, etag}; throws ApiError for
 * any status not in `ok` (200..299 and 304 by default).
 */
export async function api(path, { method = 'GET', body, headers = {}, auth = false, signal } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const user = currentUser();
  if (auth || user) {
    if (user) h.Authorization = `Bearer ${user.accessToken}`;
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers: h, signal, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, MESSAGES[0]);
  }
  const etag = response.headers.get('ETag');
  if (response.status === 304) return { status: 304, body: null, etag };
  const type = response.headers.get('Content-Type') ?? '';
  let data = null;
  if (type.includes('json')) {
    try { data = await response.json(); } catch { data = null; }
  } else if (response.status !== 204) {
    data = await response.text();
  }
  if (!response.ok) {
    if (response.status === 401 && auth) signOut();
    throw new ApiError(response.status, data, messageFor(response.status, data));
  }
  return { status: response.status, body: data, etag };
}

// ---- formatting -------------------------------------------------------------------------------

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function dateParts(iso) {
  const d = new Date(iso);
  return {
    month: new Intl.DateTimeFormat(undefined, { month: 'short' }).format(d),
    day: d.getDate(),
    weekday: new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(d),
    time: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(d),
  };
}

/** Seat id "A-3-7" as words: section A, row 3, seat 7. */
export function seatParts(seatId) {
  const m = /^(.+)-(\d+)-(\d+)$/.exec(seatId);
  return m ? { section: m[1], row: Number(m[2]), number: Number(m[3]) } : null;
}

export function seatLabel(seatId, sectionName) {
  const p = seatParts(seatId);
  if (!p) return sectionName ? `${sectionName} (general admission)` : 'General admission';
  return `${sectionName ?? p.section}, row ${p.row}, seat ${p.number}`;
}

/** Creates an element: el('a', {href: '/', class: 'x'}, 'text', child...). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Same-origin path to go back to after signing in; anything else goes home. */
/**
 * Where to go back to after signing in: a path of this site only. Parsed as the browser will parse
 * it (which drops tabs and line breaks, so "/\t/evil.example" is "//evil.example") and kept only when
 * it stays on this origin.
 */
export function safeReturn(value) {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  try {
    const url = new URL(value, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}

export function signInUrl() {
  return `/account?return=${encodeURIComponent(location.pathname + location.search)}`;
}
