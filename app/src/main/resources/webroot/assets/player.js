// A low-latency HLS player (hls.js from the WebJar, or native HLS in Safari) that follows a status
// endpoint: it starts when the channel goes live and stops when it goes offline, without a reload.

export class LivePlayer {
  constructor(root, { onStatus = () => {} } = {}) {
    this.root = root;
    this.video = root.querySelector('video');
    this.offline = root.querySelector('.player-offline');
    this.url = root.dataset.playbackUrl;
    this.statusUrl = root.dataset.statusUrl;
    this.onStatus = onStatus;
    this.live = root.dataset.live === 'true';
    this.hls = null;
    this.retry = null;
  }

  start() {
    if (this.live) this.play();
    this.poll();
    document.addEventListener('visibilitychange', () => { if (!document.hidden) this.poll(); });
  }

  async poll() {
    clearTimeout(this.pollTimer);
    try {
      const res = await fetch(this.statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (res.ok) this.apply(await res.json());
    } catch (e) { /* network blip: try again on the next tick */ }
    this.pollTimer = setTimeout(() => this.poll(), this.live ? 10000 : 4000);
  }

  apply(status) {
    const wasLive = this.live;
    this.live = Boolean(status.live);
    this.root.dataset.live = String(this.live);
    if (this.live && !wasLive) this.play();
    if (!this.live && wasLive) this.stop();
    this.onStatus(status);
  }

  play() {
    this.video.hidden = false;
    this.offline.hidden = true;
    const Hls = window.Hls;
    if (Hls && Hls.isSupported()) {
      this.destroyHls();
      const hls = new Hls({ lowLatencyMode: true, backBufferLength: 30, maxLiveSyncPlaybackRate: 1.5 });
      this.hls = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, () => this.video.play().catch(() => {}));
      hls.on(Hls.Events.ERROR, (_event, data) => { if (data.fatal) this.recover(); });
      hls.loadSource(this.url);
      hls.attachMedia(this.video);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.src = this.url;
      this.video.play().catch(() => {});
    }
  }

  /** A fatal player error while live (e.g. the playlist is not published yet): retry shortly. */
  recover() {
    this.destroyHls();
    clearTimeout(this.retry);
    this.retry = setTimeout(() => { if (this.live) this.play(); }, 2000);
  }

  stop() {
    clearTimeout(this.retry);
    this.destroyHls();
    this.video.removeAttribute('src');
    this.video.load();
    this.video.hidden = true;
    this.offline.hidden = false;
  }

  destroyHls() {
    if (this.hls) { this.hls.destroy(); this.hls = null; }
  }
}

export function setBadge(badge, live) {
  badge.textContent = live ? 'Live' : 'Offline';
  badge.classList.toggle('badge-live', live);
  badge.classList.toggle('badge-offline', !live);
}
