// My tickets: the fan's bookings, each ticket's QR code (SVG from the API), cancelling, and moving
// tickets to a friend's account (they get new codes; the old ones stop working).
import { api, ApiError, currentUser, el, money, dateTime, seatLabel, signInUrl } from './api.js';

const list = document.getElementById('bookings');
const message = document.getElementById('tickets-message');
const events = new Map();

function say(text, kind = 'error') {
  message.replaceChildren(...(text ? [el('div', { class: `alert alert-${kind}` }, text)] : []));
}

async function eventOf(id) {
  if (!events.has(id)) events.set(id, api(`/view?event_id=${encodeURIComponent(id)}`).then(r => r.body).catch(() => null));
  return events.get(id);
}

/** The QR code as an <img> with a data: URL: the SVG needs the Bearer token, and CSP allows data: images. */
async function qrImage(booking, ticket, label) {
  const img = el('img', { alt: `QR code for ${label}`, width: 160, height: 160, 'data-ticket': ticket.ticketId, 'data-booking': booking.bookingId });
  try {
    const { body } = await api(`/bookings/${encodeURIComponent(booking.bookingId)}/tickets/${encodeURIComponent(ticket.ticketId)}/qr.svg`, { auth: true, headers: { Accept: 'image/svg+xml' } });
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(body)))}`;
  } catch {
    img.alt = `The QR code for ${label} could not be loaded; show the code below instead.`;
  }
  return img;
}

async function render() {
  if (!currentUser()) { location.href = signInUrl(); return; }
  let bookings;
  try {
    ({ body: bookings } = await api('/bookings', { auth: true }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { location.href = signInUrl(); return; }
    say(e.message);
    return;
  }
  bookings.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const cards = await Promise.all(bookings.map(renderBooking));
  list.replaceChildren(...await renderHolds(), ...cards);
  if (!bookings.length) list.append(el('div', { class: 'card empty' }, 'No tickets yet. ', el('a', { href: '/' }, 'Find an event'), '.'));
  list.removeAttribute('aria-busy');
}

/** Seats held for the fan (on any device, or offered by a waitlist), each with its countdown and a way to pay. */
let holdTimers = [];

async function renderHolds() {
  holdTimers.forEach(clearInterval);
  holdTimers = [];
  let holds = [];
  try {
    ({ body: { items: holds } } = await api('/reservations', { auth: true }));
  } catch {
    return [];
  }
  return Promise.all(holds.map(async hold => {
    const event = await eventOf(hold.eventId);
    const left = el('span', { class: 'countdown' });
    const tick = () => {
      const seconds = Math.max(0, Math.round((Date.parse(hold.expiresAt) - Date.now()) / 1000));
      left.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left to pay`;
    };
    tick();
    holdTimers.push(setInterval(tick, 1000));
    return el('article', { class: 'card', 'data-hold': hold.reservationId },
      el('div', { class: 'booking-head' },
        el('div', {}, el('h2', {}, `Held for you: ${event?.name ?? 'Event'}`),
          el('div', { class: 'muted small' }, hold.seats.map(s => seatLabel(s.seatId, event?.sections.find(x => x.sectionId === s.sectionId)?.name ?? s.sectionId)).join(', '))),
        el('div', {}, left, ' · ', money(hold.total, hold.currency))),
      el('p', {}, el('a', { class: 'btn btn-small', href: `/events/${encodeURIComponent(hold.eventId)}` }, 'Pay on the event page')));
  }));
}

