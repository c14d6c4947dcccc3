// Organiser pages (admin role): venues with sections, performers, events with prices, the waiting room, cancelling.
import { api, ApiError, currentUser, isAdmin, el, signInUrl } from './api.js';

const KNOWN = 'tm.organiser';
const known = JSON.parse(sessionStorage.getItem(KNOWN) ?? '{"venues":[],"performers":[]}');
const $ = id => document.getElementById(id);

function remember(kind, item) {
  known[kind].push(item);
  sessionStorage.setItem(KNOWN, JSON.stringify(known));
  renderKnown();
}

function renderKnown() {
  $('known-venues').replaceChildren(...known.venues.map(v => el('option', { value: v.id }, v.name)));
  $('known-performers').replaceChildren(...known.performers.map(p => el('option', { value: p.id }, p.name)));
}

function result(id, kind, ...children) {
  $(id).replaceChildren(el('div', { class: `alert alert-${kind}` }, ...children));
}

function problem(e) {
  if (!(e instanceof ApiError)) return 'Something went wrong.';
  if (e.status === 403) return 'Only organisers (admin accounts) can do this.';
  return e.message;
}

// ---- venue sections editor ----
let sectionCount = 0;
function addSection(seated) {
  const n = ++sectionCount;
  const field = (label, input) => el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
  const row = el('div', { class: 'section-editor', 'data-kind': seated ? 'seated' : 'ga' },
    field('Section id', el('input', { id: `s${n}-id`, class: 's-id', value: seated ? String.fromCharCode(64 + n) : `GA${n}`, maxlength: 16 })),
    field('Name', el('input', { id: `s${n}-name`, class: 's-name', value: seated ? `Block ${String.fromCharCode(64 + n)}` : 'Standing' })),
    ...(seated
      ? [field('Rows', el('input', { id: `s${n}-rows`, class: 's-rows', type: 'number', min: 1, value: 5 })),
         field('Seats per row', el('input', { id: `s${n}-per`, class: 's-per', type: 'number', min: 1, value: 12 }))]
      : [field('Capacity', el('input', { id: `s${n}-cap`, class: 's-cap', type: 'number', min: 1, value: 200 }))]),
    el('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': `Remove section ${n}`, onclick: () => row.remove() }, 'Remove'));
  $('venue-sections').append(row);
}

$('add-seated').addEventListener('click', () => addSection(true));
$('add-ga').addEventListener('click', () => addSection(false));

$('venue-form').addEventListener('submit', async e => {
  e.preventDefault();
  const sections = [...document.querySelectorAll('.section-editor')].map(row => {
    const v = cls => row.querySelector(cls)?.value.trim();
    return row.dataset.kind === 'seated'
      ? { sectionId: v('.s-id'), name: v('.s-name'), rows: Number(v('.s-rows')), seatsPerRow: Number(v('.s-per')) }
      : { sectionId: v('.s-id'), name: v('.s-name'), capacity: Number(v('.s-cap')) };
  });
  const name = $('venue-name').value.trim();
  try {
    const { body } = await api('/venues', { method: 'POST', auth: true, body: { name, city: $('venue-city').value.trim(), address: $('venue-address').value.trim(), sections } });
    remember('venues', { id: body.venueId, name });
    result('venue-result', 'ok', 'Venue created: ', el('code', { id: 'venue-id' }, body.venueId));
    $('event-venue').value = body.venueId;
    await loadPrices();
  } catch (err) {
    result('venue-result', 'error', problem(err));
  }
});

$('performer-form').addEventListener('submit', async e => {
  e.preventDefault();
  const name = $('performer-name').value.trim();
  try {
    const { body } = await api('/performers', { method: 'POST', auth: true, body: { name, genre: $('performer-genre').value.trim() } });
    remember('performers', { id: body.performerId, name });
    result('performer-result', 'ok', 'Performer created: ', el('code', { id: 'performer-id' }, body.performerId));
    const input = $('event-performers');
    input.value = [input.value.trim(), body.performerId].filter(Boolean).join(', ');
  } catch (err) {
    result('performer-result', 'error', problem(err));
  }
});

