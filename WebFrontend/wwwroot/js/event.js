// Event page: details, sections, the live seat map, the hold with its countdown, and checkout.
import { api, ApiError, currentUser, el, money, dateTime, seatLabel, seatParts, signInUrl } from './api.js';
import { SeatMap } from './seatmap.js';
import { SectionMap } from './sectionmap.js';

const MAX_TICKETS = 10;
const POLL_MS = 1000;
const WAITLIST_POLL_MS = 3000;
// Past this size the page shows sections first and then one section's seats, read by change.
const STADIUM_SEATS = 5000;
const STADIUM_SECTIONS = 8;
const STATUS = ['available', 'held', 'sold']; // the section encoding's 0, 1, 2
const root = document.querySelector('[data-module=event]');
const eventId = root.dataset.eventId ?? '';
const sandbox = root.dataset.sandbox === 'true';
const HOLD_KEY = `tm.hold.${eventId}`;
const PICK_KEY = `tm.pick.${eventId}`;
const ADMISSION_KEY = `tm.admission.${eventId}`;

const basket = document.getElementById('basket');
const message = document.getElementById('message');

let view = null;
let viewEtag = null;
let seatsEtag = null;
let seatList = [];
let statusById = new Map(); // the latest status of each seat; the map keeps the seats it drew first
let map = null;
let stadium = false;
let overview = null; // the sections overview (stadium only)
let overviewEtag = null;
const tiles = new Map(); // sectionId -> {button, count, detail}
let current = null; // the section shown (stadium only): {section, version, epoch}
const selected = new Set(JSON.parse(sessionStorage.getItem(PICK_KEY) ?? '[]'));
sessionStorage.removeItem(PICK_KEY);
let hold = loadHold();
let booking = null;
let payKey = null; // Idempotency-Key of the payment attempt in flight; kept only to retry one that got no answer
let busy = false;
let countdownTimer = 0;
let waitTimer = 0;
let lastToken = sandbox ? 'tok_visa' : ''; // survives the re-render after a declined attempt

function loadHold() {
  try {
    const h = JSON.parse(sessionStorage.getItem(HOLD_KEY) ?? 'null');
    return h && Date.parse(h.expiresAt) > Date.now() ? h : null;
  } catch { return null; }
}

function saveHold(h) {
  hold = h;
  if (h) sessionStorage.setItem(HOLD_KEY, JSON.stringify(h));
  else sessionStorage.removeItem(HOLD_KEY);
}

/**
 * A hold of this event made on another device, or seats the waitlist holds for the fan: the page
 * takes it up as its own, so the countdown and checkout work as for a hold made here.
 */
async function adoptHeldElsewhere() {
  if (hold || !currentUser()) return;
  try {
    const { body } = await api('/reservations', { auth: true });
    const mine = body.items.find(r => r.eventId === eventId);
    if (mine) saveHold(mine);
  } catch {
    // Only a convenience: the page works without it.
  }
}

async function joinWaitlist(s, quantity) {
  if (!currentUser()) return needSignIn();
  try {
    const { body } = await api(`/events/${encodeURIComponent(eventId)}/waitlist`, { method: 'POST', auth: true, body: { quantity, sectionId: s.sectionId } });
    say(`You are number ${body.position} on the waitlist for ${s.name}. If seats come back they are held for you, and this page and My tickets show them.`, 'ok');
    // Offers are holds: look for one now and then, and take it up as this page's hold.
    clearInterval(waitTimer);
    waitTimer = setInterval(async () => {
      await adoptHeldElsewhere();
      if (!hold) return;
      clearInterval(waitTimer);
      say('Seats came back and are held for you: pay before the time runs out.', 'ok');
      renderSections();
      renderBasket();
    }, WAITLIST_POLL_MS);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) return needSignIn();
    say(e.problem.detail ?? e.message);
  }
}

function section(id) { return view?.sections.find(s => s.sectionId === id); }
function sectionName(id) { return section(id)?.name ?? id; }

function say(text, kind = 'error', extra) {
  message.replaceChildren();
  if (!text) return;
  message.append(el('div', { class: `alert alert-${kind}` }, text, extra ? ' ' : null, extra ?? null));
}

// ---- loading and live polling -------------------------------------------------------------------

