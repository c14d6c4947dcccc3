// Password reset: ask for a link by mail, or (opened from the link) set the new password.
import { api, ApiError } from './api.js';

const token = new URLSearchParams(location.search).get('token');

function show(id, text) {
  const box = document.getElementById(id);
  if (text !== undefined) box.textContent = text ?? '';
  box.hidden = !text;
}

if (token) {
  document.getElementById('request-card').hidden = true;
  document.getElementById('reset-card').hidden = false;
  // The token is in the address bar only until the page has it: not in the history, not in a Referer.
  history.replaceState(null, '', location.pathname);
}

document.getElementById('request-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.currentTarget;
  const email = form.email.value.trim();
  show('request-done', '');
  if (!email) return show('request-error', 'Enter the email of your account.');
  try {
    await api('/auth/reset-request', { method: 'POST', body: { email } });
    show('request-error', '');
    document.getElementById('request-done').hidden = false;
  } catch (err) {
    show('request-error', err.message);
  }
});

document.getElementById('reset-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.currentTarget;
  const password = form.password.value;
  if (password.length < 8) return show('reset-error', 'Choose a password of at least 8 characters.');
  try {
    await api('/auth/reset', { method: 'POST', body: { token, password } });
    show('reset-error', '');
    document.getElementById('reset-done').hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
  } catch (err) {
    const field = err instanceof ApiError ? Object.keys(err.problem.errors ?? {})[0] : null;
    show('reset-error', field === 'token' ? 'This link is used or expired. Ask for a new one below.' : err.message);
    if (field === 'token') document.getElementById('request-card').hidden = false;
  }
});
