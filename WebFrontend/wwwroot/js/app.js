// The one module every page loads: the header (who is signed in), then the page's own module,
// named by the page's data-module attribute and resolved through the import map (fingerprinted).
import { currentUser, isAdmin, isOrganiser, hasRole, signOut, el } from './api.js';

export function renderHeader() {
  const slot = document.getElementById('account-nav');
  if (!slot) return;
  const user = currentUser();
  slot.replaceChildren();
  if (user) {
    slot.append(...[
      isOrganiser(user) ? el('a', { href: '/organiser', class: 'nav-link' }, 'Organiser') : null,
      isOrganiser(user) || hasRole('scanner', user) ? el('a', { href: '/scan', class: 'nav-link' }, 'Scanner') : null,
      el('a', { href: '/tickets', class: 'nav-link' }, 'My tickets'),
      el('span', { class: 'nav-user', title: user.email }, user.email),
      el('button', { type: 'button', class: 'btn btn-ghost btn-small', id: 'sign-out', onclick: () => { signOut(); location.href = '/'; } }, 'Sign out'),
    ].filter(Boolean));
  } else {
    slot.append(el('a', { href: `/account?return=${encodeURIComponent(location.pathname + location.search)}`, class: 'btn btn-ghost btn-small' }, 'Sign in'));
  }
}

renderHeader();
const page = document.querySelector('[data-module]')?.dataset.module;
// Forms that only work through their page's script stay disabled until it has run: a click or an
// Enter before that would submit the form natively, with a password in the address bar.
const enableForms = () => document.querySelectorAll('[data-needs-script]').forEach(b => { b.disabled = false; });
if (page && /^[a-z]+$/.test(page)) import(`./${page}.js`).then(enableForms);
else enableForms();
