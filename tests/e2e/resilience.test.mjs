// Bad feeds and hostile host pages: polite error states, partial feeds, CSS isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a feed URL that answers 404 shows a polite error with a retry and fires kabar:error', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/missing/feed.json"><a id="fallback" href="https://sungaijernih.go.id/berita">Semua berita</a></kabar-news>'));
  await waitForState(page, '#w', 'error');
  const view = await inShadow(page, '#w', (root) => ({
    title: root.querySelector('.error-title')?.textContent,
    retry: root.querySelector('.error button')?.textContent,
    role: root.querySelector('.error')?.getAttribute('role'),
  }));
  assert.deepEqual(view, { title: 'Berita tidak dapat dimuat.', retry: 'Coba lagi', role: 'status' });
  // The webmaster's fallback link is shown inside the error state.
  assert.equal(await page.locator('#fallback').isVisible(), true);
  const errors = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error'));
  assert.equal(errors.length, 1);
  assert.match(errors[0].detail.message, /HTTP 404/);

  const requests = () => server.log.filter((e) => e.path === '/missing/feed.json').length;
  assert.equal(requests(), 1);
  await page.locator('#w .error button').click();
  await page.waitForFunction(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error').length === 2);
  assert.equal(requests(), 2);
  assert.equal(await page.locator('#w').getAttribute('data-state'), 'error');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a feed on another origin without CORS headers explains what the feed server must send', async () => {
  // localhost and 127.0.0.1 are different origins; the test server sends no CORS headers.
  const crossOrigin = server.url.replace('127.0.0.1', 'localhost');
  const { page, pageErrors } = await openPage(browser, server.page(`<kabar-news id="w" feed="${crossOrigin}/feeds/berita.json"></kabar-news>`));
  await waitForState(page, '#w', 'error');
  const [error] = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error'));
  assert.match(error.detail.message, /Access-Control-Allow-Origin/);
  const detail = await inShadow(page, '#w', (root) => root.querySelector('.error-detail').textContent);
  assert.equal(detail, 'Sumber berita tidak dapat dihubungi. Periksa koneksi Anda atau coba lagi nanti.');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('an HTML page where the feed should be is a format error, not a crash', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/fixtures/not-json.html"></kabar-news>'));
  await waitForState(page, '#w', 'error');
  const [error] = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error'));
  assert.match(error.detail.message, /neither JSON nor XML/);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('an empty feed shows the empty state', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/fixtures/empty-items.json"></kabar-news>'));
  await waitForState(page, '#w', 'empty');
  const text = await inShadow(page, '#w', (root) => root.querySelector('[role=status]')?.textContent);
  assert.equal(text, 'Belum ada berita untuk ditampilkan.');
  await page.close();
});

test('the good items of a partly bad feed are shown and the skips are reported once', async () => {
  const { page, consoleMessages } = await openPage(browser, server.page('<kabar-news id="w" feed="/fixtures/partial.json" limit="10"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const titles = await inShadow(page, '#w', (root) => [...root.querySelectorAll('article h3')].map((h) => h.textContent));
  // A number where the title belongs is read as its text.
  assert.deepEqual(titles, ['Berita Baik Pertama', '12345', 'Berita Baik Ketiga']);
  const skips = consoleMessages.filter((m) => m.type === 'warning' && m.text.includes('skipped 6 of 9'));
  assert.equal(skips.length, 1, JSON.stringify(consoleMessages));
  await page.close();
});

const THREE_CARDS = '<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>';
const HOSTILE_CSS = '<link rel="stylesheet" href="/pages/hostile.css">';

// font-family is left out on purpose: the widget takes the host page's font (next test).
const STYLE_PROPERTIES = ['font-size', 'font-weight', 'font-style', 'color', 'line-height', 'letter-spacing',
  'word-spacing', 'text-transform', 'text-align', 'margin-top', 'margin-left', 'padding-top', 'padding-left',
  'border-top-width', 'border-top-style', 'background-color', 'display', 'visibility', 'box-sizing', 'cursor'];

async function shadowStyles(url) {
  const { page } = await openPage(browser, url);
  await waitForState(page, '#w', 'ready');
  const styles = await inShadow(page, '#w', (root, props) => {
    const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    const selectors = ['section.kabar', 'ul.cards', 'li', 'article', '.card-media', 'article img', '.card-category', 'h3',
      'h3 button', 'time', '.card-excerpt', '.card-more'];
    return Object.fromEntries(selectors.map((s) => [s, root.querySelector(s) ? pick(root.querySelector(s)) : null]));
  }, STYLE_PROPERTIES);
  const size = await inShadow(page, '#w', (root) => {
    const r = root.querySelector('article img').getBoundingClientRect();
    return { imageVisible: r.width > 100 && r.height > 50 };
  });
  await page.close();
  return { styles, size };
}

test('hostile global CSS on the host page does not change the widget', async () => {
  const plain = await shadowStyles(server.page(THREE_CARDS));
  const hostile = await shadowStyles(server.page({ head: HOSTILE_CSS, body: THREE_CARDS }));
  for (const [selector, style] of Object.entries(plain.styles)) {
    assert.ok(style, `${selector} exists`);
    assert.deepEqual(hostile.styles[selector], style, selector);
  }
  assert.deepEqual(hostile.size, { imageVisible: true });
  // The page CSS really is hostile: it changes the page's own elements.
  const { page } = await openPage(browser, server.page({ head: HOSTILE_CSS, body: THREE_CARDS }));
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Comic Sans/);
  await page.close();
});

test('the widget takes the host page font unless --kabar-font-family says otherwise', async () => {
  const { page } = await openPage(browser, server.page({ head: '<link rel="stylesheet" href="/pages/theming.css">',
    body: '<kabar-news id="w" feed="/feeds/berita.json" limit="1"></kabar-news><kabar-news id="mono" class="mono" feed="/feeds/berita.json" limit="1"></kabar-news>' }));
  await waitForState(page, '#w', 'ready');
  await waitForState(page, '#mono', 'ready');
  const font = (id) => inShadow(page, id, (root) => getComputedStyle(root.querySelector('.card-title')).fontFamily);
  assert.equal(await font('#w'), 'serif', 'the test page body font');
  assert.equal(await font('#mono'), 'monospace');
  await page.close();
});
