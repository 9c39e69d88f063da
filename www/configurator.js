// The Kabar configurator: checks a feed with the widget itself (a real <kabar-news> preview and its
// JS API: state, articles, kabar:ready / kabar:error, its console warnings), offers the options
// of dist/contract.json, and writes the snippet. Loaded only by configurator pages, never by
// the widget, so visitors download nothing more.
(function () {
  'use strict';
  const script = document.currentScript;
  // Where kabar.js and contract.json are, relative to this page ('dist/' in www/, '' in a release).
  const assets = script.getAttribute('data-assets') || '';
  const en = document.documentElement.lang === 'en';
  const $ = (id) => document.getElementById(id);

  const T = en ? {
    checking: 'Checking…',
    corsTitle: 'The browser could not read this address.',
    cors: 'Either the server does not send a CORS header for this page\'s origin, or it is down: a browser cannot tell which.',
    corsFix: 'Fix: let the feed be read from other sites. Apache (.htaccess): Header set Access-Control-Allow-Origin "*" · nginx: add_header Access-Control-Allow-Origin "*"; · WordPress: its REST URL (/wp-json/wp/v2/posts) already sends CORS; an RSS feed needs a plugin or the header line above.',
    corsHost: 'Or host this configurator on the site\'s own domain (it is in the Kabar release): the check then runs from the origin the widget will live on. Or run `kabar check FEED-URL --origin https://your-site` (the command-line tool, see the README): it sends your site\'s origin and names the missing header.',
    down: 'The server did not answer (no connection).',
    status: 'HTTP status',
    notFound: 'The server answered 404: there is nothing at this address. Check the address, or type just the site\'s address to look for its feed.',
    serverError: 'The server answered with an error.',
    wpCode: 'WordPress says',
    opensid: 'This looks like an OpenSID feed: OpenSID answers 500 when an article is very short (a known OpenSID bug). Lengthen or remove the shortest article, or use another of the addresses below.',
    html: 'This is a web page, not a feed. Try the site\'s address: the configurator will look for its feed, or look for an "RSS" link on the site.',
    format: 'Format',
    articles: 'Articles',
    firstTitles: 'First titles',
    bySource: 'Articles per feed',
    httpImages: 'Images over http (blocked or warned on an https page: mixed content)',
    httpsImages: 'All images are https.',
    noImages: 'No images.',
    skipped: 'Widget warnings',
    ok: 'The widget reads this feed.',
    widgetError: 'The widget could not show this feed',
    looking: 'Looking for feeds on this site…',
    found: 'Feeds that answer on this site:',
    use: 'Use',
    noneFound: 'No feed answered at the usual places.',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the text and press Ctrl+C.',
    defaultValue: 'default',
    // Defaults the contract states as an (English) sentence, as this page's language says them.
    defaultText: { columns: 'follow the width', lang: "the page's language" },
    formats: { jsonfeed: 'JSON Feed', wordpress: 'WordPress REST API', rss: 'RSS', atom: 'Atom', custom: 'JSON (mapped by fields)', jsonapi: 'JSON:API (OpenDK, OpenSID)' },
    labels: {
      layout: 'Layout', limit: 'Number of articles', columns: 'Columns', lang: 'Language', theme: 'Theme',
      accent: 'Accent colour', show: 'A card shows', date: 'Date style', category: 'Only these categories (comma list)',
      'exclude-category': 'Not these categories (comma list)', search: 'Search box', chips: 'Category chips',
      reader: 'Reader mode', heading: 'Heading above the cards',
    },
  } : {
    checking: 'Memeriksa…',
    corsTitle: 'Peramban tidak dapat membaca alamat ini.',
    cors: 'Mungkin server tidak mengirim header CORS untuk asal halaman ini, atau server sedang mati: peramban tidak dapat membedakan keduanya.',
    corsFix: 'Perbaikan: izinkan feed dibaca dari situs lain. Apache (.htaccess): Header set Access-Control-Allow-Origin "*" · nginx: add_header Access-Control-Allow-Origin "*"; · WordPress: URL REST-nya (/wp-json/wp/v2/posts) sudah mengirim CORS; feed RSS memerlukan plugin atau baris header di atas.',
    corsHost: 'Atau pasang konfigurator ini di domain situs sendiri (ada di rilis Kabar): pemeriksaan lalu berjalan dari asal tempat widget akan dipasang. Atau jalankan `kabar check URL-FEED --origin https://situs-anda` (alat baris perintah, lihat README): ia mengirim asal situs Anda dan menyebut header yang kurang.',
    down: 'Server tidak menjawab (tidak ada sambungan).',
    status: 'Status HTTP',
    notFound: 'Server menjawab 404: tidak ada apa-apa di alamat ini. Periksa alamatnya, atau ketik alamat situsnya saja untuk mencari feed-nya.',
    serverError: 'Server menjawab dengan galat.',
    wpCode: 'Kata WordPress',
    opensid: 'Ini tampaknya feed OpenSID: OpenSID menjawab 500 bila ada artikel yang sangat pendek (bug OpenSID yang sudah dikenal). Perpanjang atau hapus artikel terpendek, atau gunakan alamat lain di bawah.',
    html: 'Ini halaman web, bukan feed. Coba alamat situsnya: konfigurator akan mencari feed-nya, atau cari tautan "RSS" di situs itu.',
    format: 'Format',
    articles: 'Artikel',
    firstTitles: 'Judul pertama',
    bySource: 'Artikel per feed',
    httpImages: 'Gambar lewat http (diblokir atau diperingatkan di halaman https: konten campuran)',
    httpsImages: 'Semua gambar https.',
    noImages: 'Tidak ada gambar.',
    skipped: 'Peringatan widget',
    ok: 'Widget dapat membaca feed ini.',
    widgetError: 'Widget tidak dapat menampilkan feed ini',
    looking: 'Mencari feed di situs ini…',
    found: 'Feed yang menjawab di situs ini:',
    use: 'Gunakan',
    noneFound: 'Tidak ada feed yang menjawab di tempat yang biasa.',
    copied: 'Tersalin.',
    copyFailed: 'Tidak dapat menyalin: pilih teksnya lalu tekan Ctrl+C.',
    defaultValue: 'bawaan',
    defaultText: { columns: 'mengikuti lebar', lang: 'bahasa halaman' },
    formats: { jsonfeed: 'JSON Feed', wordpress: 'WordPress REST API', rss: 'RSS', atom: 'Atom', custom: 'JSON (dipetakan dengan fields)', jsonapi: 'JSON:API (OpenDK, OpenSID)' },
    labels: {
      layout: 'Tata letak', limit: 'Jumlah artikel', columns: 'Kolom', lang: 'Bahasa', theme: 'Tema',
      accent: 'Warna aksen', show: 'Isi kartu', date: 'Gaya tanggal', category: 'Hanya kategori ini (daftar dengan koma)',
      'exclude-category': 'Kecuali kategori ini (daftar dengan koma)', search: 'Kotak pencarian', chips: 'Tombol kategori',
      reader: 'Mode pembaca', heading: 'Judul di atas kartu',
    },
  };

  // The options offered, by attribute name; kinds, keywords, ranges and defaults come from contract.json.
  const OFFERED = ['layout', 'limit', 'columns', 'lang', 'theme', 'accent', 'show', 'date', 'category',
    'exclude-category', 'search', 'chips', 'reader', 'heading'];
  // The usual feed addresses of the systems agency sites run, for a bare site address.
  const CANDIDATES = [
    ['WordPress', '/wp-json/wp/v2/posts?_embed'], ['WordPress', '/index.php/wp-json/wp/v2/posts?_embed'],
    ['WordPress', '/?rest_route=/wp/v2/posts&_embed'], ['WordPress', '/feed/'],
    ['OpenSID', '/index.php/feed'], ['OpenSID', '/feed'], ['OpenDK', '/api/frontend/v1/artikel'],
    ['Joomla', '/?format=feed&type=rss'], ['Drupal', '/rss.xml'], ['JSON Feed', '/feed.json'],
  ];

  let attributes = [];
  const controls = new Map(); // attribute name -> () => value or '' (default)

  const element = (tag, props, children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  };
  const describe = (a) => (a.default !== undefined ? String(a.default) : T.defaultText[a.name] || a.defaultText || '');

  function buildControls(params) {
    const box = $('kc-options');
    for (const name of OFFERED) {
      const a = attributes.find((x) => x.name === name);
      if (!a) continue;
      const id = 'kc-opt-' + name;
      const label = T.labels[name] || name;
      const initial = params.get(name);
      if (a.kind === 'keyword') {
        const select = element('select', { id });
        select.append(element('option', { value: '', text: `${T.defaultValue} (${describe(a)})` }));
        for (const k of a.keywords) select.append(element('option', { value: k, text: k }));
        if (initial && a.keywords.includes(initial)) select.value = initial;
        box.append(element('p', {}, [element('label', { for: id, text: label }), select]));
        controls.set(name, () => select.value);
      } else if (a.kind === 'number') {
        const input = element('input', { id, type: 'number', min: a.min, max: a.max, placeholder: describe(a), inputmode: 'numeric' });
        if (initial) input.value = initial;
        box.append(element('p', {}, [element('label', { for: id, text: label }), input]));
        controls.set(name, () => (input.value && input.value !== describe(a) ? input.value : ''));
      } else if (a.kind === 'parts') {
        const defaults = describe(a).split(',');
        const chosen = initial !== null ? initial.split(',') : defaults;
        const fieldset = element('fieldset', {}, [element('legend', { text: label })]);
        const boxes = a.keywords.map((k) => {
          const check = element('input', { type: 'checkbox', id: `${id}-${k}`, value: k });
          check.checked = chosen.includes(k);
          fieldset.append(element('span', { class: 'kc-check' }, [check, element('label', { for: `${id}-${k}`, text: k })]));
          return check;
        });
        box.append(fieldset);
        controls.set(name, () => {
          const value = boxes.filter((c) => c.checked).map((c) => c.value).join(',');
          return value === defaults.join(',') ? '' : value || 'none';
        });
      } else if (a.kind === 'boolean') {
        const check = element('input', { type: 'checkbox', id });
        check.checked = initial !== null;
        box.append(element('p', { class: 'kc-check' }, [check, element('label', { for: id, text: label })]));
        controls.set(name, () => (check.checked ? true : ''));
      } else {
        const input = element('input', { id, type: 'text', autocomplete: 'off' });
        if (initial) input.value = initial;
        box.append(element('p', {}, [element('label', { for: id, text: label }), input]));
        controls.set(name, () => input.value.trim());
      }
    }
  }

  /** The non-default options, in contract order: [[name, value or true]]. */
  function chosenOptions() {
    const list = [];
    for (const [name, read] of controls) {
      const value = read();
      if (value !== '') list.push([name, value]);
    }
    return list;
  }

  const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const feedValue = () => $('kc-feed').value.trim().split(/\s+/).join(' ');
  // Several feeds, separated by spaces, are merged by the widget (up to 12).
  const feedList = () => feedValue().split(' ').filter(Boolean);

  function attrsText(prefix) {
    const parts = [`${prefix}feed="${escapeAttr(feedValue())}"`];
    for (const [name, value] of chosenOptions()) {
      parts.push(value === true ? `${prefix}${name}` : `${prefix}${name}="${escapeAttr(value)}"`);
    }
    return parts.join(' ');
  }

  let scriptIntegrity = '';
  const version = () => (window.Kabar && window.Kabar.version) || '';

  function cspLine(scriptOrigin) {
    const feedOrigins = feedList().map((feed) => {
      try { const u = new URL(feed, location.href); return u.origin === location.origin ? "'self'" : u.origin; } catch (e) { return "'self'"; }
    });
    const connect = [...new Set([...feedOrigins, scriptOrigin])].join(' ');
    return `Content-Security-Policy: script-src ${scriptOrigin} 'wasm-unsafe-eval'; connect-src ${connect}; img-src 'self' https: data:`;
  }

  /** Writes the snippets and the address; with `preview` (the default) refreshes the preview too. */
  function render({ preview = true } = {}) {
    const base = ($('kc-base').value.trim() || '/kabar/').replace(/\/?$/, '/');
    // What visitors see without the widget (no JavaScript, an old browser): a link to the site.
    let site = '/';
    try { const u = new URL(feedList()[0], location.href); if (u.origin !== location.origin) site = u.origin + '/'; } catch (e) { /* keep '/' */ }
    const fallback = `<a href="${escapeAttr(site)}">${en ? 'Read the news on our website' : 'Baca berita di situs kami'}</a>`;
    const cdn = `https://cdn.jsdelivr.net/npm/kabar-news@${version()}/kabar.js`;
    $('kc-self').value = `<script src="${escapeAttr(base)}kabar.js" defer></script>\n<kabar-news ${attrsText('')}>${fallback}</kabar-news>`;
    $('kc-cdn').value = `<script src="${cdn}" integrity="${scriptIntegrity}" crossorigin="anonymous" defer></script>\n<kabar-news ${attrsText('')}>${fallback}</kabar-news>`;
    $('kc-div').value = `<div data-kabar-news ${attrsText('data-')}>${fallback}</div>`;
    const selfOrigin = /^https?:/.test(base) ? new URL(base).origin : "'self'";
    $('kc-csp').value = `${cspLine(selfOrigin)}\n${cspLine('https://cdn.jsdelivr.net')}`;
    // The whole configuration in the page's address, to share and reopen.
    const params = new URLSearchParams();
    if (feedValue()) params.set('feed', feedValue());
    if ($('kc-base').value.trim() && $('kc-base').value.trim() !== '/kabar/') params.set('base', $('kc-base').value.trim());
    for (const [name, value] of chosenOptions()) params.set(name, value === true ? '' : value);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    if (preview) updatePreview();
  }

  let previewKey = '';
  function updatePreview() {
    if (!feedValue()) return;
    const key = attrsText('');
    if (key === previewKey) return;
    previewKey = key;
    const box = $('kc-preview');
    const widget = document.createElement('kabar-news');
    widget.id = 'kc-widget';
    widget.setAttribute('feed', feedValue());
    // The check waits for it, wherever the preview is on a narrow screen.
    widget.setAttribute('loading', 'eager');
    for (const [name, value] of chosenOptions()) widget.setAttribute(name, value === true ? '' : value);
    box.replaceChildren(widget);
    return widget;
  }

  // The widget's console lines, so the check can quote its parse warnings.
  const widgetWarnings = [];
  const originalWarn = console.warn;
  console.warn = function (...args) {
    const text = args.map(String).join(' ');
    if (text.startsWith('Kabar')) widgetWarnings.push(text);
    return originalWarn.apply(this, args);
  };

  const say = (nodes) => { $('kc-report').replaceChildren(...nodes); };
  const line = (text, cls) => element('p', cls ? { class: cls, text } : { text });

  /** Fetches `url` from this page; resolves to { response, text } or { failure: 'cors' | 'down' }. */
  async function probe(url) {
    try {
      const response = await fetch(url, { cache: 'no-store' });
      return { response, text: await response.text() };
    } catch (e) {
      return { failure: new URL(url).origin === location.origin ? 'down' : 'cors' };
    }
  }

  const looksHtml = (response, text) => /text\/html/.test(response.headers.get('content-type') || '')
    || /^\s*<(!doctype html|html)/i.test(text);

  async function check() {
    const raw = feedValue();
    if (!raw) return;
    if (feedList().length > 1) return checkSeveral(feedList());
    let url;
    // "desa.example.go.id/feed" is a site typed without https://; "feeds/berita.json" a path here.
    const first = raw.split('/')[0];
    const bareHost = !/^[a-z][a-z0-9+.-]*:/i.test(raw) && !raw.startsWith('/') && !raw.startsWith('.')
      && first.includes('.') && !/\.(json|xml|rss|atom|php|html?)$/i.test(first);
    try { url = new URL(bareHost ? 'https://' + raw : raw, location.href); } catch (e) { return; }
    if (bareHost) { $('kc-feed').value = url.href; render({ preview: false }); }
    if (url.pathname === '/' && !url.search && url.origin !== location.origin) return discover(url);
    say([line(T.checking)]);
    const result = await probe(url.href);
    if (result.failure) return reportFailure(result.failure);
    const { response, text } = result;
    const status = line(`${T.status}: ${response.status}`);
    if (!response.ok) {
      const lines = [status, line(response.status === 404 ? T.notFound : T.serverError, 'kc-bad')];
      try {
        const body = JSON.parse(text);
        if (body && body.code) lines.push(line(`${T.wpCode}: ${body.code}${body.message ? ' – ' + body.message : ''}`));
      } catch (e) { /* not JSON: nothing more to quote */ }
      if (response.status >= 500 && /\/feed\/?$/.test(url.pathname)) lines.push(line(T.opensid));
      return say(lines);
    }
    if (looksHtml(response, text)) return say([status, line(T.html, 'kc-bad')]);
    say([status, line(T.checking)]);
    widgetWarnings.length = 0;
    previewKey = '';
    const widget = updatePreview();
    const outcome = await new Promise((resolve) => {
      widget.addEventListener('kabar:ready', (e) => resolve({ ok: true, format: e.detail && e.detail.format }), { once: true });
      widget.addEventListener('kabar:error', (e) => resolve({ ok: false, message: e.detail && e.detail.message }), { once: true });
      // An empty feed dispatches no event: its data-state says so.
      new MutationObserver(() => { if (widget.getAttribute('data-state') === 'empty') resolve({ ok: true }); })
        .observe(widget, { attributes: true, attributeFilter: ['data-state'] });
    });
    const lines = [status];
    // The format as the widget's own parser read it (kabar:ready's detail).
    if (outcome.format) lines.push(line(`${T.format}: ${T.formats[outcome.format] || outcome.format}`));
    if (!outcome.ok) {
      lines.push(line(`${T.widgetError}: ${outcome.message || ''}`, 'kc-bad'));
    } else {
      const articles = widget.articles || [];
      lines.push(line(T.ok, 'kc-good'), line(`${T.articles}: ${articles.length}`));
      const titles = element('ol', {});
      for (const a of articles.slice(0, 3)) titles.append(element('li', { text: a.title }));
      lines.push(line(`${T.firstTitles}:`), titles);
      const images = articles.map((a) => a.image).filter(Boolean);
      const insecure = images.filter((src) => !src.startsWith('https:'));
      lines.push(line(!images.length ? T.noImages : insecure.length ? `${T.httpImages}: ${insecure.length}` : T.httpsImages,
        insecure.length ? 'kc-bad' : ''));
    }
    if (widgetWarnings.length) lines.push(line(`${T.skipped} (${widgetWarnings.length}): ${widgetWarnings[0]}`));
    say(lines);
  }

  /** Several feeds: each is fetched and judged on its own, then the preview merges them. */
  async function checkSeveral(feeds) {
    say([line(T.checking)]);
    const sections = await Promise.all(feeds.map(async (feed) => {
      let url;
      try { url = new URL(feed, location.href); } catch (e) { return { ok: false, lines: [line(feed, 'kc-bad')] }; }
      const result = await probe(url.href);
      const head = element('h3', { text: url.href });
      if (result.failure === 'down') return { ok: false, lines: [head, line(T.down, 'kc-bad')] };
      if (result.failure) return { ok: false, lines: [head, line(T.corsTitle, 'kc-bad'), element('p', {}, [element('code', { text: T.corsFix })])] };
      const { response, text } = result;
      const lines = [head, line(`${T.status}: ${response.status}`)];
      if (!response.ok) return { ok: false, lines: [...lines, line(response.status === 404 ? T.notFound : T.serverError, 'kc-bad')] };
      if (looksHtml(response, text)) return { ok: false, lines: [...lines, line(T.html, 'kc-bad')] };
      return { ok: true, lines };
    }));
    const lines = sections.flatMap((section) => section.lines);
    if (!sections.some((section) => section.ok)) return say(lines);
    say([...lines, line(T.checking)]);
    widgetWarnings.length = 0;
    previewKey = '';
    const widget = updatePreview();
    const ok = await new Promise((resolve) => {
      widget.addEventListener('kabar:ready', () => resolve(true), { once: true });
      widget.addEventListener('kabar:error', () => resolve(false), { once: true });
      new MutationObserver(() => { if (widget.getAttribute('data-state') === 'empty') resolve(true); })
        .observe(widget, { attributes: true, attributeFilter: ['data-state'] });
    });
    // The widget shows what arrived first; the counts wait until every answering feed is in.
    const answering = sections.filter((section) => section.ok).length;
    const perSource = () => {
      const counts = new Map();
      for (const a of widget.articles || []) if (a.source) counts.set(a.source.name, (counts.get(a.source.name) || 0) + 1);
      return counts;
    };
    for (let i = 0; ok && i < 50 && perSource().size < answering; i++) await new Promise((r) => setTimeout(r, 100));
    const counts = element('ul', {});
    for (const [name, count] of perSource()) counts.append(element('li', { text: `${name}: ${count}` }));
    lines.push(line(ok ? T.ok : T.widgetError, ok ? 'kc-good' : 'kc-bad'), line(`${T.bySource}:`), counts);
    if (widgetWarnings.length) lines.push(line(`${T.skipped} (${widgetWarnings.length}): ${widgetWarnings[0]}`));
    say(lines);
  }

  function reportFailure(kind) {
    if (kind === 'down') return say([line(T.down, 'kc-bad')]);
    say([line(T.corsTitle, 'kc-bad'), line(T.cors), element('p', {}, [element('code', { text: T.corsFix })]), line(T.corsHost)]);
  }

  async function discover(site) {
    say([line(T.looking)]);
    const results = await Promise.all(CANDIDATES.map(async ([system, path]) => {
      const url = new URL(path, site.origin + site.pathname).href;
      return { system, url, result: await probe(url) };
    }));
    const answering = results.filter(({ result }) => result.response && result.response.ok && !looksHtml(result.response, result.text));
    const lines = [];
    if (results.every(({ result }) => result.failure === 'cors')) return reportFailure('cors');
    if (results.some(({ system, result }) => system === 'OpenSID' && result.response && result.response.status === 500)) lines.push(line(T.opensid));
    if (!answering.length) lines.push(line(T.noneFound, 'kc-bad'));
    else {
      lines.push(line(T.found));
      const list = element('ul', {});
      for (const { system, url } of answering) {
        const use = element('button', { type: 'button', text: `${T.use}: ${system} – ${url}` });
        use.addEventListener('click', () => { $('kc-feed').value = url; render({ preview: false }); check(); });
        list.append(element('li', {}, [use]));
      }
      lines.push(list);
    }
    say(lines);
  }

  async function copy(id) {
    const area = $(id);
    try {
      await navigator.clipboard.writeText(area.value);
      $('kc-copied').textContent = T.copied;
    } catch (e) {
      area.select();
      $('kc-copied').textContent = document.execCommand && document.execCommand('copy') ? T.copied : T.copyFailed;
    }
  }

  async function integrity() {
    try {
      const bytes = await (await fetch(assets + 'kabar.js')).arrayBuffer();
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
      scriptIntegrity = 'sha384-' + btoa(String.fromCharCode(...hash));
    } catch (e) { scriptIntegrity = 'sha384-… (integrity.txt)'; }
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    if (params.get('feed')) $('kc-feed').value = params.get('feed');
    if (params.get('base')) $('kc-base').value = params.get('base');
    try {
      attributes = (await (await fetch(assets + 'contract.json')).json()).attributes || [];
    } catch (e) { attributes = []; }
    buildControls(params);
    await integrity();
    $('kc-options').addEventListener('change', () => render());
    $('kc-base').addEventListener('input', () => render());
    // A new feed is previewed by its check (the Check button), not by a second widget mounted as
    // the field loses focus, whose warnings would mix with the check's.
    $('kc-feed').addEventListener('change', () => render({ preview: false }));
    $('kc-form').addEventListener('submit', (e) => {
      e.preventDefault();
      // The check mounts the preview itself, after its own fetch: one widget, one set of warnings.
      render({ preview: false });
      check();
    });
    for (const button of document.querySelectorAll('[data-copy]')) {
      button.addEventListener('click', () => copy(button.getAttribute('data-copy')));
    }
    // With a feed in the address, its check mounts the preview.
    render({ preview: false });
    document.documentElement.setAttribute('data-configurator', 'ready');
    if (feedValue()) check();
  }
  start();
}());