// ---- event: one price per section of the chosen venue ----
async function loadPrices() {
  const venueId = $('event-venue').value.trim();
  const box = $('event-prices');
  if (!venueId) return;
  try {
    const { body: venue } = await api(`/venues/${encodeURIComponent(venueId)}`);
    box.replaceChildren(...venue.sections.map(s => el('div', { class: 'field price-field' },
      el('label', { for: `price-${s.sectionId}` }, `${s.name} (${s.generalAdmission ? `standing, ${s.capacity}` : `${s.rows} rows × ${s.seatsPerRow}`})`),
      el('input', { id: `price-${s.sectionId}`, class: 'price', 'data-section': s.sectionId, type: 'number', min: 0, step: '0.01', value: s.generalAdmission ? 45 : 85 }))));
  } catch (err) {
    box.replaceChildren(el('p', { class: 'alert alert-error' }, err instanceof ApiError && err.status === 404 ? 'No venue with that id.' : problem(err)));
  }
}
$('event-venue').addEventListener('change', loadPrices);

$('event-form').addEventListener('submit', async e => {
  e.preventDefault();
  const starts = $('event-starts').value;
  if (!starts) { result('event-result', 'error', 'Choose when the event starts.'); return; }
  const currency = $('event-currency').value.trim().toUpperCase();
  const body = {
    name: $('event-name').value.trim(),
    description: $('event-description').value.trim(),
    category: $('event-category').value,
    startsAt: new Date(starts).toISOString(),
    venueId: $('event-venue').value.trim(),
    performerIds: $('event-performers').value.split(',').map(s => s.trim()).filter(Boolean),
    prices: [...document.querySelectorAll('#event-prices .price')].map(i => ({ sectionId: i.dataset.section, price: Number(i.value), currency })),
    maxTicketsPerFan: Number($('event-max').value) || undefined,
  };
  try {
    const { body: created } = await api('/events', { method: 'POST', auth: true, body });
    result('event-result', 'ok', 'Event created: ', el('a', { id: 'event-link', href: `/events/${encodeURIComponent(created.eventId)}` }, body.name),
      ' ', el('code', {}, created.eventId), '. It appears in search within a few seconds.');
    $('queue-event').value = created.eventId;
  } catch (err) {
    result('event-result', 'error', problem(err));
  }
});

$('queue-form').addEventListener('submit', async e => {
  e.preventDefault();
  const id = $('queue-event').value.trim();
  const active = $('queue-active').checked;
  try {
    const { body } = await api(`/events/${encodeURIComponent(id)}/queue`, { method: 'POST', auth: true, body: { active, admitPerSecond: Number($('queue-rate').value) || 1 } });
    result('queue-result', 'ok', body.active ? `Waiting room on: ${body.admitPerSecond} fans per second.` : 'Waiting room off: fans go straight to the seat map.');
  } catch (err) {
    result('queue-result', 'error', err instanceof ApiError && err.status === 404 ? 'No event with that id.' : problem(err));
  }
});

$('cancel-form').addEventListener('submit', async e => {
  e.preventDefault();
  const id = $('cancel-event').value.trim();
  if (!id) { result('cancel-result', 'error', 'Enter the id of the event to cancel.'); return; }
  if (!$('cancel-confirm').checked) { result('cancel-result', 'error', 'Tick the box to confirm: a cancellation cannot be undone.'); return; }
  try {
    const { body } = await api(`/events/${encodeURIComponent(id)}/cancel`, { method: 'POST', auth: true });
    const refunded = `${body.bookingsRefunded} booking${body.bookingsRefunded === 1 ? '' : 's'} refunded`;
    result('cancel-result', 'ok', body.status === 'cancelled'
      ? `Event cancelled; ${refunded}.`
      : `Event cancelled; ${refunded}, ${body.bookingsToRefund} still to refund. They go on by themselves; submit again to see how far they are.`);
  } catch (err) {
    result('cancel-result', 'error', err instanceof ApiError && err.status === 404 ? 'No event with that id.' : problem(err));
  }
});

const user = currentUser();
if (!user) location.href = signInUrl();
else if (!isAdmin(user)) {
  $('organiser-denied').textContent = 'These pages are for organisers. Sign in with an organiser account to create venues and events.';
  $('organiser-denied').hidden = false;
  $('organiser-forms').hidden = true;
} else {
  addSection(true);
  addSection(false);
  renderKnown();
}
