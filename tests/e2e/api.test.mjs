// The developer's side: element properties and methods, kabar:click, Kabar.mount/unmount for
// single-page apps, and the TypeScript declarations in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('articles, state, open(id), close() and refresh() on the element', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const info = await page.evaluate(() => {
    const w = document.querySelector('#w');
    const articles = w.articles;
    articles[0].title = 'changed by the page';
    return { state: w.state, count: articles.length, first: articles[0], again: w.articles[0].title };
  });
  assert.equal(info.state, 'ready');
  assert.equal(info.count, 14);
  assert.deepEqual(Object.keys(info.first).sort(), ['authors', 'categories', 'id', 'image', 'modified', 'published', 'source', 'summary', 'tags', 'title', 'url']);
  // Its source: the feed's URL and name (its title), also with one feed.
  assert.deepEqual(info.first.source, { feed: `${server.url}/feeds/berita.json`, name: 'Berita Pemerintah Kabupaten Sungai Jernih' });
  assert.match(info.first.published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.notEqual(info.again, 'changed by the page', 'articles are copies');
  // open(id) opens the reader (and the hash), close() closes it; unknown ids say false.
  const second = await page.evaluate(() => document.querySelector('#w').articles[1]);
  assert.equal(await page.evaluate((id) => document.querySelector('#w').open(id), second.id), true);
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.reader-title').textContent), second.title);
  assert.equal(await page.evaluate(() => document.querySelector('#w').open('tidak-ada')), false);
  await page.evaluate(() => document.querySelector('#w').close());
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('dialog'));
  // refresh() fetches again even with a fresh cache.
  const requests = () => server.log.filter((e) => e.path === '/feeds/berita.json').length;
  const before = requests();
  await page.evaluate(() => document.querySelector('#w').refresh());
  await page.waitForFunction(() => window.__kabarEvents.filter((e) => e.name === 'kabar:ready').length === 2);
  assert.equal(requests(), before + 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('kabar:click tells analytics which article was clicked and where', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news><kabar-news id="out" feed="/feeds/berita.json" limit="3" reader="new-tab"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await waitForState(page, '#out', 'ready');
  await page.evaluate(() => {
    window.__clicks = [];
    document.addEventListener('kabar:click', (e) => window.__clicks.push({ host: e.target.id, ...e.detail }));
  });
  const articles = await page.evaluate(() => document.querySelector('#w').articles);
  await page.locator('#w .card-open').nth(2).click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  await page.keyboard.press('Escape');
  // A card that links out reports the click too (the new tab is not followed here).
  await page.context().route('https://sungaijernih.go.id/**', (route) => route.abort());
  await page.locator('#out .card-open').first().click();
  const clicks = await page.evaluate(() => window.__clicks);
  assert.deepEqual(clicks, [
    { host: 'w', id: articles[2].id, url: articles[2].url, position: 3, source: articles[2].source },
    { host: 'out', id: articles[0].id, url: articles[0].url, position: 1, source: articles[0].source },
  ]);
  await page.close();
});

test('Kabar.mount and Kabar.unmount for single-page apps', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<div id="app"></div>'));
  await page.evaluate(() => window.Kabar.ready);
  const result = await page.evaluate(async () => {
    const div = document.createElement('div');
    document.querySelector('#app').append(div);
    const widget = await window.Kabar.mount(div, { feed: '/feeds/rss.xml', layout: 'compact', limit: 2, textReadMore: 'Baca' });
    await new Promise((resolve) => div.addEventListener('kabar:ready', resolve, { once: true }));
    const attributes = ['data-feed', 'data-layout', 'data-limit', 'data-text-read-more'].map((a) => div.getAttribute(a));
    const cards = div.shadowRoot.querySelectorAll('.card').length;
    const same = window.Kabar.widget(div) !== null && widget.state === 'ready' && widget.articles.length > 0;
    window.Kabar.unmount(div);
    return { attributes, cards, same, after: window.Kabar.widget(div), slot: div.shadowRoot.querySelectorAll('.card').length };
  });
  assert.deepEqual(result, { attributes: ['/feeds/rss.xml', 'compact', '2', 'Baca'], cards: 2, same: true, after: null, slot: 0 });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('dist/kabar.d.ts type-checks a developer\'s use of the element, events and Kabar', () => {
  const tsc = path.join(here, 'node_modules/.bin/tsc');
  const output = execFileSync(tsc, ['--strict', '--noEmit', '--target', 'es2020', '--module', 'es2020', '--moduleResolution', 'bundler', '--lib', 'es2020,dom', path.join(here, 'types/usage.ts')], { encoding: 'utf8' });
  assert.equal(output, '');
  // And it would fail on a wrong use: the checker is really looking.
  const wrong = path.join(here, 'types/wrong.ts');
  assert.throws(
    () => execFileSync(tsc, ['--strict', '--noEmit', '--target', 'es2020', '--module', 'es2020', '--moduleResolution', 'bundler', '--lib', 'es2020,dom', wrong], { encoding: 'utf8' }),
    (error) => /wrong\.ts\(5,9\).*Type 'number' is not assignable to type 'string'/.test(error.stdout),
  );
});
