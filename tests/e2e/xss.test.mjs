// The XSS corpus (xss-vectors.mjs) through every feed format: each payload sits in an article body,
// and in turn in titles, summaries, authors, categories, tags and image descriptions; hostile URLs
// sit in item links, lead images, image sizes and attachments. Every card of every widget is opened
// in the reader, and the shadow root is audited while it is open. Nothing may run: every payload
// would set window.__kabarXss, and the canary test proves that this flag works in this browser.
//
// Counting rule: an item whose title is only a payload falls back to its harmless sentence, every
// item has a unique id and, within one feed, a different link, so no item should be skipped. The
// rule asserted is that at least 90% of the items of every format produce cards (and every card is
// opened); the vectors of skipped items are named in a diagnostic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState } from './harness.mjs';
import { VECTORS, URL_VECTORS } from './xss-vectors.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Keep the run hermetic: a request to any host but the test server (evil.example, contoh.go.id)
  // fails at once, which also fires the error events of images that slipped through.
  await browser.context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
});
after(async () => { await browser?.close(); await server?.close(); });

/** Payloads per article body (1: every vector alone, so none can swallow another). */
const PER_ITEM = 1;
const N = VECTORS.length;
const U = URL_VECTORS.length;
const ITEMS = Math.ceil(N / PER_ITEM);
/** Items per feed: at most 100 (the widget's limit) and no more than there are URL vectors, so no
 * link repeats within a feed (repeated links are dropped as duplicates). */
const PER_FEED = Math.min(100, U);
const FEEDS = Math.ceil(ITEMS / PER_FEED);
const FIELDS = 'items: posts; id: slug; title: headline; url: link; image: thumb; image-alt: thumb_alt; summary: lead; content: body; category: section; tags: labels; author: writer; date: published_at';

/** Which vector goes where in item `i`. */
function plan(i) {
  const v = (offset) => (i * PER_ITEM + offset) % N;
  const u = (offset) => (i + offset) % U;
  return {
    content: Array.from({ length: PER_ITEM }, (_, k) => i * PER_ITEM + k).filter((k) => k < N),
    title: v(1), summary: v(2), author: v(3), category: v(4), tag: v(5), alt: v(6), attachmentTitle: v(7),
    link: u(0), image: u(7), image2: u(13), image3: u(19), attachment: u(25),
  };
}

const html = (k) => VECTORS[k].html;
const sentence = (i) => `<p>Kalimat aman nomor ${i} tentang jembatan desa.</p>`;
const body = (i) => sentence(i) + plan(i).content.map(html).join('');
const date = (i) => new Date(Date.UTC(2026, 10, 1) + i * 60_000);

/** Describes item `i` of a format for assertion messages. */
function describeItem(format, i) {
  if (i === undefined || i < 0) return `${format}: an unidentified item`;
  const p = plan(i);
  const label = (k) => JSON.stringify(VECTORS[k].label);
  return `${format} item ${i}: content=${p.content.map(label).join('+')}, title=${label(p.title)}, summary=${label(p.summary)}, `
    + `author=${label(p.author)}, category=${label(p.category)}, tag=${label(p.tag)}, image alt=${label(p.alt)}, `
    + `link=URL_VECTORS[${p.link}] ${JSON.stringify(URL_VECTORS[p.link])}, image=URL_VECTORS[${p.image}], `
    + `image sizes/banner=URL_VECTORS[${p.image2}],[${p.image3}], attachment=URL_VECTORS[${p.attachment}]`;
}

// --- XML escaping ---------------------------------------------------------------------------

