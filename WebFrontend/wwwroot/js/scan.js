// The door: a ticket's code (typed, or read by the camera where the browser has BarcodeDetector)
// is sent to POST /events/{id}/scan; the answer fills the screen green (admitted) or red.
import { api, ApiError, currentUser, el, signInUrl } from './api.js';

const form = document.getElementById('scan-form');
const eventInput = document.getElementById('scan-event');
const codeInput = document.getElementById('scan-code');
const answer = document.getElementById('scan-answer');
const cameraButton = document.getElementById('scan-camera');
const video = document.getElementById('scan-video');

eventInput.value = new URLSearchParams(location.search).get('event') ?? '';

function show(ok, title, detail) {
  answer.className = `scan-answer ${ok ? 'scan-ok' : 'scan-bad'}`;
  answer.replaceChildren(el('strong', {}, title), el('div', {}, detail));
  answer.hidden = false;
}

async function check(code) {
  if (!currentUser()) { location.href = signInUrl(); return; }
  const eventId = eventInput.value.trim();
  try {
    const { body } = await api(`/events/${encodeURIComponent(eventId)}/scan`, { method: 'POST', auth: true, body: { code } });
    show(true, 'ADMIT', `Seat ${body.seatId} · ticket ${body.ticketId}`);
  } catch (e) {
    if (!(e instanceof ApiError)) { show(false, 'NOT CHECKED', e.message); return; }
    const problem = e.problem;
    if (e.status === 409) show(false, 'ALREADY SCANNED', `This ticket entered at ${new Date(problem.scannedAt).toLocaleTimeString()}.`);
    else if (e.status === 410) show(false, 'VOID', 'This code no longer admits: the ticket was transferred, refunded or cancelled.');
    else if (e.status === 404) show(false, 'UNKNOWN CODE', 'No ticket of this event has this code.');
    else if (e.status === 403) show(false, 'NOT ALLOWED', 'This account may not scan tickets.');
    else show(false, 'NOT CHECKED', e.message);
  }
  codeInput.value = '';
  codeInput.focus();
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const code = codeInput.value.trim();
  if (code) check(code);
});

// The camera reads QR codes only where the browser can decode them itself; typing always works.
if ('BarcodeDetector' in window) {
  cameraButton.hidden = false;
  cameraButton.addEventListener('click', async () => {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.hidden = false;
    await video.play();
    let last = '';
    const tick = async () => {
      const [found] = await detector.detect(video).catch(() => []);
      if (found && found.rawValue !== last) {
        last = found.rawValue;
        await check(found.rawValue);
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
}
