import { LivePlayer, setBadge } from './player.js';
import { human, postJson, toast } from './app.js';
import { ChatPanel } from './chat.js';

const root = document.getElementById('player');
const badge = document.getElementById('live-badge');
const viewers = document.getElementById('viewers');
const viewerCount = document.getElementById('viewer-count');
const liveFor = document.getElementById('live-for');

new LivePlayer(root, {
  onStatus(status) {
    setBadge(badge, status.live);
    viewers.hidden = !status.live;
    liveFor.hidden = !status.live;
    viewerCount.textContent = String(status.viewerCount);
    const since = liveFor.querySelector('[data-since]');
    if (since) {
      since.dataset.since = status.liveSince || '';
      since.textContent = status.liveSince ? human((Date.now() - Date.parse(status.liveSince)) / 1000) : '';
    }
    document.querySelector('[data-field="title"]').textContent = status.title;
    document.getElementById('follower-count').textContent = String(status.followers);
  },
}).start();

const follow = document.getElementById('follow');
if (follow) {
  follow.addEventListener('click', async () => {
    const following = follow.getAttribute('aria-pressed') === 'true';
    follow.disabled = true;
    try {
      const result = await postJson(follow.dataset.url + (following ? 'unfollow' : 'follow'));
      follow.setAttribute('aria-pressed', String(result.following));
      follow.textContent = result.following ? 'Following' : 'Follow';
      follow.classList.toggle('btn-primary', !result.following);
      follow.classList.toggle('btn-ghost', result.following);
      document.getElementById('follower-count').textContent = String(result.followers);
    } catch (e) {
      toast(e.message);
    } finally {
      follow.disabled = false;
    }
  });
}

const chat = document.getElementById('chat');
if (chat) new ChatPanel(chat).connect();