async function renderBooking(booking) {
  const event = await eventOf(booking.eventId);
  const sectionName = id => event?.sections.find(s => s.sectionId === id)?.name ?? id;
  const tickets = await Promise.all(booking.tickets.map(async t => {
    const label = seatLabel(t.seatId, sectionName(t.sectionId));
    return el('li', { class: 'ticket' },
      booking.status === 'confirmed' ? await qrImage(booking, t, label) : null,
      el('div', {}, el('strong', {}, label)),
      el('div', { class: 'code' }, t.code));
  }));
  const cancel = el('button', { type: 'button', class: 'btn btn-danger btn-small' }, 'Cancel booking');
  const confirmBox = el('div', { class: 'alert alert-info', hidden: true },
    'Cancel this booking and get a full refund? The seats go back on sale. ',
    el('button', { type: 'button', class: 'btn btn-danger btn-small', onclick: () => doCancel(booking) }, 'Yes, cancel'),
    ' ',
    el('button', { type: 'button', class: 'btn btn-ghost btn-small', onclick: () => { confirmBox.hidden = true; cancel.focus(); } }, 'Keep it'));
  cancel.addEventListener('click', () => { confirmBox.hidden = false; confirmBox.querySelector('button').focus(); });
  return el('article', { class: 'card', 'aria-labelledby': `b-${booking.bookingId}` },
    el('div', { class: 'booking-head' },
      el('div', {},
        el('h2', { id: `b-${booking.bookingId}` }, event?.name ?? 'Event'),
        el('div', { class: 'muted small' }, event ? `${dateTime(event.startsAt)} · ${event.venue.name}, ${event.venue.city}` : '')),
      el('div', {},
        el('span', { class: `status-${booking.status}` }, booking.status === 'confirmed' ? 'Confirmed' : 'Cancelled'),
        ' · ', money(booking.total, booking.currency))),
    el('ul', { class: 'tickets' }, tickets),
    booking.status === 'confirmed' && booking.tickets.length ? transferForm(booking, sectionName) : null,
    booking.status === 'confirmed' ? el('p', {}, cancel) : null,
    confirmBox);
}

/** Chosen tickets to another account by email, before the event starts. */
function transferForm(booking, sectionName) {
  const id = `t-${booking.bookingId}`;
  const email = el('input', { type: 'email', id: `${id}-email`, name: 'toEmail', required: true, autocomplete: 'off' });
  const boxes = booking.tickets.map(t => el('label', {},
    el('input', { type: 'checkbox', name: 'ticketIds', value: t.ticketId }), ' ', seatLabel(t.seatId, sectionName(t.sectionId))));
  const form = el('form', { class: 'transfer-form', 'data-booking': booking.bookingId },
    el('fieldset', {}, el('legend', {}, 'Tickets to give'), ...boxes),
    el('label', { for: `${id}-email` }, "Your friend's email (their TicketMaster account)"),
    email,
    el('button', { type: 'submit', class: 'btn btn-small' }, 'Transfer'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const ticketIds = [...form.querySelectorAll('input[name=ticketIds]:checked')].map(b => b.value);
    if (!ticketIds.length) { say('Choose the tickets to transfer.'); return; }
    doTransfer(booking, email.value.trim(), ticketIds);
  });
  return el('details', { class: 'transfer' }, el('summary', {}, 'Transfer tickets to a friend'), form);
}

async function doTransfer(booking, toEmail, ticketIds) {
  try {
    await api(`/bookings/${encodeURIComponent(booking.bookingId)}/transfer`, { method: 'POST', auth: true, body: { toEmail, ticketIds } });
    say(`Sent to ${toEmail}: they have the tickets with new codes, and your old codes no longer work.`, 'ok');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) say(`No TicketMaster account has the email ${toEmail}.`);
    else if (e instanceof ApiError && e.status === 409) say(e.problem.detail ?? 'These tickets can no longer be transferred.');
    else say(e.message);
  }
  await render();
}

async function doCancel(booking) {
  try {
    await api(`/bookings/${encodeURIComponent(booking.bookingId)}/cancel`, { method: 'POST', auth: true });
    say('Your booking was cancelled and refunded.', 'ok');
  } catch (e) {
    say(e instanceof ApiError && e.status === 409 ? (e.problem.detail ?? 'This booking can no longer be cancelled.') : e.message);
  }
  await render();
}

render();