async function loadView() {
  const { status, body, etag } = await api(`/view?event_id=${encodeURIComponent(eventId)}`, { headers: viewEtag ? { 'If-None-Match': viewEtag } : {} });
  if (status === 304) return false;
  view = body;
  viewEtag = etag;
  return true;
}

function loadSeats() {
  return stadium ? loadSection() : loadAllSeats();
}

async function loadAllSeats() {
  const { status, body, etag } = await api(`/events/${encodeURIComponent(eventId)}/seats`, { headers: seatsEtag ? { 'If-None-Match': seatsEtag } : {} });
  if (status === 304) return false;
  seatList = body.seats;
  statusById = new Map(seatList.map(s => [s.seatId, s.status]));
  seatsEtag = etag;
  return true;
}

async function loadOverview() {
  const { status, body, etag } = await api(`/events/${encodeURIComponent(eventId)}/sections`, { headers: overviewEtag ? { 'If-None-Match': overviewEtag } : {} });
  if (status === 304) return false;
  overview = body;
  overviewEtag = etag;
  return true;
}

/** The shown section's seats: the whole section the first time, then only what changed since the version we have. */
async function loadSection() {
  const asked = current;
  if (!asked) return false;
  const since = asked.version === null ? '' : `?since=${asked.version}&epoch=${asked.epoch}`;
  const { body } = await api(`/events/${encodeURIComponent(eventId)}/sections/${encodeURIComponent(asked.section.sectionId)}/seats${since}`);
  if (asked !== current) return false; // the fan chose another section meanwhile
  let changed = true;
  if (body.full && seatList.length !== body.status.length) {
    const id = asked.section.sectionId;
    seatList = Array.from(body.status, (c, i) => ({
      seatId: `${id}-${Math.floor(i / body.seatsPerRow) + 1}-${i % body.seatsPerRow + 1}`, sectionId: id,
      row: Math.floor(i / body.seatsPerRow) + 1, number: i % body.seatsPerRow + 1, status: STATUS[c],
    }));
    map.draw(seatList);
  } else if (body.full) {
    for (let i = 0; i < seatList.length; i++) seatList[i].status = STATUS[body.status[i]];
  } else {
    for (const [i, c] of body.changes) if (seatList[i]) seatList[i].status = STATUS[c];
    changed = body.changes.length > 0;
  }
  asked.version = body.version;
  asked.epoch = body.epoch;
  updateTile({ ...asked.section, available: body.available, held: body.held, sold: body.sold });
  return changed;
}

function stateOf(seat) {
  if (hold?.seats.some(s => s.seatId === seat.seatId)) return 'yours';
  const status = statusById.get(seat.seatId) ?? seat.status;
  if (status === 'available') return selected.has(seat.seatId) ? 'selected' : 'available';
  return status;
}

function refreshMap() {
  // A picked seat someone else took is unpicked, and the fan is told.
  const taken = seatList.filter(s => selected.has(s.seatId) && s.status !== 'available');
  for (const s of taken) selected.delete(s.seatId);
  if (taken.length) say(`Just taken by someone else: ${taken.map(s => seatLabel(s.seatId, sectionName(s.sectionId))).join('; ')}.`, 'info');
  map?.update(stateOf);
  if (taken.length) renderBasket();
}

let polls = 0;
let pollTimer = 0;
let polling = false;
async function poll() {
  clearTimeout(pollTimer);
  if (polling) return;
  polling = true;
  try {
    if (await loadSeats()) refreshMap();
    if (++polls % 5 === 0 && await loadView()) renderSections();
    if (stadium && polls % 3 === 0 && await loadOverview()) overview.sections.forEach(updateTile);
    document.getElementById('live').textContent = 'Live availability';
  } catch {
    document.getElementById('live').textContent = 'Reconnecting…';
  } finally {
    polling = false;
  }
  // A tab in the background asks less often, and catches up the moment it is shown again.
  pollTimer = setTimeout(poll, document.hidden ? POLL_MS * 5 : POLL_MS);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && map) poll();
});

