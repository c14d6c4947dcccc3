// Sign in and register. The access token is kept in sessionStorage (this tab only).
import { api, ApiError, signIn, safeReturn } from './api.js';

const back = safeReturn(new URLSearchParams(location.search).get('return'));

function show(id, text) {
  const box = document.getElementById(id);
  box.textContent = text ?? '';
  box.hidden = !text;
}

async function token(email, password) {
  const { body } = await api('/auth/token', { method: 'POST', body: { email, password } });
  signIn(body, email);
  location.href = back;
}

document.getElementById('signin-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.currentTarget;
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) return show('signin-error', 'Enter your email and password.');
  try {
    await token(email, password);
  } catch (err) {
    show('signin-error', err instanceof ApiError && err.status === 401 ? 'That email and password do not match an account.' : err.message);
  }
});

document.getElementById('register-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.currentTarget;
  const displayName = form.displayName.value.trim();
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!displayName || !email) return show('register-error', 'Enter your name and email.');
  if (password.length < 8) return show('register-error', 'Choose a password of at least 8 characters.');
  try {
    await api('/auth/register', { method: 'POST', body: { email, password, displayName } });
    await token(email, password);
  } catch (err) {
    show('register-error', err instanceof ApiError && err.status === 409 ? 'There is already an account with that email. Sign in instead.' : err.message);
  }
});
