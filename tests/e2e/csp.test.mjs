// The widget on hosts with a strict Content-Security-Policy and with Trusted Types enforced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'";
const violations = (page) => page.evaluate(() => window.__violations);

/** Opens the first card, steps to the next article, closes; returns what the reader showed. */
async function readFirstArticle(page) {
  await page.locator('#w .card-open').first().click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  const before = await inShadow(page, '#w', (root) => ({
    paragraphs: root.querySelectorAll('.reader-body p').length,
    strong: root.querySelectorAll('.reader-body strong, .reader-body b, .reader-body em').length,
    radius: getComputedStyle(root.querySelector('dialog')).borderTopLeftRadius,
  }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('dialog'));
  return before;
}

test('under a strict CSP header the widget works fully styled with zero violations', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({
    body: '<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>',
    headers: { 'content-security-policy': STRICT },
  }));
  await waitForState(page, '#w', 'ready');
  // Styled: the constructable stylesheet applied (cards have their radius and grid layout).
  const card = await inShadow(page, '#w', (root) => {
    const style = getComputedStyle(root.querySelector('.card'));
    return { radius: style.borderTopLeftRadius, display: getComputedStyle(root.querySelector('.cards')).display };
  });
  assert.deepEqual(card, { radius: '12px', display: 'grid' });
  const reader = await readFirstArticle(page);
  assert.ok(reader.paragraphs >= 2 && reader.strong >= 1, JSON.stringify(reader));
  assert.equal(reader.radius, '12px');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the demo portal page carries the strict policy itself and raises no violation', async () => {
  const { page, pageErrors } = await openPage(browser, `${server.url}/index.html`);
  await waitForState(page, 'kabar-news', 'ready');
  await waitForState(page, '[data-kabar-news]', 'ready');
  await page.locator('kabar-news .card-open').first().click();
  await page.waitForFunction(() => document.querySelector('kabar-news').shadowRoot.querySelector('dialog[open]'));
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('with Trusted Types enforced and the kabar policy allowed, article HTML still renders', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({
    body: '<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>',
    headers: { 'content-security-policy': `${STRICT}; require-trusted-types-for 'script'; trusted-types kabar` },
  }));
  await waitForState(page, '#w', 'ready');
  const reader = await readFirstArticle(page);
  assert.ok(reader.strong >= 1, `formatting survives: ${JSON.stringify(reader)}`);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('with Trusted Types enforced and no kabar policy, the article text still shows', async () => {
  const { page, pageErrors } = await openPage(browser, server.page({
    body: '<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>',
    headers: { 'content-security-policy': `${STRICT}; require-trusted-types-for 'script'; trusted-types other` },
  }));
  await waitForState(page, '#w', 'ready');
  const reader = await readFirstArticle(page);
  // Plain paragraphs instead of formatted HTML; nothing thrown.
  assert.ok(reader.paragraphs >= 2, JSON.stringify(reader));
  assert.equal(reader.strong, 0);
  // The refused policy is reported by the browser, as the host asked.
  assert.ok((await violations(page)).some((v) => v.directive === 'trusted-types'));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the formats and layouts demo pages run every widget under the same policy without a violation', async () => {
  for (const name of ['formats.html', 'layouts.html']) {
    const { page, pageErrors } = await openPage(browser, `${server.url}/${name}`);
    // The widgets far down are lazy: they start as the visitor scrolls near them.
    await page.waitForFunction(async () => {
      const hosts = [...document.querySelectorAll('kabar-news')];
      const asleep = hosts.find((e) => !e.shadowRoot);
      if (asleep) asleep.scrollIntoView();
      return hosts.every((e) => e.dataset.state === 'ready');
    }, null, { timeout: 15000, polling: 200 });
    assert.ok(await page.locator('kabar-news').count() >= 5, name);
    assert.deepEqual(await violations(page), [], name);
    assert.deepEqual(pageErrors, [], name);
    await page.close();
  }
});
