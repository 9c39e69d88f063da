/*! Kabar news widget loader. Include once: <script src=".../kabar.js" defer></script> */
(function () {
  'use strict';
  var api = (window.Kabar = window.Kabar || {});
  // A second copy of this script (a CMS template and a widget block both add it) does nothing.
  if (api.loaded) {
    console.warn('Kabar: kabar.js is included more than once on this page; the extra copy is ignored.');
    return;
  }
  api.loaded = true;

  var TAG = 'kabar-news';
  var DATA_MARKER = 'data-kabar-news';
  var DATA_PREFIX = 'data-';
  var script = document.currentScript;
  // Everything else loads relative to this script's own URL, so dist/ can live on any host or path.
  var base = (script && (script.getAttribute('data-kabar-base') || script.src)) || document.baseURI;

  /*__WASM_BINDGEN_GLUE__*/

  // styles/kabar.css, minified by `cargo xtask dist`. It lives here rather than in the wasm so
  // placeholder cards can be drawn before the wasm has arrived.
  var CSS = /*__KABAR_CSS__*/'';

  var widgets = new Map();
  var broken = false;

  function errorEvent(host, message) {
    host.setAttribute('data-state', 'error');
    host.dispatchEvent(new CustomEvent('kabar:error', { bubbles: true, composed: true, detail: { message: message } }));
  }

  // Show every widget's light-DOM fallback and stop calling into the module.
  function fail(message, cause) {
    if (broken) return;
    broken = true;
    console.error('Kabar: ' + message, cause || '');
    var hosts = document.querySelectorAll(TAG + ',[' + DATA_MARKER + ']');
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i];
      if (host.shadowRoot) host.shadowRoot.replaceChildren(document.createElement('slot'));
      errorEvent(host, 'Kabar: ' + message);
    }
    widgets.clear();
  }

  function mount(host) {
    if (broken || widgets.has(host) || !host.isConnected) return;
    try {
      widgets.set(host, wasm_bindgen.mount(host));
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        fail('the widget could not start.', e);
      } else {
        // A problem with this one host (e.g. an element that cannot have a shadow root).
        console.warn(String(e));
        errorEvent(host, String(e));
      }
    }
  }

  // One widget mounts per task: its first render, its saved copy and the start of its request run
  // together, and ten widgets mounted in one task blocked the page for about 90 ms. A widget that
  // wakes later mounts at once; the others follow, each in a task of its own, so the browser can
  // paint and answer input in between.
  var mountQueue = [];
  var mounting = false;
  var nextTask = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  function afterTask() {
    if (nextTask) nextTask.port2.postMessage(0);
    else setTimeout(mountNext);
  }
  function mountNext() {
    var host = mountQueue.shift();
    if (!host) {
      mounting = false;
      return;
    }
    mount(host);
    afterTask();
  }
  if (nextTask) nextTask.port1.onmessage = mountNext;
  function queueMount(host) {
    if (mountQueue.indexOf(host) >= 0 || widgets.has(host)) return;
    if (mounting) {
      mountQueue.push(host);
      return;
    }
    mounting = true;
    mount(host);
    afterTask();
  }

  function unmount(host) {
    var widget = widgets.get(host);
    if (!widget) return;
    widgets.delete(host);
    try {
      widget.destroy();
      widget.free();
    } catch (e) {
      fail('the widget could not stop cleanly.', e);
    }
  }

  function update(host) {
    var widget = widgets.get(host);
    if (!widget || broken) return;
    try {
      widget.update();
    } catch (e) {
      fail('the widget could not apply a changed attribute.', e);
    }
  }

  // The JS API of one widget; the same object serves <kabar-news> and the div form.
  function call(host, method, argument) {
    var widget = widgets.get(host);
    if (!widget || broken) return undefined;
    try {
      return widget[method](argument);
    } catch (e) {
      fail('the widget could not answer ' + method + '().', e);
      return undefined;
    }
  }
  function controller(host) {
    return {
      element: host,
      refresh: function () { call(host, 'refresh'); },
      open: function (id) { return call(host, 'open', String(id)) === true; },
      close: function () { call(host, 'close'); },
      get articles() { return call(host, 'articles') || []; },
      get state() { return host.getAttribute('data-state') || 'loading'; },
    };
  }

  // --- When to start: lazy widgets wait until they near the viewport. ---

  // How far outside the viewport a lazy widget wakes: the distance Chromium itself uses for
  // lazy images on a fast connection, so the cards are there by the time the visitor scrolls in.
  var WAKE_MARGIN = 1250;
  var awake = new WeakSet();
  var moduleReady = false;

  // The one `data-` prefix rule (src/contract.rs attribute_prefix): none on <kabar-news>.
  function prefixOf(host) {
    return host.localName === TAG ? '' : DATA_PREFIX;
  }

  function attribute(host, name) {
    return host.getAttribute(prefixOf(host) + name);
  }

  function isEager(host) {
    return (attribute(host, 'loading') || '').trim().toLowerCase() === 'eager';
  }

  // A rendered element within WAKE_MARGIN of the viewport (display:none has no client rects).
  function isNearViewport(host) {
    if (!host.getClientRects().length) return false;
    var box = host.getBoundingClientRect();
    return box.top < innerHeight + WAKE_MARGIN && box.bottom > -WAKE_MARGIN;
  }

  var sleepers = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) wake(entry.target); });
    }, { rootMargin: WAKE_MARGIN + 'px 0px' })
    : null;

  /** Mounts `host` now if it may start, or once it nears the viewport. */
  function schedule(host) {
    if (awake.has(host) || isEager(host) || !sleepers || isNearViewport(host)) wake(host);
    else sleepers.observe(host);
  }

  function wake(host) {
    if (sleepers) sleepers.unobserve(host);
    // After a failure widgets stay plain fallback content.
    if (broken) return;
    reserve(host);
    // The wasm first: it is the larger download; the feed follows in parallel.
    loadModule();
    if (!awake.has(host)) {
      awake.add(host);
      // Before the module is ready, in a task of its own: the first look at localStorage reads
      // every saved feed into memory (about 20 ms for twelve feeds of 100 articles).
      if (moduleReady) prefetch(host);
      else setTimeout(function () { prefetch(host); });
      warmDates(host);
    }
    if (moduleReady) queueMount(host);
  }

  function hostsIn(root) {
    if (root.nodeType !== 1) return [];
    var found = Array.prototype.slice.call(root.querySelectorAll(TAG + ',[' + DATA_MARKER + ']'));
    if (root.localName === TAG || root.hasAttribute(DATA_MARKER)) found.unshift(root);
    return found;
  }

  // --- Placeholder cards at once, so the page does not move when the articles arrive. ---

  var sheet = null;

  // Opens the shadow root with the widget's stylesheet and draws placeholder cards in it.
  function reserve(host) {
    if (host.shadowRoot) return;
    var root;
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch (e) {
      return; // An element that cannot have one: mount() says so, with advice.
    }
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    root.append(skeleton(host));
  }

  function element(name, className, parent) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (parent) parent.append(node);
    return node;
  }

  function keyword(host, name, choices) {
    var value = (attribute(host, name) || '').trim().toLowerCase();
    return choices.indexOf(value) >= 0 ? value : choices[0];
  }

  // `limit`: larger values are lowered to 100, anything else unusable means 6.
  function limit(host) {
    var value = Number((attribute(host, 'limit') || '').trim());
    return Number.isInteger(value) && value >= 1 ? Math.min(value, 100) : 6;
  }

  // The loading markup of the App (src/ui/app.rs) and its Skeleton (src/ui/status.rs), read from
  // the same attributes. The keyword lists and numbers here are checked against the contract
  // table (src/contract.rs) by tests/contract.rs. Attributes it does not read (columns,
  // min-card-width, image-ratio) only make the placeholders less exact.
  function skeleton(host) {
    var layout = keyword(host, 'layout', ['grid', 'list', 'compact', 'featured', 'carousel', 'ticker']);
    var show = attribute(host, 'show');
    var image = layout !== 'compact' && layout !== 'ticker' &&
      (show === null || show.split(',').some(function (part) { return part.trim().toLowerCase() === 'image'; }));
    var count = layout === 'ticker' ? 1 : limit(host);
    var mountPoint = element('div', 'kabar-mount');
    var section = element('section', 'kabar theme-' + keyword(host, 'theme', ['light', 'dark', 'auto']), mountPoint);
    section.setAttribute('part', 'root');
    var heading = (attribute(host, 'heading') || '').trim();
    if (heading) {
      var cardLevel = Number(attribute(host, 'heading-level'));
      var level = Math.max((cardLevel >= 2 && cardLevel <= 6 && Number.isInteger(cardLevel) ? cardLevel : 3) - 1, 2);
      element('h' + level, 'kabar-heading', section).textContent = heading;
    }
    var list = element('ul', 'cards ' + layout + ' skeleton', section);
    list.setAttribute('aria-hidden', 'true');
    for (var i = 0; i < count; i++) {
      var card = element('div', 'card skeleton-card', element('li', '', list));
      if (image) element('div', 'card-media', card);
      element('div', 'card-text', card);
    }
    if (layout !== 'ticker') element('div', 'more skeleton-more', section).setAttribute('aria-hidden', 'true');
    return mountPoint;
  }

  // --- The feed request, started in parallel with the wasm download. ---

  // The storage keys, listed once per task: whether a copy exists, without copying each saved
  // feed into a string only to test it for null.
  var storageKeys = null;
  function savedKeys() {
    if (!storageKeys) {
      storageKeys = new Set();
      try {
        for (var i = 0; i < localStorage.length; i++) storageKeys.add(localStorage.key(i));
      } catch (e) { /* storage refused: there is no saved copy either */ }
      setTimeout(function () { storageKeys = null; });
    }
    return storageKeys;
  }

  var prefetched = new Map();

  // Starts the first request for each of a waking widget's feeds, so they download while the
  // wasm does.
  // Not when a saved copy exists (under src/cache.rs KEY_PREFIX): then the widget shows it and
  // decides whether to ask again.
  function prefetch(host) {
    // Every feed of the widget (up to 12, as src/config.rs MAX_FEEDS), each on its own.
    (attribute(host, 'feed') || '').split(/\s+/).slice(0, 12).forEach(function (raw) {
      var url;
      try { url = requestUrl(new URL(raw, document.baseURI).href); } catch (e) { return; }
      if (!raw || !/^https?:/.test(url) || prefetched.has(url)) return;
      var cacheOff = (attribute(host, 'cache') || '').trim() === '0';
      if (!cacheOff && savedKeys().has('kabar:v2:' + url)) return;
      var controller = new AbortController();
      var request = fetch(url, { signal: controller.signal });
      request.catch(function () { /* the widget reports failures when it takes the request */ });
      prefetched.set(url, { host: host, request: request, controller: controller });
      // A widget that never asks (its feed changed) must not keep the body alive.
      setTimeout(function () { dropPrefetch(url); }, 60000);
    });
  }

  // The URL the widget asks for: OpenDK's article list with filter[status]=1, so that drafts stay
  // unpublished. Keep in step with request_url in src/feed/jsonapi.rs.
  function requestUrl(url) {
    var hash = url.indexOf('#');
    var bare = hash < 0 ? url : url.slice(0, hash);
    var mark = bare.indexOf('?');
    var path = mark < 0 ? bare : bare.slice(0, mark);
    var pairs = mark < 0 ? [] : bare.slice(mark + 1).split('&').filter(Boolean);
    var asks = pairs.some(function (pair) {
      return ['filter[status]', 'filter%5Bstatus%5D', 'filter%5bstatus%5d'].indexOf(pair.split('=')[0]) >= 0;
    });
    if (!/\/api\/frontend\/v1\/artikel\/*$/.test(path) || asks) return url;
    return path + '?' + pairs.concat('filter[status]=1').join('&');
  }

  function dropPrefetch(url) {
    var started = prefetched.get(url);
    if (!started) return;
    prefetched.delete(url);
    started.controller.abort();
  }

  // Called by the wasm: the started request for `url` (a promise of its Response), handed over
  // once and aborted with the widget's own signal (its timeout, or teardown); null if none.
  api.takeFeed = function (url, signal) {
    var started = prefetched.get(url);
    if (!started) return null;
    prefetched.delete(url);
    signal.addEventListener('abort', function () { started.controller.abort(); });
    return started.request;
  };

  // The first date formatter in a language loads the browser's locale data, 20–100 ms. Doing
  // that now, while the wasm downloads, takes it out of the task that draws the cards. Only for
  // the dates that need Intl (src/web/intl.rs): another style than the default, or a time zone.
  var warmed = {};
  function warmDates(host) {
    var style = (attribute(host, 'date') || '').trim().toLowerCase();
    if (!/^(relative|short|long)$/.test(style) && !(attribute(host, 'timezone') || '').trim()) return;
    var lang = (attribute(host, 'lang') || document.documentElement.lang || '').trim().toLowerCase();
    var locale = lang.slice(0, 2) === 'en' ? 'en-US' : 'id-ID';
    if (warmed[locale] || typeof Intl !== 'object') return;
    warmed[locale] = true;
    setTimeout(function () {
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(0);
    });
  }

  // --- The module. ---

  var exports = null;
  var resolveReady;
  api.ready = new Promise(function (resolve) { resolveReady = resolve; });

  // Baked in by `cargo xtask dist`: the release version (Cargo.toml's) and the wasm's Subresource
  // Integrity hash, so a script tag pinned with integrity= pins the wasm too.
  api.version = /*__KABAR_VERSION__*/'';
  var WASM_INTEGRITY = /*__KABAR_WASM_INTEGRITY__*/'';

  function loadModule() {
    if (loadModule.started) return;
    loadModule.started = true;
    var wasmUrl = new URL('kabar_bg.wasm', base);
    fetchWasm(wasmUrl).then(function (source) {
      return wasm_bindgen({ module_or_path: source });
    }).then(
      function (instance) {
        exports = instance;
        // Visible in DevTools' performance panel, and read by `cargo xtask bench`.
        if (performance.mark) performance.mark('kabar:module-ready');
        start(wasm_bindgen.attributes());
        resolveReady();
      },
      function (e) {
        if (e && e.kabarAdvice) fail(e.message);
        else fail('kabar_bg.wasm could not be loaded from ' + wasmUrl + '.', e);
        resolveReady();
      }
    );
  }

  // An error whose message already tells the webmaster what to do.
  function advice(message) {
    var error = new Error(message);
    error.kabarAdvice = true;
    return error;
  }

  // The wasm, checked against WASM_INTEGRITY by the browser: a Response to compile while it
  // streams in, or its bytes when the server sends another type than application/wasm (the
  // browser refuses to stream those; compiling the whole download works, only later).
  function fetchWasm(url) {
    return fetch(url, { integrity: WASM_INTEGRITY }).then(function (response) {
      if (!response.ok) throw advice('kabar_bg.wasm could not be loaded from ' + url + ': HTTP ' + response.status + '.');
      var type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm') return response;
      console.warn('Kabar: ' + url + ' was served as "' + type + '", not application/wasm, so the widget starts later than it could. ' +
        'Add the type to the server: Apache (.htaccess): AddType application/wasm .wasm | ' +
        'nginx (mime.types, or types {} in the server block): application/wasm wasm; | ' +
        'IIS (web.config, system.webServer/staticContent): <mimeMap fileExtension=".wasm" mimeType="application/wasm" />');
      return response.arrayBuffer();
    }, function (cause) { return diagnose(url, cause); });
  }

  // The browser says only "Failed to fetch" for a wrong hash, a missing CORS header and a server
  // that is down alike. Asking again without the hash, then without CORS, tells them apart.
  function diagnose(url, cause) {
    var from = ' from ' + url;
    return fetch(url).then(function (response) {
      if (!response.ok) throw advice('kabar_bg.wasm could not be loaded' + from + ': HTTP ' + response.status + '.');
      return response.arrayBuffer().then(function (bytes) { return checkDigest(bytes, from); });
    }, function () {
      if (url.origin === location.origin) throw advice('kabar_bg.wasm could not be loaded' + from + ' (' + cause + ').');
      return fetch(url, { mode: 'no-cors' }).then(function () {
        throw advice('kabar_bg.wasm' + from + ' was refused because that server does not send the CORS header ' +
          'Access-Control-Allow-Origin: * (or: ' + location.origin + ') with it; send it with kabar.js and kabar_bg.wasm.');
      }, function () {
        throw advice('kabar_bg.wasm could not be loaded' + from + ' (' + cause + '); the server may be down or unreachable.');
      });
    });
  }

  // The second copy arrived: the first failed on its hash, unless it was a passing glitch and this
  // copy is the right one (checked where the page may use crypto.subtle: https and localhost).
  function checkDigest(bytes, from) {
    var refused = function (actual) {
      return advice('integrity check failed: kabar_bg.wasm' + from + ' is not the file this kabar.js was built with ' +
        '(expected ' + WASM_INTEGRITY + (actual ? ', got ' + actual : '') + '), so it was refused. ' +
        'Upload kabar.js and kabar_bg.wasm from the same release, unchanged.');
    };
    if (!WASM_INTEGRITY) return bytes;
    if (!window.crypto || !crypto.subtle) throw refused('');
    return crypto.subtle.digest('SHA-384', bytes).then(function (digest) {
      var actual = 'sha384-' + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
      if (actual === WASM_INTEGRITY) return bytes;
      throw refused(actual);
    });
  }

  /** Bytes of wasm linear memory in use by the module (0 before it loads); for benchmarks. */
  api.wasmMemoryBytes = function () { return exports ? exports.memory.buffer.byteLength : 0; };

  function start(attributes) {
    moduleReady = true;
    // The first mount waits for a task of its own: compiling the module took this one. The
    // widgets that the definition below upgrades queue up meanwhile.
    mounting = true;
    var dataAttributes = attributes.map(function (name) { return DATA_PREFIX + name; });
    class KabarNews extends HTMLElement {
      static get observedAttributes() { return attributes; }
      connectedCallback() { schedule(this); }
      disconnectedCallback() {
        // A move is a disconnect followed by a connect in the same task: only tear down if gone.
        var host = this;
        queueMicrotask(function () { if (!host.isConnected) unmount(host); });
      }
      attributeChangedCallback() { update(this); }
      /** Fetches the feed again now, bypassing the cache. */
      refresh() { call(this, 'refresh'); }
      /** Opens the article with this id in the reader; false if there is none (yet). */
      open(id) { return call(this, 'open', String(id)) === true; }
      /** Closes the reader. */
      close() { call(this, 'close'); }
      /** The articles on show, as plain objects (read-only copies). */
      get articles() { return call(this, 'articles') || []; }
      /** loading, ready, empty or error. */
      get state() { return this.getAttribute('data-state') || 'loading'; }
    }
    if (!customElements.get(TAG)) customElements.define(TAG, KabarNews);
    hostsIn(document.documentElement).forEach(function (host) { if (awake.has(host)) queueMount(host); });
    if (mountQueue.length) afterTask();
    else mounting = false;
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.target.hasAttribute(DATA_MARKER)) update(record.target);
      });
    }).observe(document.documentElement, {
      subtree: true, attributes: true, attributeFilter: dataAttributes,
    });
  }

  // Hosts added to the page at any time (before the module exists too) are scheduled; removed
  // div-form hosts are torn down (the custom element does that itself).
  new MutationObserver(function (records) {
    var removed = false;
    records.forEach(function (record) {
      for (var i = 0; i < record.addedNodes.length; i++) hostsIn(record.addedNodes[i]).forEach(schedule);
      for (var j = 0; j < record.removedNodes.length; j++) {
        removed = true;
        // A widget still waiting to wake is no longer watched once it has left the page.
        if (sleepers) hostsIn(record.removedNodes[j]).forEach(function (host) { sleepers.unobserve(host); });
      }
    });
    if (removed) {
      widgets.forEach(function (_, host) {
        if (!host.isConnected && host.localName !== TAG) unmount(host);
      });
      prefetched.forEach(function (started, url) {
        if (!started.host.isConnected) dropPrefetch(url);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  // For single-page apps: Kabar.mount(element, { feed: '/feed.json', layout: 'list' }) sets the
  // options as attributes (data- prefixed on other elements) and resolves to the widget's API.
  api.mount = function (element, options) {
    var prefix = prefixOf(element);
    Object.keys(options || {}).forEach(function (key) {
      var name = key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
      var value = options[key];
      if (value === false || value === null || value === undefined) element.removeAttribute(prefix + name);
      else element.setAttribute(prefix + name, value === true ? '' : Array.isArray(value) ? value.join(' ') : String(value));
    });
    // Asked for explicitly, so it starts now, wherever it is on the page.
    wake(element);
    return api.ready.then(function () {
      if (prefix) element.setAttribute(DATA_MARKER, '');
      mount(element);
      return controller(element);
    });
  };
  api.unmount = function (element) {
    if (element.localName !== TAG) element.removeAttribute(DATA_MARKER);
    unmount(element);
  };
  /** The API of a mounted widget (either form), or null. */
  api.widget = function (element) { return widgets.has(element) ? controller(element) : null; };

  window.addEventListener('kabar:panic', function () { fail('an internal error stopped the widget.'); });

  var initialHosts = hostsIn(document.documentElement);
  initialHosts.forEach(schedule);
  // No widget in the markup: a single-page app will mount one, so the module is wanted anyway.
  // Only a page whose every widget is far below the fold downloads nothing yet.
  if (!initialHosts.length) loadModule();
})();
