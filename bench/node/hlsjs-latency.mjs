// Live latency as hls.js reports it (hls.latency, low-latency mode on), in headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core). hls.js comes from npm, not the repo.
// Usage: node bench/node/hlsjs-latency.mjs <playlist URL> [seconds=60] [warmup=10]
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [url, seconds = '60', warmup = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node hlsjs-latency.mjs <playlist URL> [seconds] [warmup]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<video id="v" muted playsinline autoplay style="width:640px"></video>');
  await page.addScriptTag({ path: require.resolve('hls.js/dist/hls.min.js') });
  await page.evaluate((src) => {
    const hls = new window.Hls({ lowLatencyMode: true, backBufferLength: 30 });
    window.samples = [];
    window.errors = [];
    hls.on(window.Hls.Events.ERROR, (_, data) => { if (data.fatal) window.errors.push(data.details); });
    hls.loadSource(src);
    hls.attachMedia(document.getElementById('v'));
    window.hlsInstance = hls;
  }, url);
  const samples = [];
  const total = Number(seconds) + Number(warmup);
  for (let i = 0; i < total; i++) {
    await page.waitForTimeout(1000);
    const s = await page.evaluate(() => ({
      latency: window.hlsInstance.latency,
      time: document.getElementById('v').currentTime,
      errors: window.errors.slice(),
    }));
    if (i >= Number(warmup) && Number.isFinite(s.latency) && s.latency > 0) samples.push(s.latency);
    if (s.errors.length) { console.error('fatal hls.js errors:', s.errors); break; }
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  console.log(JSON.stringify({ url, samples: samples.length, p50: q(0.5), p95: q(0.95), min: samples[0], max: samples.at(-1) }));
} finally {
  await browser.close();
}