/** Characters XML 1.0 does not allow; they can only be written as (forgiven) character references. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ref = (c) => `&#x${c.codePointAt(0).toString(16).toUpperCase()};`;
/** Element text. `\r` is written as a reference, or parsers would turn it into `\n`. */
const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(XML_ILLEGAL, ref).replace(/\r/g, '&#xD;');
/** Attribute value in double quotes; tabs and newlines as references, or they become spaces. */
const xmlAttr = (s) => xmlText(s).replace(/"/g, '&quot;').replace(/[\t\n]/g, ref);
/** CDATA, with `]]>` split across two sections; text that CDATA cannot carry is escaped instead. */
const cdata = (s) => (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)
  ? xmlText(s)
  : `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);

// --- feeds ------------------------------------------------------------------------------------

function jsonFeed(indices) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: html(0),
    items: indices.map((i) => {
      const p = plan(i);
      return {
        id: `xss-jsonfeed-${i}`,
        url: URL_VECTORS[p.link],
        external_url: URL_VECTORS[p.image3],
        title: html(p.title),
        summary: html(p.summary),
        content_html: body(i),
        image: URL_VECTORS[p.image],
        banner_image: URL_VECTORS[p.image2],
        date_published: date(i).toISOString(),
        authors: [{ name: html(p.author) }],
        tags: [html(p.category), html(p.tag)],
        attachments: [{ url: URL_VECTORS[p.attachment], title: html(p.attachmentTitle), mime_type: 'application/pdf' }],
      };
    }),
  });
}

function wordpress(indices) {
  return JSON.stringify(indices.map((i) => {
    const p = plan(i);
    // Every other post has a harmless main image, so its hostile sizes reach the srcset.
    const main = i % 2 ? `https://contoh.go.id/wp-content/uploads/${i}.jpg` : URL_VECTORS[p.image];
    return {
      id: 100000 + i,
      date_gmt: date(i).toISOString().slice(0, 19),
      link: URL_VECTORS[p.link],
      title: { rendered: html(p.title) },
      content: { rendered: body(i), protected: false },
      excerpt: { rendered: html(p.summary), protected: false },
      _embedded: {
        author: [{ id: 1, name: html(p.author) }],
        'wp:featuredmedia': [{
          id: i, source_url: main, alt_text: html(p.alt),
          media_details: {
            width: 1600, height: 900,
            sizes: {
              medium: { source_url: URL_VECTORS[p.image2], width: 300, height: 169 },
              large: { source_url: URL_VECTORS[p.image3], width: 1024, height: 576 },
            },
          },
        }],
        'wp:term': [[{ id: 1, name: html(p.category), taxonomy: 'category' }], [{ id: 2, name: html(p.tag), taxonomy: 'post_tag' }]],
      },
    };
  }));
}