async function start() {
  if (!eventId) { fail('No event was given. Go back to the search and pick one.'); return; }
  try {
    await loadView();
    stadium = isStadium(view);
    if (stadium) await loadOverview();
    else await loadSeats();
  } catch (e) {
    fail(e instanceof ApiError && e.status === 404 ? 'We could not find this event. It may have been removed.' : (e.message || 'This event cannot be shown right now.'));
    return;
  }
  renderEvent();
  if (view.cancelled) return;
  await adoptHeldElsewhere();
  if (stadium) {
    renderOverview();
    renderSections();
    renderBasket();
    // Back from signing in with seats picked: show their section again.
    const picked = seatParts([...selected][0] ?? '')?.section;
    if (picked) await openSection(picked);
    pollTimer = setTimeout(poll, POLL_MS);
    return;
  }
  map = new SeatMap(document.getElementById('seatmap-wrap'), view.sections, toggle);
  if (seatList.length) {
    map.draw(seatList);
    // On a phone the map is wider than the screen: start with the middle (the stage) in view.
    const wrap = document.getElementById('seatmap-wrap');
    wrap.scrollLeft = (wrap.scrollWidth - wrap.clientWidth) / 2;
  }
  else document.getElementById('seatmap-wrap').replaceChildren(el('p', { class: 'muted' }, 'This event is general admission only: choose a quantity below.'));
  for (const id of [...selected]) if (!seatList.some(s => s.seatId === id && s.status === 'available')) selected.delete(id);
  refreshMap();
  renderSections();
  renderBasket();
  pollTimer = setTimeout(poll, POLL_MS);
}

function isStadium(v) {
  const seats = v.sections.filter(s => !s.generalAdmission).reduce((sum, s) => sum + s.capacity, 0);
  return seats > STADIUM_SEATS || v.sections.length > STADIUM_SECTIONS;
}

async function openSection(sectionId) {
  const section = overview.sections.find(s => s.sectionId === sectionId);
  if (!section) return;
  if (section.standing) {
    // Standing has no seats to draw: its quantity is chosen in the list of sections.
    document.getElementById(`qty-${sectionId}`)?.focus();
    return;
  }
  current = { section, version: null, epoch: null };
  seatList = [];
  for (const [id, t] of tiles) t.button.setAttribute('aria-pressed', String(id === sectionId));
  const title = document.getElementById('section-title');
  title.textContent = `${section.name}: ${section.rows} rows of ${section.seatsPerRow} seats, ${money(section.price, section.currency)} each`;
  title.hidden = false;
  const wrap = document.getElementById('seatmap-wrap');
  map = new SectionMap(wrap, section, toggle);
  try {
    await loadSection();
  } catch (e) {
    say(e.message || 'This section cannot be shown right now.');
    return;
  }
  refreshMap();
  renderBasket();
  wrap.scrollLeft = (wrap.scrollWidth - wrap.clientWidth) / 2;
}

function fail(text) {
  const box = document.getElementById('load-error');
  box.textContent = text;
  box.hidden = false;
}

/** replaceChildren that skips the absent parts of a conditional layout. */
function fill(node, ...children) {
  node.replaceChildren(...children.filter(c => c !== null && c !== undefined && c !== false));
}

// ---- rendering --------------------------------------------------------------------------------

function renderEvent() {
  document.title = `${view.name} · TicketMaster`;
  document.getElementById('event-name').textContent = view.name;
  document.getElementById('event-date').textContent = dateTime(view.startsAt);
  document.getElementById('event-venue').textContent = `${view.venue.name}, ${view.venue.address}`;
  document.getElementById('event-performers').textContent = view.performers.map(p => p.name).join(' · ');
  document.getElementById('event-description').textContent = view.description;
  // A cancelled event says so and sells nothing: no map, no queue.
  document.getElementById('cancelled-note').hidden = !view.cancelled;
  document.getElementById('event-buying').hidden = !!view.cancelled;
  const queued = !view.cancelled && view.queueActive && !sessionStorage.getItem(ADMISSION_KEY);
  document.getElementById('queue-note').hidden = !queued;
  // While the waiting room is on, buying needs an admission token: the queue page gets one.
  if (queued && !hold) location.replace(`/events/${encodeURIComponent(eventId)}/queue`);
  document.getElementById('queue-link').href = `/events/${encodeURIComponent(eventId)}/queue`;
  countDownToSale();
  document.getElementById('event').hidden = false;
}

let saleTimer = null;

