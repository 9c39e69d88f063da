// A fast start: the feed downloads while the wasm does, and a widget far below the fold costs
// nothing until the visitor scrolls near it (loading="lazy", the default).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const feedText = fs.readFileSync(new URL('../../www/feeds/berita.json', import.meta.url));

test('the feed request starts while the wasm is still downloading, and is not made twice', async () => {
  const wasmPath = '/slow/1500/dist/kabar_bg.wasm';
  let wasmAnsweredWhenFeedAsked = null;
  server.route('/startup/feed.json', (req, res) => {
    const wasm = server.log.find((e) => e.path === wasmPath);
    wasmAnsweredWhenFeedAsked = wasm ? wasm.status !== 0 : 'not yet requested';
    res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-store' }).end(feedText);
  });
  const { page, pageErrors } = await openPage(browser, server.page({
    // The loader finds its wasm beside the script, here behind a slow path.
    load: `defer data-kabar-base="${server.url}/slow/1500/dist/"`,
    body: '<kabar-news id="w" feed="/startup/feed.json" limit="3" cache="0"></kabar-news>',
  }));
  await waitForState(page, '#w', 'ready');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('article.card').length), 3);
  assert.equal(wasmAnsweredWhenFeedAsked, false, 'the feed was asked for before the wasm had arrived');
  assert.equal(server.log.filter((e) => e.path === '/startup/feed.json').length, 1, 'the widget used the started request');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a widget far below the fold loads nothing until the visitor scrolls near it', async () => {
  const feed = '/feeds/berita.json?lazy';
  const start = server.log.length;
  const { page, pageErrors } = await openPage(browser, server.page({
    head: '<style>.spacer { height: 6000px; }</style>',
    body: `<p>Sambutan Bupati.</p><div class="spacer"></div><kabar-news id="w" feed="${feed}" cache="0"></kabar-news>`,
  }));
  await page.waitForLoadState('load');
  await page.waitForTimeout(800);
  const before = {
    feed: server.log.filter((e) => e.path === '/feeds/berita.json' && e.query === '?lazy').length,
    state: await page.locator('#w').getAttribute('data-state'),
  };
  const wasmBefore = server.log.slice(start).filter((e) => e.path === '/dist/kabar_bg.wasm').length;
  assert.deepEqual({ feed: before.feed, state: before.state }, { feed: 0, state: null });
  assert.equal(wasmBefore, 0, 'not even the wasm is downloaded for a page whose only widget is far away');
  await page.evaluate(() => window.scrollTo(0, 4900));
  await waitForState(page, '#w', 'ready');
  assert.equal(server.log.filter((e) => e.path === '/feeds/berita.json' && e.query === '?lazy').length, 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('loading="eager" starts at once, and a hidden widget starts when it is shown', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({
    head: '<style>.spacer { height: 6000px; }</style>',
    body: `<div class="spacer"></div>
      <kabar-news id="eager" loading="eager" feed="/feeds/berita.json?eager" cache="0"></kabar-news>
      <div id="tab" hidden><kabar-news id="hidden" feed="/feeds/berita.json?tab" cache="0"></kabar-news></div>`,
  }));
  await waitForState(page, '#eager', 'ready');
  await page.waitForTimeout(300);
  assert.equal(server.log.filter((e) => e.query === '?tab').length, 0, 'a widget in a hidden tab waits');
  await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('#tab').hidden = false; document.querySelector('#tab').scrollIntoView(); });
  await waitForState(page, '#hidden', 'ready');
  assert.equal(server.log.filter((e) => e.query === '?tab').length, 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('placeholder cards keep the page still: no layout shift when the articles arrive', async () => {
  const filler = `<p>${'Kabar terbaru dari pemerintah daerah dan kecamatan di seluruh kabupaten. '.repeat(8)}</p>`.repeat(6);
  for (const layout of ['grid', 'list', 'compact']) {
    const { page, pageErrors } = await openPage(browser, server.page({
      load: 'defer blocking="render"',
      head: `<script>window.__shift = 0; new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shift += e.value; })).observe({ type: 'layout-shift', buffered: true });</script>`,
      // The feed arrives well after the placeholders, as on a slow connection.
      body: `<h1>Berita</h1><kabar-news id="w" feed="/slow/400/feeds/berita.json" limit="6" layout="${layout}" cache="0"></kabar-news>${filler}`,
    }));
    await waitForState(page, '#w', 'ready');
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.01, `${layout}: layout shift ${shift}`);
    assert.deepEqual(pageErrors, []);
    await page.close();
  }
});

test('a preload hint for the wasm (README\'s first-screen snippet) is the one download the loader uses, pinned wasm and all', async () => {
  const start = server.log.length;
  const { page, pageErrors, consoleMessages } = await openPage(browser, server.page({
    head: '<link rel="preload" href="/cdn/kabar/v1/kabar_bg.wasm" as="fetch" crossorigin>',
    script: '/cdn/kabar/v1/kabar.js',
    body: '<kabar-news id="w" feed="/feeds/berita.json?preload" limit="2"></kabar-news>',
  }));
  await waitForState(page, '#w', 'ready');
  // The harness answers with no-store: a preload the loader did not use would be fetched twice.
  const wasmRequests = server.log.slice(start).filter((e) => e.path === '/cdn/kabar/v1/kabar_bg.wasm');
  assert.equal(wasmRequests.length, 1, JSON.stringify(wasmRequests));
  assert.deepEqual(consoleMessages.filter((m) => /preload/i.test(m.text)), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
