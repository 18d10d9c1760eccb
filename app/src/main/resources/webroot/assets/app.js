// Shared page behaviour: theme toggle, copy and reveal buttons, confirmations, live durations.

export const csrf = () => document.body.dataset.csrf || '';

/** POSTs JSON with the session's CSRF token; resolves to the parsed reply or throws with its message. */
export async function postJson(url, body = {}) {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf() },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(data.error || `HTTP ${res.status}`), { status: res.status });
  return data;
}

export function toast(text) {
  const el = document.createElement('div');
  el.className = 'toast';
  el.setAttribute('role', 'status');
  el.textContent = text;
  document.body.append(el);
  setTimeout(() => el.remove(), 1800);
}

export function human(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function setupTheme() {
  const button = document.getElementById('theme-toggle');
  if (!button) return;
  const current = () => document.documentElement.dataset.theme
    || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const label = () => button.setAttribute('aria-label', current() === 'dark' ? 'Switch to light mode' : 'Switch to dark mode');
  label();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem('streamcat-theme', next); } catch (e) { /* ignore */ }
    label();
  });
}

function setupCopyAndReveal() {
  document.addEventListener('click', async (event) => {
    const copy = event.target.closest('[data-copy]');
    if (copy) {
      const source = document.getElementById(copy.dataset.copy);
      const text = source.value ?? source.textContent;
      try {
        await navigator.clipboard.writeText(text.trim());
        toast('Copied');
      } catch (e) {
        if (source.select) { source.select(); }
        toast('Press Ctrl+C to copy');
      }
    }
    const reveal = event.target.closest('[data-reveal]');
    if (reveal) {
      const input = document.getElementById(reveal.dataset.reveal);
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      reveal.textContent = show ? 'Hide' : 'Show';
      reveal.setAttribute('aria-pressed', String(show));
    }
  });
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
}

/** Keeps "live for" durations and local times current. */
function setupTimes() {
  const tick = () => document.querySelectorAll('[data-since]').forEach((el) => {
    if (el.dataset.since) el.textContent = human((Date.now() - Date.parse(el.dataset.since)) / 1000);
  });
  setInterval(tick, 15000);
  document.querySelectorAll('time[data-local]').forEach((el) => {
    const d = new Date(el.dateTime);
    if (!Number.isNaN(d.getTime())) el.textContent = d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  });
}

setupTheme();
setupCopyAndReveal();
setupTimes();