function rss(indices) {
  const items = indices.map((i) => {
    const p = plan(i);
    return `  <item>
    <title>${xmlText(html(p.title))}</title>
    <link>${xmlText(URL_VECTORS[p.link])}</link>
    <guid isPermaLink="false">xss-rss-${i}</guid>
    <pubDate>${date(i).toUTCString()}</pubDate>
    <dc:creator>${cdata(html(p.author))}</dc:creator>
    <category>${cdata(html(p.category))}</category>
    <category>${xmlText(html(p.tag))}</category>
    <description>${cdata(html(p.summary))}</description>
    <content:encoded>${cdata(body(i))}</content:encoded>
    <media:content url="${xmlAttr(URL_VECTORS[p.image])}" medium="image" width="1200" height="675"><media:description>${xmlText(html(p.alt))}</media:description></media:content>
    <media:thumbnail url="${xmlAttr(URL_VECTORS[p.image2])}"/>
    <enclosure url="${xmlAttr(URL_VECTORS[p.image3])}" type="image/jpeg" length="1000"/>
    <enclosure url="${xmlAttr(URL_VECTORS[p.attachment])}" type="application/pdf" length="2048"/>
  </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>${xmlText(html(0))}</title>
  <link>https://contoh.go.id/</link>
${items.join('\n')}
</channel>
</rss>`;
}

function atom(indices) {
  const entries = indices.map((i) => {
    const p = plan(i);
    return `  <entry>
    <id>xss-atom-${i}</id>
    <title type="html">${xmlText(html(p.title))}</title>
    <link rel="alternate" type="text/html" href="${xmlAttr(URL_VECTORS[p.link])}"/>
    <link rel="enclosure" type="image/jpeg" href="${xmlAttr(URL_VECTORS[p.image])}"/>
    <link rel="enclosure" type="application/pdf" href="${xmlAttr(URL_VECTORS[p.attachment])}" title="${xmlAttr(html(p.attachmentTitle))}" length="2048"/>
    <updated>${date(i).toISOString()}</updated>
    <author><name>${xmlText(html(p.author))}</name></author>
    <category term="${xmlAttr(html(p.category))}"/>
    <category term="tag-${i}" label="${xmlAttr(html(p.tag))}"/>
    <summary type="html">${xmlText(html(p.summary))}</summary>
    <content type="html">${xmlText(body(i))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">${xmlText(html(0))}</title>
  <id>tag:contoh.go.id,2026:xss</id>
  <updated>2026-11-26T12:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}

function custom(indices) {
  return JSON.stringify({
    status: 'ok',
    posts: indices.map((i) => {
      const p = plan(i);
      return {
        slug: `xss-custom-${i}`,
        headline: html(p.title),
        link: URL_VECTORS[p.link],
        thumb: URL_VECTORS[p.image],
        thumb_alt: html(p.alt),
        lead: html(p.summary),
        body: body(i),
        section: { name: html(p.category) },
        labels: [html(p.tag)],
        writer: html(p.author),
        published_at: date(i).toISOString(),
      };
    }),
  });
}

const FORMATS = [
  { name: 'jsonfeed', type: 'application/feed+json', build: jsonFeed, id: (i) => `xss-jsonfeed-${i}` },
  { name: 'wordpress', type: 'application/json', build: wordpress, id: (i) => String(100000 + i) },
  { name: 'rss', type: 'application/rss+xml; charset=utf-8', build: rss, id: (i) => `xss-rss-${i}` },
  { name: 'atom', type: 'application/atom+xml; charset=utf-8', build: atom, id: (i) => `xss-atom-${i}` },
  { name: 'custom', type: 'application/json', build: custom, id: (i) => `xss-custom-${i}`, attrs: ` fields="${FIELDS}"` },
];

// --- the audit, run in the page -------------------------------------------------------------

/** Everything wrong in a shadow root, as readable strings; runs in the page. */
function audit(root) {
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const BANNED = new Set(['script', 'base', 'meta', 'link', 'object', 'embed', 'form', 'input', 'svg', 'math', 'template',
    'style', 'applet', 'frame', 'frameset', 'portal', 'isindex', 'keygen']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'srcset', 'imagesrcset', 'cite',
    'background', 'lowsrc', 'dynsrc', 'data', 'codebase', 'longdesc', 'ping', 'usemap', 'icon', 'manifest']);
  // eslint-disable-next-line no-control-regex
  const clean = (value) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const show = (el) => el.outerHTML.slice(0, 200);
  const problems = [];
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName;
    if (el.namespaceURI !== XHTML) problems.push(`<${name}> in the namespace ${el.namespaceURI}: ${show(el)}`);
    if (BANNED.has(name)) problems.push(`a <${name}> element: ${show(el)}`);
    if (name === 'iframe' && !el.hasAttribute('sandbox')) problems.push(`an iframe without sandbox: ${show(el)}`);
    for (const attr of el.attributes) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) problems.push(`an event handler attribute ${attr.name} on <${name}>: ${show(el)}`);
      if (attrName === 'style') problems.push(`a style attribute on <${name}>: ${show(el)}`);
      if (!URL_ATTRS.has(attrName) && !attrName.endsWith(':href')) continue;
      const candidates = attrName.endsWith('srcset')
        ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0])
        : [attr.value];
      for (const candidate of candidates) {
        const url = clean(candidate);
        if (/^(javascript|vbscript):/.test(url) || url.startsWith('data:text')) {
          problems.push(`a script URL in ${attr.name} of <${name}>: ${JSON.stringify(attr.value.slice(0, 120))}`);
        } else if (url.startsWith('data:')) {
          const rasterOnImg = name === 'img' && (attrName === 'src' || attrName === 'srcset')
            && /^data:image\/(png|jpeg|gif|webp|avif)[;,]/.test(url);
          if (!rasterOnImg) problems.push(`a data: URL in ${attr.name} of <${name}>: ${JSON.stringify(attr.value.slice(0, 120))}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Audits the shadow root of `selector` and reads the flag, the id of the open article and the
 * number in its harmless sentence. With `reader`, first waits (up to 5 s) for the reader to be open,
 * then two more frames, so lazy images, autofocus and any handler that slipped through have their
 * chance; without, waits two frames.
 */
function inspect(page, selector, reader) {
  return page.evaluate(async ([sel, source, wantReader]) => {
    const host = document.querySelector(sel);
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const started = performance.now();
    while (wantReader && !host.shadowRoot.querySelector('dialog[open]')) {
      if (performance.now() - started > 5000) return { timeout: true };
      await frame();
    }
    await frame();
    await frame();
    // eslint-disable-next-line no-new-func
    const problems = (0, eval)(`(${source})`)(host.shadowRoot);
    const opened = window.__kabarEvents.filter((e) => e.name === 'kabar:open' && e.host === host.id).at(-1);
    const sentence = host.shadowRoot.querySelector('dialog[open] .reader-body')?.textContent.match(/Kalimat aman nomor (\d+) /);
    return { problems, flag: typeof window.__kabarXss, openedId: opened?.detail?.id, sentence: sentence ? Number(sentence[1]) : null };
  }, [selector, audit.toString(), reader]);
}

// --- tests ----------------------------------------------------------------------------------

test('the corpus is large and distinct', () => {
  assert.ok(VECTORS.length >= 170, `${VECTORS.length} vectors`);
  assert.ok(URL_VECTORS.length >= 25, `${URL_VECTORS.length} URL vectors`);
  assert.equal(new Set(VECTORS.map((v) => v.label)).size, VECTORS.length, 'labels are unique');
  assert.equal(new Set(VECTORS.map((v) => v.html)).size, VECTORS.length, 'payloads are unique');
  assert.equal(new Set(URL_VECTORS).size, URL_VECTORS.length, 'URL vectors are unique');
  for (const { label, html: payload } of VECTORS) {
    assert.doesNotMatch(payload, /alert\s*\(/, label);
  }
});

test('canary: the flag is set when a payload runs in the host page', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<p>kanari</p>'));
  assert.equal(await page.evaluate(() => typeof window.__kabarXss), 'undefined');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'x';
    img.onerror = () => { window.__kabarXss = 1; };
    document.body.append(img);
  });
  await page.waitForFunction(() => window.__kabarXss === 1, null, { timeout: 5000 });
  // And an inline handler attribute, the form most payloads take, runs here too.
  await page.evaluate(() => { delete window.__kabarXss; document.body.insertAdjacentHTML('beforeend', '<img src=y onerror="window.__kabarXss=1">'); });
  await page.waitForFunction(() => window.__kabarXss === 1, null, { timeout: 5000 });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the audit flags each kind of leftover it looks for, and not harmless markup', async () => {
  const { page } = await openPage(browser, server.page('<p>audit</p>'));
  const cases = [
    ['<p title="javascript:x">teks <b>tebal</b></p><a href="https://contoh.go.id/">ok</a><img src="/img/a.jpg" srcset="/img/a.jpg 1x, /img/b.jpg 2x">', false],
    ['<img src="data:image/png;base64,AAAA" alt="">', false],
    ['<iframe sandbox src="https://contoh.go.id/"></iframe>', false],
    ['<script type="text/plain"></script>', true],
    ['<img src="/a.jpg" onerror="">', true],
    ['<p ONCLICK="">x</p>', true],
    ['<p style="color:red">x</p>', true],
    ['<a href=" java\tscript:void 0">x</a>', true],
    ['<a href="\u0001JAVASCRIPT:void 0">x</a>', true],
    ['<a href="vbscript:x">x</a>', true],
    ['<a href="data:text/html,x">x</a>', true],
    ['<a href="data:image/png;base64,AAAA">x</a>', true],
    ['<img src="data:image/svg+xml,x">', true],
    ['<img src="/a.jpg" srcset="/a.jpg 1x, javascript:void(0) 2x">', true],
    ['<blockquote cite="javascript:x">x</blockquote>', true],
    ['<form action="https://contoh.go.id/"></form>', true],
    ['<iframe src="https://contoh.go.id/"></iframe>', true],
    ['<svg></svg>', true], ['<math></math>', true], ['<template></template>', true], ['<base href="/">', true],
    ['<meta name="x" content="y">', true], ['<link rel="next" href="/">', true], ['<object></object>', true],
    ['<embed type="text/plain">', true], ['<input type="text">', true], ['<style></style>', true],
  ];
  for (const [markup, flagged] of cases) {
    const problems = await page.evaluate(([source, m]) => {
      const root = document.createElement('div').attachShadow({ mode: 'open' });
      root.innerHTML = m;
      // eslint-disable-next-line no-new-func
      return (0, eval)(`(${source})`)(root);
    }, [audit.toString(), markup]);
    assert.equal(problems.length > 0, flagged, `${markup}: ${problems.join('; ')}`);
  }
  await page.close();
});

for (const format of FORMATS) {
  test(`${format.name}: no payload of the corpus runs or survives in cards and reader`, async (t) => {
    const feeds = [];
    for (let f = 0; f < FEEDS; f++) {
      const indices = [];
      for (let i = f * PER_FEED; i < Math.min(ITEMS, (f + 1) * PER_FEED); i++) indices.push(i);
      const text = format.build(indices);
      const routePath = `/xss/${format.name}/${f}`;
      server.route(routePath, (req, res) => res.writeHead(200, { 'content-type': format.type, 'cache-control': 'no-store' }).end(text));
      feeds.push({ selector: `#w${f}`, indices, markup: `<kabar-news id="w${f}" feed="${routePath}" limit="100" cache="0"${format.attrs ?? ''}></kabar-news>` });
    }
    const byId = new Map();
    for (let i = 0; i < ITEMS; i++) byId.set(format.id(i), i);
    const describe = (id) => describeItem(format.name, byId.get(id));

    const { page: p, pageErrors, consoleMessages } = await openPage(browser, server.page(feeds.map((f) => f.markup).join('\n')));

    let cardsTotal = 0;
    const opened = new Set();
    for (const feed of feeds) {
      await waitForState(p, feed.selector, 'ready');
      const first = await inspect(p, feed.selector, false);
      assert.deepEqual(first.problems, [], `${format.name} ${feed.selector}: the cards of items ${feed.indices[0]}..${feed.indices.at(-1)}`);
      assert.equal(first.flag, 'undefined', `${format.name} ${feed.selector}: the flag was set once the cards of items ${feed.indices[0]}..${feed.indices.at(-1)} showed`);

      const buttons = p.locator(`${feed.selector} .card-open`);
      const count = await buttons.count();
      assert.ok(count <= feed.indices.length, `${format.name} ${feed.selector}: ${count} cards for ${feed.indices.length} items`);
      cardsTotal += count;
      for (let k = 0; k < count; k++) {
        // A real mouse click on the button; `force` only skips Playwright's waiting for the card to
        // be still, which costs half the run (the dialog opening is checked right after).
        await p.locator(`${feed.selector} .card-open`).nth(k).click({ force: true });
        const view = await inspect(p, feed.selector, true);
        assert.ok(!view.timeout, `${format.name} ${feed.selector}: card ${k} did not open the reader`);
        opened.add(view.openedId);
        const where = describe(view.openedId);
        // The reader shows the body of the article that was opened (so the audit saw the payload).
        assert.equal(view.sentence, byId.get(view.openedId), `the reader body of ${where}`);
        assert.deepEqual(view.problems, [], `reader of ${where}`);
        assert.equal(view.flag, 'undefined', `window.__kabarXss was set with the reader open on ${where}`);
        await p.keyboard.press('Escape');
        await p.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('dialog'), feed.selector, { timeout: 5000 });
      }
    }

    // The counting rule (see the top of the file): at least 90% of the items became cards.
    const skipped = [...byId.entries()].filter(([id]) => !opened.has(id)).map(([, i]) => i);
    t.diagnostic(`${format.name}: ${cardsTotal} cards of ${ITEMS} items in ${feeds.length} feeds, each opened in the reader`);
    if (skipped.length) t.diagnostic(`${format.name}: items without a card: ${skipped.map((i) => describeItem(format.name, i)).join(' | ')}`);
    assert.ok(cardsTotal >= 0.9 * ITEMS, `${format.name}: only ${cardsTotal} of ${ITEMS} items produced cards`);
    assert.equal(opened.size, cardsTotal, `${format.name}: every card was opened once`);

    // One fixed wait for delayed handlers (timers, media errors, meta refresh).
    await p.waitForTimeout(500);
    assert.equal(await p.evaluate(() => typeof window.__kabarXss), 'undefined', `${format.name}: window.__kabarXss was set`);
    // Nothing leaked into the light DOM either.
    const light = await p.evaluate(() => [...document.body.querySelectorAll('*')].filter((el) => !['main', 'kabar-news'].includes(el.localName)).map((el) => el.outerHTML.slice(0, 120)));
    assert.deepEqual(light, [], `${format.name}: elements outside the widgets`);
    assert.deepEqual(pageErrors, [], `${format.name}: page errors`);
    assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' && m.text.includes('__kabarXss')), [], `${format.name}: console errors about the flag`);
    await p.close();
  });
}

