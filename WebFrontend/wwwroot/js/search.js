// Home: search as you type (debounced), filters, facets with counts, paging, availability badges.
import { api, el, money, dateParts, ApiError } from './api.js';

const form = document.getElementById('search-form');
const q = document.getElementById('q');
const city = document.getElementById('city');
const category = document.getElementById('category');
const from = document.getElementById('from');
const to = document.getElementById('to');
const results = document.getElementById('results');
const count = document.getElementById('results-count');
const title = document.getElementById('results-title');
const error = document.getElementById('search-error');
const pager = document.getElementById('pager');
const PAGE_SIZE = 10;

const params = new URLSearchParams(location.search);
let page = Number(params.get('page')) || 1;
q.value = params.get('text') ?? '';
from.value = params.get('from') ?? '';
to.value = params.get('to') ?? '';
const initialCity = params.get('city') ?? '';
const initialCategory = params.get('category') ?? '';
ensureOption(city, initialCity); city.value = initialCity;
ensureOption(category, initialCategory); category.value = initialCategory;

let controller = null;
let timer = 0;

function ensureOption(select, value, label = value) {
  if (!value) return;
  let option = [...select.options].find(o => o.value === value);
  if (!option) { option = el('option', { value }, label); select.append(option); }
  option.textContent = label;
}

function query() {
  const p = new URLSearchParams();
  if (q.value.trim()) p.set('text', q.value.trim());
  if (city.value) p.set('city', city.value);
  if (category.value) p.set('category', category.value);
  if (from.value) p.set('from', from.value);
  if (to.value) p.set('to', to.value);
  if (page > 1) p.set('page', String(page));
  return p;
}

async function search() {
  controller?.abort();
  controller = new AbortController();
  const p = query();
  history.replaceState(null, '', p.size ? `?${p}` : location.pathname);
  p.set('pageSize', String(PAGE_SIZE));
  results.setAttribute('aria-busy', 'true');
  try {
    const { body } = await api(`/search?${p}`, { signal: controller.signal });
    error.hidden = true;
    render(body);
  } catch (e) {
    if (e.name === 'AbortError') return;
    error.textContent = e instanceof ApiError ? e.message : 'Search is not available right now.';
    error.hidden = false;
  } finally {
    results.removeAttribute('aria-busy');
  }
}

function schedule(delay = 250) {
  clearTimeout(timer);
  timer = setTimeout(search, delay);
}

const BADGES = {
  available: ['badge badge-available', 'Available'],
  few: ['badge badge-few', 'Few left'],
  soldout: ['badge badge-soldout', 'Sold out'],
  cancelled: ['badge badge-cancelled', 'Cancelled'],
};

function render(body) {
  title.textContent = q.value.trim() ? `Results for “${q.value.trim()}”` : 'Upcoming events';
  count.textContent = body.total === 1 ? '1 event' : `${body.total.toLocaleString()} events`;
  results.replaceChildren(...body.items.map(item => {
    const d = dateParts(item.startsAt);
    const [badgeClass, badgeText] = BADGES[item.availability] ?? BADGES.available;
    return el('li', {},
      el('a', { class: 'result card', href: `/events/${encodeURIComponent(item.eventId)}` },
        el('div', { class: 'date-block', 'aria-hidden': 'true' },
          el('div', { class: 'm' }, d.month), el('div', { class: 'd' }, d.day), el('div', { class: 'w' }, d.weekday)),
        el('div', {},
          el('h3', {}, item.name),
          el('div', { class: 'muted small' }, `${d.weekday} ${d.day} ${d.month} · ${d.time} · ${item.venue}, ${item.city}`),
          item.performers?.length ? el('div', { class: 'small' }, item.performers.join(', ')) : null),
        el('div', { class: 'result-side' },
          el('span', { class: badgeClass }, badgeText),
          !['soldout', 'cancelled'].includes(item.availability) ? el('span', { class: 'price-from' }, `from ${money(item.minPrice, item.currency)}`) : null)));
  }));
  if (!body.items.length) {
    results.append(el('li', { class: 'empty card' }, 'No events match. Try fewer words or other filters.'));
  }
  renderFacet('category', body.facets?.category ?? {}, category);
  renderFacet('city', body.facets?.city ?? {}, city);
  const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
  pager.hidden = pages <= 1;
  document.getElementById('page-info').textContent = `Page ${page} of ${pages}`;
  document.getElementById('prev').disabled = page <= 1;
  document.getElementById('next').disabled = page >= pages;
}

function renderFacet(name, counts, select) {
  const list = document.getElementById(`facet-${name}`);
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  list.replaceChildren(...entries.map(([value, n]) => el('li', {},
    el('button', {
      type: 'button', 'aria-pressed': String(select.value === value),
      onclick: () => { select.value = select.value === value ? '' : value; page = 1; search(); },
    }, el('span', {}, cap(value)), el('span', { class: 'facet-count' }, n.toLocaleString())))));
  // The select keeps every value seen so far, with the latest counts.
  for (const [value, n] of entries) ensureOption(select, value, `${cap(value)} (${n})`);
}

function cap(s) { return s ? s[0].toUpperCase() + s.slice(1) : s; }

q.addEventListener('input', () => { page = 1; schedule(); });
for (const input of [city, category, from, to]) input.addEventListener('change', () => { page = 1; search(); });
form.addEventListener('submit', e => { e.preventDefault(); page = 1; search(); });
document.getElementById('prev').addEventListener('click', () => { page--; search(); window.scrollTo(0, 0); });
document.getElementById('next').addEventListener('click', () => { page++; search(); window.scrollTo(0, 0); });

search();