/** Before the on-sale time the page counts down to it (by this device's clock; the API decides when reserving opens). */
function countDownToSale() {
  const at = view.onSaleAt && !view.cancelled ? Date.parse(view.onSaleAt) : NaN;
  const note = document.getElementById('onsale-note');
  const tick = () => {
    const left = at - Date.now();
    if (!(left > 0)) {
      note.hidden = true;
      clearInterval(saleTimer);
      saleTimer = null;
      return;
    }
    const s = Math.ceil(left / 1000);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    document.getElementById('onsale-countdown').textContent =
      (d > 0 ? `${d}d ` : '') + [h, m, sec].map(n => String(n).padStart(2, '0')).join(':');
    note.hidden = false;
  };
  document.getElementById('onsale-at').textContent = Number.isNaN(at) ? '' : dateTime(view.onSaleAt);
  tick();
  if (!saleTimer && !note.hidden) saleTimer = setInterval(tick, 1000);
}

/** The overview: a tile per section with its counts at a glance; a tile opens its section's seats. */
function renderOverview() {
  document.getElementById('map-hint').textContent =
    'Pick a section to see its seats, then click or tap up to 10 of them (or Tab to the seats and use the arrow keys and Enter). Or let us pick the best seats in a section below.';
  document.getElementById('seatmap-wrap').classList.add('stadium');
  fill(document.getElementById('seatmap-wrap'), el('p', { class: 'muted' }, 'Choose a section above to see its seats.'));
  const list = el('ul', { class: 'tiles', id: 'section-tiles', 'aria-label': 'Sections' });
  tiles.clear();
  for (const s of overview.sections) {
    const count = el('span', { class: 'tile-count' });
    const detail = el('span', { class: 'tile-detail' });
    const button = el('button', { type: 'button', class: 'tile', 'data-section': s.sectionId, 'aria-pressed': 'false', onclick: () => openSection(s.sectionId) },
      el('strong', {}, s.name), count, detail, el('span', { class: 'tile-price' }, money(s.price, s.currency)));
    tiles.set(s.sectionId, { button, count, detail });
    list.append(el('li', {}, button));
    updateTile(s);
  }
  const box = document.getElementById('section-overview');
  box.replaceChildren(list);
  box.hidden = false;
}

function updateTile(s) {
  const tile = tiles.get(s.sectionId);
  if (!tile) return;
  const level = s.available === 0 ? 'soldout' : s.available <= Math.max(10, s.capacity * 0.1) ? 'few' : 'available';
  tile.button.className = `tile tile-${level}`;
  tile.count.textContent = s.available === 0 ? 'Sold out' : `${s.available.toLocaleString()} free${s.standing ? ' (standing)' : ''}`;
  tile.detail.textContent = `${s.held.toLocaleString()} held · ${s.sold.toLocaleString()} sold`;
}

function availabilityText(s) {
  if (s.available === 0) return el('span', { class: 'badge badge-soldout' }, 'Sold out');
  if (s.available <= Math.max(10, s.capacity * 0.1)) return el('span', { class: 'badge badge-few' }, `Only ${s.available} left`);
  return el('span', { class: 'badge badge-available' }, `${s.available.toLocaleString()} available`);
}

function quantitySelect(id, label, max) {
  const select = el('select', { id, 'aria-label': label });
  for (let n = 1; n <= Math.max(1, Math.min(MAX_TICKETS, max)); n++) select.append(el('option', { value: n }, n));
  if (max >= 2) select.value = '2';
  return select;
}

function renderSections() {
  const list = document.getElementById('sections');
  list.replaceChildren(...view.sections.map(s => {
    const qty = quantitySelect(`qty-${s.sectionId}`, s.generalAdmission ? `Number of ${s.name} tickets` : `How many best seats in ${s.name}`, s.available);
    const action = el('button', {
      type: 'button', class: 'btn btn-ghost btn-small', disabled: s.available === 0 || !!hold,
      onclick: () => reserve({ sectionId: s.sectionId, quantity: Number(qty.value) }),
    }, s.generalAdmission ? `Get ${s.name} tickets` : `Best seats in ${s.name}`);
    return el('li', { class: 'section-row' },
      el('div', { class: 'top' },
        el('div', {}, el('strong', {}, s.name), ' ', el('span', { class: 'muted small' }, s.generalAdmission ? 'Standing' : 'Seated')),
        el('strong', {}, money(s.price, s.currency))),
      el('div', { class: 'top' }, availabilityText(s)),
      s.available > 0 ? el('div', { class: 'tools' }, qty, action) : waitlistTools(s));
  }));
}

