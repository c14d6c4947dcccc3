// Organiser pages (organiser or admin role): your venues, performers and events from your own lists,
// creating and editing events with their on-sale time, the waiting room, cancelling, and each event's sales report.
import { api, ApiError, currentUser, isOrganiser, el, dateTime, signInUrl } from './api.js';

const $ = id => document.getElementById(id);
let editing = null; // the id of the event the form edits, or null when it creates one

/** Every item of one of your lists (GET /organiser/{kind}), following the cursor. */
async function all(kind) {
  const items = [];
  let cursor = null;
  do {
    const { body } = await api(`/organiser/${kind}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { auth: true });
    items.push(...body.items);
    cursor = body.next;
  } while (cursor);
  return items;
}

async function loadChoices(selectVenue, selectPerformers = []) {
  const [venues, performers] = await Promise.all([all('venues'), all('performers')]);
  $('event-venue').replaceChildren(el('option', { value: '' }, 'Choose a venue'),
    ...venues.map(v => el('option', { value: v.venueId, selected: v.venueId === selectVenue }, `${v.name}, ${v.city}`)));
  $('event-performers').replaceChildren(...performers.map(p => el('option', { value: p.performerId, selected: selectPerformers.includes(p.performerId) }, p.name)));
}

// ---- your events, a page at a time ----
let eventsCursor = null;
async function loadEvents(more = false) {
  const { body } = await api(`/organiser/events?limit=50${more && eventsCursor ? `&cursor=${encodeURIComponent(eventsCursor)}` : ''}`, { auth: true });
  const rows = body.items.map(e => el('li', { 'data-event-id': e.eventId },
    el('a', { href: `/events/${encodeURIComponent(e.eventId)}` }, e.name),
    el('span', { class: 'muted small' }, dateTime(e.startsAt)),
    e.onSaleAt ? el('span', { class: 'small' }, `on sale ${dateTime(e.onSaleAt)}`) : null,
    e.cancelled ? el('span', { class: 'small' }, 'cancelled') : null,
    el('a', { href: `/organiser/events/${encodeURIComponent(e.eventId)}/sales`, class: 'report-link' }, 'Sales report'),
    e.cancelled ? null : el('button', { type: 'button', class: 'btn btn-ghost btn-small edit-event', onclick: () => edit(e.eventId) }, 'Edit')));
  if (more) $('my-events').append(...rows); else $('my-events').replaceChildren(...rows);
  if (!more && rows.length === 0) $('my-events').append(el('li', { class: 'muted' }, 'No events yet.'));
  eventsCursor = body.next;
  $('my-events-more').hidden = !body.next;
}
$('my-events-more').addEventListener('click', () => loadEvents(true));

/** A date for a datetime-local input, in this device's time zone. */
function localInput(iso) {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

async function edit(eventId) {
  const { body: view } = await api(`/view?event_id=${encodeURIComponent(eventId)}`);
  editing = eventId;
  $('event-name').value = view.name;
  $('event-description').value = view.description;
  $('event-category').value = view.category;
  $('event-starts').value = localInput(view.startsAt);
  $('event-onsale').value = view.onSaleAt ? localInput(view.onSaleAt) : '';
  $('event-currency').value = view.sections[0]?.currency ?? 'EUR';
  await loadChoices(view.venue.venueId, view.performers.map(p => p.performerId));
  await loadPrices();
  for (const s of view.sections) {
    const input = $(`price-${s.sectionId}`);
    if (input) input.value = s.price;
  }
  $('event-submit').textContent = 'Save event';
  $('event-new').hidden = false;
  $('event-title').textContent = `3. Event: editing ${view.name}`;
  $('event-name').focus();
}

function stopEditing() {
  editing = null;
  $('event-submit').textContent = 'Create event';
  $('event-new').hidden = true;
  $('event-title').textContent = '3. Event';
}
$('event-new').addEventListener('click', stopEditing);

function result(id, kind, ...children) {
  $(id).replaceChildren(el('div', { class: `alert alert-${kind}` }, ...children));
}

function problem(e) {
  if (!(e instanceof ApiError)) return 'Something went wrong.';
  if (e.status === 403) return 'This belongs to another organiser, or your account is not an organiser.';
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
    result('venue-result', 'ok', 'Venue created: ', el('code', { id: 'venue-id' }, body.venueId));
    await loadChoices(body.venueId, [...$('event-performers').selectedOptions].map(o => o.value));
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
    result('performer-result', 'ok', 'Performer created: ', el('code', { id: 'performer-id' }, body.performerId));
    await loadChoices($('event-venue').value, [...$('event-performers').selectedOptions].map(o => o.value).concat(body.performerId));
  } catch (err) {
    result('performer-result', 'error', problem(err));
  }
});

// ---- event: one price per section of the chosen venue ----
async function loadPrices() {
  const venueId = $('event-venue').value;
  const box = $('event-prices');
  if (!venueId) { box.replaceChildren(el('p', { class: 'muted small' }, 'Choose a venue to price its sections.')); return; }
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
    venueId: $('event-venue').value,
    performerIds: [...$('event-performers').selectedOptions].map(o => o.value),
    onSaleAt: $('event-onsale').value ? new Date($('event-onsale').value).toISOString() : undefined,
    prices: [...document.querySelectorAll('#event-prices .price')].map(i => ({ sectionId: i.dataset.section, price: Number(i.value), currency })),
    maxTicketsPerFan: Number($('event-max').value) || undefined,
  };
  try {
    const { body: created } = editing
      ? await api(`/events/${encodeURIComponent(editing)}`, { method: 'PUT', auth: true, body })
      : await api('/events', { method: 'POST', auth: true, body });
    result('event-result', 'ok', editing ? 'Event saved: ' : 'Event created: ', el('a', { id: 'event-link', href: `/events/${encodeURIComponent(created.eventId)}` }, body.name),
      ' ', el('code', {}, created.eventId), '. Search shows it within a few seconds.');
    $('queue-event').value = created.eventId;
    stopEditing();
    await loadEvents();
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
else if (!isOrganiser(user)) {
  $('organiser-denied').textContent = 'These pages are for organisers. Sign in with an organiser account to create venues and events.';
  $('organiser-denied').hidden = false;
  $('organiser-forms').hidden = true;
} else {
  addSection(true);
  addSection(false);
  loadChoices('').then(() => loadEvents()).catch(() => result('event-result', 'error', 'Your lists could not be loaded; reload the page.'));
}
