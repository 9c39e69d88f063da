// The loader: relative loading from any path, and graceful failure when the module cannot run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an async script under any path loads its wasm relative to itself', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({ script: '/cdn/kabar/v1/kabar.js', load: 'async', body: '<kabar-news id="w" feed="/feeds/berita.json" limit="2"></kabar-news>' }));
  await waitForState(page, '#w', 'ready');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('article').length), 2);
  assert.ok(server.log.some((e) => e.path === '/cdn/kabar/v1/kabar_bg.wasm' && e.status === 200));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the light-DOM fallback shows until the script runs, placeholder cards until the wasm has loaded, then the cards', async () => {
  // The script and its wasm are both served slowly: the page shows the webmaster's link until
  // the script runs, then placeholder cards of the final layout while the wasm downloads.
  const url = server.page({
    script: '/slow/1000/dist/kabar.js',
    load: `defer data-kabar-base="${server.url}/slow/1500/dist/"`,
    body: '<kabar-news id="w" feed="/feeds/berita.json" limit="4" layout="list"><a id="fallback" href="/berita">Semua berita</a></kabar-news>',
  });
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#fallback').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot), null);
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot !== null);
  const placeholders = await inShadow(page, '#w', (root) => ({
    cards: root.querySelectorAll('ul.cards.list.skeleton > li > .card').length,
    hidden: root.querySelector('ul.skeleton').getAttribute('aria-hidden'),
    styled: getComputedStyle(root.querySelector('ul.skeleton')).display,
  }));
  assert.deepEqual(placeholders, { cards: 4, hidden: 'true', styled: 'grid' });
  assert.equal(await page.locator('#fallback').isVisible(), false);
  assert.equal(await page.locator('#w').getAttribute('data-state'), null);
  await waitForState(page, '#w', 'ready');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('.skeleton').length + ':' + root.querySelectorAll('article.card').length), '0:4');
  assert.ok(server.log.some((e) => e.path === '/slow/1500/dist/kabar_bg.wasm'), 'the wasm came from its base URL');
  await page.close();
});

test('a missing wasm file leaves the fallback content visible and reports an error', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({ script: '/nowasm/kabar.js', body: `
    <kabar-news id="w" feed="/feeds/berita.json"><a id="fallback" href="https://sungaijernih.go.id/berita">Semua berita</a></kabar-news>
    <div id="d" data-kabar-news data-feed="/feeds/berita.json"><a id="fallback-div" href="https://sungaijernih.go.id/berita">Indeks berita</a></div>` }));
  await waitForState(page, '#w', 'error');
  await waitForState(page, '#d', 'error');
  assert.equal(await page.locator('#fallback').isVisible(), true);
  assert.equal(await page.locator('#fallback-div').isVisible(), true);
  const errors = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error').map((e) => e.detail.message));
  assert.equal(errors.length, 2);
  assert.match(errors[0], /kabar_bg\.wasm could not be loaded/);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('after an internal error every widget falls back once and the page keeps working', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, `${server.url}/index.html`);
  await waitForState(page, 'kabar-news', 'ready');
  await waitForState(page, '[data-kabar-news]', 'ready');
  // The panic hook announces a panic with this event; the loader must contain the damage.
  await page.evaluate(() => { window.dispatchEvent(new Event('kabar:panic')); window.dispatchEvent(new Event('kabar:panic')); });
  await waitForState(page, 'kabar-news', 'error');
  await waitForState(page, '[data-kabar-news]', 'error');
  assert.equal(await page.locator('kabar-news > a').isVisible(), true, 'the light-DOM link shows again');
  const errorLogs = consoleMessages.filter((m) => m.type === 'error' && m.text.includes('internal error'));
  assert.equal(errorLogs.length, 1);
  // A widget added afterwards is left as plain fallback content rather than half-mounted.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<kabar-news id="late" feed="/feeds/berita.json">x</kabar-news>'));
  assert.equal(await page.evaluate(() => document.querySelector('#late').shadowRoot), null);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