/** Sold out: wait for seats that come back. */
function waitlistTools(s) {
  const qty = quantitySelect(`wait-${s.sectionId}`, `How many ${s.name} tickets to wait for`, MAX_TICKETS);
  return el('div', { class: 'tools' }, qty,
    el('button', { type: 'button', class: 'btn btn-ghost btn-small', 'data-waitlist': s.sectionId, onclick: () => joinWaitlist(s, Number(qty.value)) }, 'Join the waitlist'));
}

function renderBasket() {
  clearInterval(countdownTimer);
  if (booking) return renderConfirmation();
  if (hold) return renderHold();
  // Picks in a section no longer shown are still listed (their ids name them).
  const items = [...selected].map(id => seatList.find(s => s.seatId === id) ?? { seatId: id, sectionId: seatParts(id)?.section }).filter(s => s.sectionId);
  const currency = view.sections[0]?.currency ?? 'USD';
  const total = items.reduce((sum, s) => sum + (section(s.sectionId)?.price ?? 0), 0);
  fill(basket, 
    el('h2', {}, 'Your selection'),
    items.length
      ? el('ul', { id: 'selection' }, items.map(s => el('li', {},
          el('span', {}, seatLabel(s.seatId, sectionName(s.sectionId))),
          el('span', {}, money(section(s.sectionId)?.price ?? 0, currency)))))
      : el('p', { class: 'muted' }, 'No seats picked yet. Pick seats on the map, or let us find the best ones in a section.'),
    items.length ? el('div', { class: 'total' }, el('span', {}, 'Total'), el('span', {}, money(total, currency))) : null,
    el('button', {
      type: 'button', class: 'btn btn-block', id: 'reserve', disabled: !items.length || busy,
      onclick: () => reserve({ seats: [...selected] }),
    }, items.length ? `Hold ${items.length} seat${items.length > 1 ? 's' : ''}` : 'Hold seats'),
    el('p', { class: 'hint' }, 'Seats are held for you for a few minutes while you pay.'));
}

function renderHold() {
  const countdown = el('div', { class: 'countdown', id: 'countdown', role: 'timer', 'aria-live': 'off' });
  const token = el('input', { id: 'pay-token', name: 'token', autocomplete: 'off', required: true, value: lastToken, spellcheck: 'false' });
  const tokenButtons = [['tok_visa', 'approves'], ['tok_decline', 'is declined'], ['tok_timeout', 'times out']].map(([t, what]) =>
    el('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': `Use ${t}, which ${what}`, onclick: () => { token.value = t; payKey = null; token.focus(); } }, t));
  token.addEventListener('input', () => { payKey = null; });
  const form = el('form', { id: 'pay-form', onsubmit: e => { e.preventDefault(); pay(token.value.trim()); } },
    el('div', { class: 'field' },
      el('label', { for: 'pay-token' }, 'Payment token'),
      token,
      el('div', { class: 'hint' }, 'In a live shop this comes from the payment provider’s card form.')),
    !sandbox ? null : el('div', { class: 'sandbox' },
      el('strong', {}, 'Test mode. '), 'Any token is approved; ', el('code', {}, 'tok_decline'), ' is declined and ',
      el('code', {}, 'tok_timeout'), ' times out.',
      el('div', { class: 'tokens' }, tokenButtons)),
    el('button', { type: 'submit', class: 'btn btn-block', id: 'pay', disabled: busy }, `Pay ${money(hold.total, hold.currency)}`));
  fill(basket, 
    el('h2', {}, 'Your seats are held'),
    el('p', { class: 'muted small', id: 'hold-expiry' }, 'Time left to pay'),
    countdown,
    el('ul', { id: 'held-seats' }, hold.seats.map(s => el('li', {},
      el('span', {}, seatLabel(s.seatId, sectionName(s.sectionId))), el('span', {}, money(s.price, hold.currency))))),
    el('div', { class: 'total' }, el('span', {}, 'Total'), el('span', {}, money(hold.total, hold.currency))),
    form,
    el('button', { type: 'button', class: 'btn btn-danger btn-block', id: 'release', disabled: busy, onclick: release }, 'Release seats'));
  const tick = () => {
    const left = Math.max(0, Date.parse(hold.expiresAt) - Date.now());
    const s = Math.ceil(left / 1000);
    countdown.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    countdown.classList.toggle('urgent', s <= 60);
    countdown.setAttribute('aria-label', `${Math.floor(s / 60)} minutes ${s % 60} seconds left`);
    if (left <= 0) expired();
  };
  tick();
  countdownTimer = setInterval(tick, 250);
}

