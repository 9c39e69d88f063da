// The embed contract as a webmaster uses it: the demo page, the div form, the script included
// twice, widgets added and removed after load, bad attributes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const cardCount = (page, selector) => inShadow(page, selector, (root) => root.querySelectorAll('article').length);

test('the demo page shows both widgets with their configured counts', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, `${server.url}/index.html`);
  await waitForState(page, 'kabar-news', 'ready');
  await waitForState(page, '[data-kabar-news]', 'ready');
  assert.equal(await cardCount(page, 'kabar-news'), 6);
  assert.equal(await cardCount(page, '[data-kabar-news]'), 4);
  assert.equal(await inShadow(page, '[data-kabar-news]', (r) => r.querySelector('.cards').classList.contains('list')), true);

  // Every card holds a heading with plain-text title, a date, an excerpt and one control.
  const cards = await inShadow(page, 'kabar-news', (root) => [...root.querySelectorAll('article')].map((a) => ({
    heading: a.querySelector('h3')?.textContent ?? '',
    time: a.querySelector('time')?.getAttribute('datetime') ?? '',
    excerpt: a.querySelector('.card-excerpt')?.textContent ?? '',
    controls: a.querySelectorAll('button').length,
    img: a.querySelector('img') && {
      alt: a.querySelector('img').hasAttribute('alt'), loading: a.querySelector('img').loading,
      width: a.querySelector('img').getAttribute('width'), height: a.querySelector('img').getAttribute('height'),
    },
  })));
  for (const card of cards) {
    assert.ok(card.heading.length > 10, JSON.stringify(card));
    assert.match(card.time, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(card.excerpt.length > 10);
    assert.equal(card.controls, 1);
  }
  const images = cards.filter((c) => c.img).map((c) => c.img);
  assert.ok(images.length >= 3, 'the sample feed has images');
  for (const img of images) assert.deepEqual(img, { alt: true, loading: 'lazy', width: '640', height: '360' });

  // The light-DOM fallback link is not shown once the widget has rendered.
  assert.equal(await page.locator('kabar-news > a').isVisible(), false);
  const events = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:ready').map((e) => e.detail.count).sort());
  assert.deepEqual(events, [4, 6]);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.close();
});

test('the English page speaks English, dates included', async () => {
  const { page } = await openPage(browser, `${server.url}/en.html`);
  await waitForState(page, 'kabar-news', 'ready');
  const text = await inShadow(page, 'kabar-news', (root) => ({
    more: root.querySelector('.card-more').textContent,
    date: root.querySelector('time').textContent,
    region: root.querySelector('section').getAttribute('aria-label'),
  }));
  assert.equal(text.more, 'Read more →');
  assert.match(text.date, /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/);
  assert.equal(text.region, 'News');
  await page.close();
});

test('including the script twice is harmless', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, server.page({ head: '<script src="/dist/kabar.js" defer></script>', body: '<kabar-news id="w" feed="/feeds/berita.json" limit="2"></kabar-news>' }));
  await waitForState(page, '#w', 'ready');
  assert.equal(await cardCount(page, '#w'), 2);
  assert.deepEqual(pageErrors, []);
  assert.equal(consoleMessages.filter((m) => m.text.includes('more than once')).length, 1);
  await page.close();
});

