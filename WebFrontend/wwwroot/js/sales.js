// An event's live sales report (owner organiser or admin): totals, a bar chart of tickets sold per
// minute drawn as SVG here (no chart library), and the sections; refreshed every few seconds.
import { api, ApiError, currentUser, el, money, signInUrl } from './api.js';

const root = document.querySelector('[data-module="sales"]');
const eventId = root.dataset.eventId;
const $ = id => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const REFRESH_MS = 3000;
const MINUTES_SHOWN = 60;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One bar per minute of the last hour that sold anything, scaled to the busiest one. */
function chart(perMinute, currency) {
  const minutes = perMinute.slice(-MINUTES_SHOWN);
  if (minutes.length === 0) return el('p', { class: 'muted', id: 'sales-chart-empty' }, 'Nothing sold yet.');
  const width = 640, height = 180, pad = 24;
  const most = Math.max(...minutes.map(m => m.sold));
  const step = (width - pad) / minutes.length;
  const box = svg('svg', { viewBox: `0 0 ${width} ${height + pad}`, class: 'sales-chart', role: 'img', 'aria-label': `Tickets sold per minute, last ${minutes.length} minutes with sales` });
  minutes.forEach((m, i) => {
    const h = Math.max(1, Math.round((m.sold / most) * height));
    const bar = svg('rect', { x: pad + i * step + 1, y: height - h, width: Math.max(1, step - 2), height: h, class: 'sales-bar' });
    bar.append(svg('title', {}, `${new Date(m.minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: ${m.sold} sold, ${money(m.revenue, currency)}`));
    box.append(bar);
  });
  box.append(svg('text', { x: 0, y: 12, class: 'sales-axis' }, String(most)));
  box.append(svg('text', { x: pad, y: height + pad - 6, class: 'sales-axis' }, new Date(minutes[0].minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
  return box;
}

function render(report) {
  const c = report.currency;
  const t = report.totals;
  $('sales-totals').replaceChildren(
    ...[['Sold', t.sold, 'total-sold'], ['Held now', t.held, 'total-held'], ['Revenue', money(t.revenue, c), 'total-revenue'],
      ['Bookings', t.bookings, 'total-bookings'], ['Refunded bookings', t.refunded, 'total-refunded']]
      .map(([label, value, id]) => el('div', { class: 'card sales-total' }, el('div', { class: 'muted small' }, label), el('strong', { id }, String(value)))));
  $('sales-chart').replaceChildren(chart(report.perMinute, c));
  $('sales-sections').replaceChildren(...report.sections.map(s => el('tr', {},
    el('th', { scope: 'row' }, s.sectionId), el('td', {}, String(s.capacity)), el('td', {}, String(s.sold)),
    el('td', {}, String(s.held)), el('td', {}, String(s.available)), el('td', {}, money(s.revenue, c)))));
  $('sales-updated').textContent = `Live · ${new Date().toLocaleTimeString()}`;
  $('sales').hidden = false;
}

async function refresh() {
  try {
    const { body } = await api(`/events/${encodeURIComponent(eventId)}/sales`, { auth: true });
    render(body);
    $('sales-error').hidden = true;
  } catch (err) {
    $('sales-error').textContent = err instanceof ApiError && err.status === 403
      ? 'This event belongs to another organiser.'
      : err instanceof ApiError && err.status === 404 ? 'No such event.' : 'The report could not be loaded; retrying.';
    $('sales-error').hidden = false;
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return false;
  }
  return true;
}

// The CSV needs the bearer token, so it is fetched here and handed to the browser as a file.
$('sales-csv').addEventListener('click', async e => {
  e.preventDefault();
  const response = await fetch(`/api/v1/events/${encodeURIComponent(eventId)}/sales`, {
    headers: { Accept: 'text/csv', Authorization: `Bearer ${currentUser()?.accessToken}` },
  });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const a = el('a', { href: url, download: `sales-${eventId}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
});

if (!currentUser()) location.href = signInUrl();
else {
  api(`/view?event_id=${encodeURIComponent(eventId)}`).then(({ body }) => { $('sales-title').textContent = `Sales · ${body.name}`; }).catch(() => {});
  (async function loop() {
    if (await refresh()) setTimeout(loop, REFRESH_MS);
  })();
}