function renderConfirmation() {
  fill(basket, 
    el('h2', {}, 'You’re going!'),
    el('div', { class: 'alert alert-ok', id: 'confirmation' },
      `Booking confirmed: ${booking.tickets.length} ticket${booking.tickets.length > 1 ? 's' : ''}, ${money(booking.total, booking.currency)} paid.`),
    el('a', { class: 'btn btn-block', href: '/tickets' }, 'See my tickets'));
}

// ---- actions ------------------------------------------------------------------------------------

function toggle(id) {
  if (hold || booking) { say('You already hold seats for this event: pay for them or release them first.', 'info'); return; }
  if (selected.has(id)) selected.delete(id);
  else if (selected.size >= MAX_TICKETS) { say(`You can pick up to ${MAX_TICKETS} seats at a time.`, 'info'); return; }
  else selected.add(id);
  say('');
  map.update(stateOf);
  renderBasket();
}

function needSignIn() {
  sessionStorage.setItem(PICK_KEY, JSON.stringify([...selected]));
  location.href = signInUrl();
}

async function reserve(body) {
  if (!currentUser()) return needSignIn();
  busy = true;
  renderBasket();
  const headers = {};
  const admission = sessionStorage.getItem(ADMISSION_KEY);
  if (admission) headers['X-Admission-Token'] = admission;
  try {
    const { body: reservation } = await api('/reserve', { method: 'POST', auth: true, headers, body: { eventId, ...body } });
    selected.clear();
    saveHold(reservation);
    // Best seats in a section not shown: show that section, where they are.
    const heldIn = reservation.seats[0]?.sectionId;
    if (stadium && heldIn && heldIn !== current?.section.sectionId) await openSection(heldIn);
    map?.markConflicts([]);
    say('');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) return needSignIn();
    if (e.status === 409 && e.problem.unavailable?.length) {
      const ids = e.problem.unavailable;
      for (const id of ids) selected.delete(id);
      map?.markConflicts(ids);
      say(`Sorry, someone else just took ${ids.map(id => seatLabel(id, sectionName(seatParts(id)?.section))).join('; ')}. They are circled in red on the map: please pick other seats.`);
      seatsEtag = null;
    } else if (e.status === 428) {
      sessionStorage.removeItem(ADMISSION_KEY);
      say(e.message, 'error', el('a', { href: `/events/${encodeURIComponent(eventId)}/queue` }, 'Join the queue'));
    } else {
      say(e.message);
    }
  } finally {
    busy = false;
    await refreshNow();
  }
}

async function release() {
  busy = true;
  renderBasket();
  try {
    await api(`/reserve/${encodeURIComponent(hold.reservationId)}`, { method: 'DELETE', auth: true });
    say('Your seats were released.', 'ok');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 0) { say(e.message); busy = false; renderBasket(); return; }
    // 404/410: the hold is gone already.
  }
  saveHold(null);
  busy = false;
  await refreshNow();
}

async function pay(token) {
  lastToken = token;
  if (!token) { say('Enter a payment token.'); return; }
  if (!currentUser()) return needSignIn();
  payKey ??= crypto.randomUUID();
  busy = true;
  renderBasket();
  try {
    const { body } = await api('/book', {
      method: 'POST', auth: true, headers: { 'Idempotency-Key': payKey },
      body: { reservationId: hold.reservationId, payment: { token } },
    });
    payKey = null;
    booking = body;
    saveHold(null);
    say('');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status !== 0) payKey = null; // an answer came: the next attempt is a new one
    if (e.status === 401) return needSignIn();
    if (e.status === 402) say('Your payment was declined. Your seats are still held: try another card or token.');
    else if (e.status === 410 || e.status === 404) { saveHold(null); say(e.status === 410 ? e.message : 'That hold no longer exists. Please pick seats again.'); }
    else say(e.message);
  } finally {
    busy = false;
    await refreshNow();
  }
}

function expired() {
  clearInterval(countdownTimer);
  saveHold(null);
  say('Your hold expired, so the seats went back on sale. Pick seats again to continue.');
  refreshNow();
}

async function refreshNow() {
  renderBasket();
  try {
    if (await loadSeats()) refreshMap(); else map?.update(stateOf);
    if (await loadView()) renderSections();
  } catch { /* the poll retries */ }
  renderSections();
}

start();