test('widgets added after load mount, in both forms', async () => {
  const { page } = await openPage(browser, server.page('<p>Widgets are added here by the test.</p>'));
  await page.evaluate(() => window.Kabar.ready);
  await page.evaluate(() => {
    const element = document.createElement('kabar-news');
    element.id = 'late-element';
    element.setAttribute('feed', '/feeds/berita.json');
    element.setAttribute('limit', '2');
    document.querySelector('main').append(element);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div id="late-div" data-kabar-news data-feed="/feeds/berita.json" data-limit="3" data-layout="list"></div>';
    document.querySelector('main').append(wrapper);
  });
  await waitForState(page, '#late-element', 'ready');
  await waitForState(page, '#late-div', 'ready');
  assert.equal(await cardCount(page, '#late-element'), 2);
  assert.equal(await cardCount(page, '#late-div'), 3);

  // Changing an attribute re-renders without a new request.
  const requestsBefore = server.log.filter((e) => e.path === '/feeds/berita.json').length;
  await page.evaluate(() => document.querySelector('#late-div').setAttribute('data-limit', '5'));
  await page.waitForFunction(() => document.querySelector('#late-div').shadowRoot.querySelectorAll('article').length === 5);
  await page.evaluate(() => document.querySelector('#late-element').setAttribute('limit', '4'));
  await page.waitForFunction(() => document.querySelector('#late-element').shadowRoot.querySelectorAll('article').length === 4);
  assert.equal(server.log.filter((e) => e.path === '/feeds/berita.json').length, requestsBefore);
  await page.close();
});

test('a removed widget stops its work: the request is aborted and nothing renders', async () => {
  const { page } = await openPage(browser, server.page('<p>Widgets are added here by the test.</p>'));
  await page.evaluate(() => window.Kabar.ready);
  for (const [form, markup, delay] of [
    ['element', (url) => `<kabar-news id="gone" feed="${url}"></kabar-news>`, 20000],
    ['div', (url) => `<div id="gone" data-kabar-news data-feed="${url}"></div>`, 20001],
  ]) {
    const slowPath = `/slow/${delay}/feeds/berita.json`;
    await page.evaluate((html) => { document.querySelector('main').insertAdjacentHTML('beforeend', html); }, markup(slowPath));
    await page.waitForFunction(() => document.querySelector('#gone')?.getAttribute('data-state') === 'loading');
    const entry = await waitFor(() => server.log.find((e) => e.path === slowPath), `${form}: the request to arrive`);
    const host = await page.evaluate(() => {
      const el = document.querySelector('#gone');
      window.__gone = el;
      el.remove();
      return el.localName;
    });
    assert.ok(host === 'kabar-news' || host === 'div');
    await waitFor(() => entry.aborted, `${form}: the request to be aborted`);
    const after = await page.evaluate(() => ({
      shadowChildren: window.__gone.shadowRoot ? window.__gone.shadowRoot.childNodes.length : 0,
      readyEvents: window.__kabarEvents.filter((e) => e.host === 'gone').length,
    }));
    assert.deepEqual(after, { shadowChildren: 0, readyEvents: 0 }, form);
  }
  await page.close();
});

test('an element that cannot host the widget fails alone, with advice', async () => {
  const { page, consoleMessages, pageErrors } = await openPage(browser, server.page(`
    <ul id="bad" data-kabar-news data-feed="/feeds/berita.json"><li><a href="/berita">Berita</a></li></ul>
    <kabar-news id="w" feed="/feeds/berita.json" limit="2"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  await waitForState(page, '#bad', 'error');
  assert.equal(await page.locator('#bad a').isVisible(), true);
  assert.equal(consoleMessages.filter((m) => m.type === 'warning' && m.text.includes('<ul> element cannot hold the widget')).length, 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('invalid attributes warn once each, by name, and the defaults are used', async () => {
  const { page, consoleMessages, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="banyak" layout="masonry" lang="klingon"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.equal(await cardCount(page, '#w'), 6);
  const state = await inShadow(page, '#w', (root) => ({
    grid: root.querySelector('.cards').classList.contains('grid'),
    lang: root.querySelector('section').getAttribute('lang'),
  }));
  assert.deepEqual(state, { grid: true, lang: 'id' });
  const warnings = consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text);
  for (const expected of ['limit="banyak"', 'layout="masonry"', 'lang="klingon"']) {
    assert.equal(warnings.filter((w) => w.includes(expected)).length, 1, `${expected} in ${JSON.stringify(warnings)}`);
  }
  assert.deepEqual(pageErrors, []);
  await page.close();
});

/** Polls a Node-side condition (the server's request log) until it holds. */
async function waitFor(check, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
