import { LivePlayer, setBadge } from './player.js';
import { human } from './app.js';

const root = document.getElementById('player');
if (root) {
  const badge = document.getElementById('live-badge');
  const viewers = document.getElementById('viewer-count');
  const liveFor = document.getElementById('live-for');
  const health = document.getElementById('stream-health');
  const healthText = { HEALTHY: 'Healthy', STARVING: 'Starving: check your upload', UNKNOWN: 'Starting…', OFFLINE: '—' };
  new LivePlayer(root, {
    onStatus(status) {
      setBadge(badge, status.live);
      viewers.textContent = String(status.viewerCount);
      liveFor.dataset.since = status.liveSince || '';
      liveFor.textContent = status.liveSince ? human((Date.now() - Date.parse(status.liveSince)) / 1000) : '—';
      if (health && status.health) {
        health.textContent = healthText[status.health] ?? status.health;
        health.dataset.health = status.health;
      }
    },
  }).start();
}
