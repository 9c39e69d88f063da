// The reader as a visitor uses it: mouse and keyboard, focus, events; and hostile feed content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const openDialog = (page) => page.waitForFunction(() => document.querySelector('kabar-news').shadowRoot.querySelector('dialog[open]'));
const noDialog = (page) => page.waitForFunction(() => !document.querySelector('kabar-news').shadowRoot.querySelector('dialog'));

test('a click opens the reader with the article; Escape closes it and focus returns', async () => {
  const { page } = await openPage(browser, `${server.url}/index.html`);
  await waitForState(page, 'kabar-news', 'ready');
  const card = page.locator('kabar-news article').nth(1);
  const title = (await card.locator('h3').textContent()).trim();
  await card.click({ position: { x: 40, y: 40 } }); // on the image: the whole card opens it
  await openDialog(page);

  const reader = await inShadow(page, 'kabar-news', (root) => {
    const dialog = root.querySelector('dialog[open]');
    const label = root.getElementById(dialog.getAttribute('aria-labelledby'));
    return {
      modal: dialog.matches(':modal'),
      name: label?.textContent,
      date: dialog.querySelector('.reader-meta time')?.textContent,
      author: dialog.querySelector('.reader-author')?.textContent,
      image: !!dialog.querySelector('img.reader-image'),
      paragraphs: dialog.querySelectorAll('.reader-body p').length,
      original: dialog.querySelector('a.reader-original')?.href,
      focusInside: dialog.contains(root.activeElement),
    };
  });
  assert.equal(reader.modal, true);
  assert.equal(reader.name, title);
  assert.match(reader.date, /^\w+, \d{1,2} \w+ \d{4}$/);
  assert.match(reader.author, /^Oleh /);
  assert.equal(reader.image, true);
  assert.ok(reader.paragraphs >= 2, `body paragraphs: ${reader.paragraphs}`);
  assert.match(reader.original, /^https:\/\/sungaijernih\.go\.id\/berita\//);
  assert.equal(reader.focusInside, true);

  await page.keyboard.press('Escape');
  await noDialog(page);
  const focused = await inShadow(page, 'kabar-news', (root) => root.activeElement?.closest('article')?.querySelector('h3')?.textContent);
  assert.equal(focused, title);

  const events = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:open' || e.name === 'kabar:close'));
  assert.equal(events.length, 2);
  assert.equal(events[0].name, 'kabar:open');
  assert.equal(events[0].detail.title, title);
  assert.ok(events[0].detail.id && events[0].detail.url);
  assert.equal(events[1].name, 'kabar:close');

  // A click on the backdrop closes it too; a click inside does not.
  await card.click({ position: { x: 40, y: 40 } });
  await openDialog(page);
  await page.locator('kabar-news .reader-body').click();
  assert.equal(await inShadow(page, 'kabar-news', (root) => !!root.querySelector('dialog[open]')), true);
  await page.mouse.click(5, 5);
  await noDialog(page);
  await page.close();
});

test('keyboard only: Enter opens, the close button closes, focus comes back', async () => {
  const { page } = await openPage(browser, `${server.url}/index.html`);
  await waitForState(page, 'kabar-news', 'ready');
  await page.locator('kabar-news article h3 button').first().focus();
  await page.keyboard.press('Enter');
  await openDialog(page);
  // Focus starts on the article's title, so a screen reader begins reading there; Tab stays
  // inside the modal dialog.
  const activeLabel = () => inShadow(page, 'kabar-news', (root) => root.activeElement?.className ?? '');
  assert.equal(await activeLabel(), 'reader-title');
  await page.keyboard.press('Tab');
  assert.equal(await inShadow(page, 'kabar-news', (root) => root.querySelector('dialog').contains(root.activeElement)), true);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await noDialog(page);
  assert.equal(await activeLabel(), 'card-open');
  await page.close();
});

test('on a 360 px phone the reader fits and wide tables scroll inside it', async () => {
  const { page } = await openPage(browser, `${server.url}/index.html`);
  await page.setViewportSize({ width: 360, height: 740 });
  await waitForState(page, 'kabar-news', 'ready');
  const count = await page.locator('kabar-news article').count();
  let measured = null;
  for (let i = 0; i < count && !measured; i++) {
    await page.locator('kabar-news article h3 button').nth(i).click();
    await openDialog(page);
    measured = await inShadow(page, 'kabar-news', (root) => {
      const dialog = root.querySelector('dialog');
      const table = dialog.querySelector('.reader-body table');
      if (!table) return null;
      const widestWord = Math.max(...[...table.querySelectorAll('th')].map((th) => th.getBoundingClientRect().height));
      return {
        dialogFits: dialog.getBoundingClientRect().right <= window.innerWidth && dialog.scrollWidth <= dialog.clientWidth,
        tableScrolls: table.scrollWidth > table.clientWidth,
        headerLines: widestWord,
        lineHeight: parseFloat(getComputedStyle(table.querySelector('th')).lineHeight),
      };
    });
    await page.keyboard.press('Escape');
    await noDialog(page);
  }
  assert.ok(measured, 'the sample feed has an article with a table');
  assert.equal(measured.dialogFits, true);
  assert.equal(measured.tableScrolls, true);
  // Header cells are not squeezed into one letter per line.
  assert.ok(measured.headerLines < 4 * measured.lineHeight, JSON.stringify(measured));
  await page.close();
});

test('nothing from a hostile feed runs or leaves a script URL behind', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/fixtures/hostile.json"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const count = await inShadow(page, '#w', (root) => root.querySelectorAll('article').length);
  assert.equal(count, 2);
  for (let i = 0; i < count; i++) {
    await page.locator('#w article h3 button').nth(i).click();
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
    // Let lazy images and any event handler that slipped through have their chance.
    await page.locator('#w dialog').evaluate((d) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const audit = await inShadow(page, '#w', (root) => {
      const all = [...root.querySelectorAll('*')];
      return {
        scripts: root.querySelectorAll('script, iframe, object, embed, svg, math, form, style, base, meta').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        badUrls: all.flatMap((el) => [...el.attributes].map((a) => a.value.toLowerCase().replace(/\s/g, ''))
          .filter((v) => v.startsWith('javascript:') || v.startsWith('data:text') || v.startsWith('vbscript:'))),
        title: root.querySelector('.reader-title').textContent,
      };
    });
    assert.deepEqual({ ...audit, title: undefined }, { scripts: 0, handlers: [], badUrls: [], title: undefined });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('dialog'));
  }
  // Markup in titles is reduced to its text, which is rendered as a text node.
  const firstTitle = await inShadow(page, '#w', (root) => root.querySelector('h3').textContent);
  assert.equal(firstTitle, 'Judul Berbahaya');
  assert.equal(await page.evaluate(() => window.__kabarXss), undefined);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
