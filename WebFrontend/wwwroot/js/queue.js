// Waiting room: join, watch the position move, and go to the seat map with the admission token.
import { api, ApiError, currentUser, el, dateTime, signInUrl } from './api.js';

const root = document.querySelector('[data-module=queue]');
const eventId = root.dataset.eventId ?? '';
const TICKET_KEY = `tm.queue.${eventId}`;
const ADMISSION_KEY = `tm.admission.${eventId}`;
const POLL_MS = 1000;

const state = document.getElementById('queue-state');
const errorBox = document.getElementById('queue-error');
const join = document.getElementById('queue-join');
const progress = document.getElementById('queue-progress');
const bar = document.getElementById('queue-bar');
let firstPosition = null;

function fail(text) {
  errorBox.textContent = text ?? '';
  errorBox.hidden = !text;
}

function show(...children) {
  state.replaceChildren(...children);
}

function eventPage() {
  return `/events/${encodeURIComponent(eventId)}`;
}

async function start() {
  try {
    const { body: view } = await api(`/view?event_id=${encodeURIComponent(eventId)}`);
    document.getElementById('queue-event').textContent = `${view.name} · ${dateTime(view.startsAt)} · ${view.venue.name}, ${view.venue.city}`;
    document.title = `Waiting room: ${view.name} · TicketMaster`;
    if (!view.queueActive) {
      show(el('p', {}, 'There is no queue for this event right now. ', el('a', { href: eventPage() }, 'Choose your seats')));
      return;
    }
  } catch (e) {
    fail(e instanceof ApiError && e.status === 404 ? 'We could not find this event.' : e.message);
    return;
  }
  if (!currentUser()) {
    show(el('p', {}, 'Sign in to take your place in the queue. ', el('a', { class: 'btn btn-small', href: signInUrl() }, 'Sign in')));
    return;
  }
  const ticket = sessionStorage.getItem(TICKET_KEY);
  if (ticket) poll(ticket);
  else { join.hidden = false; show(el('p', {}, 'Join the queue to get your turn.')); }
}

join.addEventListener('click', async () => {
  join.disabled = true;
  fail('');
  try {
    const { body } = await api(`/queue/${encodeURIComponent(eventId)}/join`, { method: 'POST', auth: true });
    sessionStorage.setItem(TICKET_KEY, body.queueTicket);
    join.hidden = true;
    showWaiting(body);
    poll(body.queueTicket);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { location.href = signInUrl(); return; }
    if (e instanceof ApiError && e.status === 409 && e.problem.opensAt) {
      fail(`The queue opens at ${time(e.problem.opensAt)}, before the sale at ${time(e.problem.onSaleAt)}. ` +
        'Everyone who joins before the sale gets a random place then, so joining early brings no advantage.');
      return;
    }
    fail(e.message);
  } finally {
    join.disabled = false;
  }
});

function time(iso) {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

// A pre-queued fan has no position until the order is drawn at the on-sale time.
function showWaiting(body) {
  if (body.position === null || body.position === undefined) {
    progress.hidden = true;
    show(el('p', { class: 'queue-position', id: 'queue-prequeue' },
      `You are in the pre-queue. At ${dateTime(body.onSaleAt)} everyone in it is put in a random order, `
      + 'so there is no need to hurry or reload: your place will show here then.'));
    return;
  }
  showPosition(body.position);
  if (body.preQueued && body.drawnAt) {
    state.append(el('p', { class: 'small muted', id: 'queue-drawn' }, `Your place in the pre-queue was drawn at random at ${time(body.drawnAt)}.`));
  }
}

function showPosition(position) {
  firstPosition ??= Math.max(1, position);
  show(el('p', { class: 'queue-position' }, el('span', { class: 'big', id: 'queue-position' }, position.toLocaleString()),
    el('span', {}, position === 1 ? ' You are next.' : ' people ahead of you, including you.')));
  progress.hidden = false;
  bar.style.width = `${Math.round(100 * (1 - (position - 1) / firstPosition))}%`;
}

async function poll(ticket) {
  try {
    const { body } = await api(`/queue/${encodeURIComponent(eventId)}/status?ticket=${encodeURIComponent(ticket)}`, { auth: true });
    switch (body.state) {
      case 'admitted':
        sessionStorage.setItem(ADMISSION_KEY, body.admissionToken);
        sessionStorage.removeItem(TICKET_KEY);
        show(el('p', { class: 'alert alert-ok' }, 'It is your turn! Taking you to the seat map…'));
        location.href = eventPage();
        return;
      case 'expired':
        sessionStorage.removeItem(TICKET_KEY);
        show(el('p', {}, 'Your place in the queue expired.'));
        join.textContent = 'Join again';
        join.hidden = false;
        return;
      case 'soldOut':
        sessionStorage.removeItem(TICKET_KEY);
        show(el('p', {}, 'Sorry, this event sold out while you waited.'));
        progress.hidden = true;
        return;
      default:
        showWaiting(body);
    }
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) { location.href = signInUrl(); return; }
    if (e instanceof ApiError && (e.status === 400 || e.status === 404)) {
      sessionStorage.removeItem(TICKET_KEY);
      join.hidden = false;
      fail('Your place in the queue was lost. Please join again.');
      return;
    }
    fail('Reconnecting to the queue…');
  }
  setTimeout(() => poll(ticket), POLL_MS);
}

start();
