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
  var script = document.currentScript;
  // Everything else loads relative to this script's own URL, so dist/ can live on any host or path.
  var base = (script && (script.getAttribute('data-kabar-base') || script.src)) || document.baseURI;

  /*__WASM_BINDGEN_GLUE__*/

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

  function attribute(host, name) {
    return host.getAttribute((host.localName === TAG ? '' : 'data-') + name);
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
    // The wasm first: it is the larger download; the feed follows in parallel.
    loadModule();
    if (!awake.has(host)) {
      awake.add(host);
      prefetch(host);
    }
    if (moduleReady) mount(host);
  }

  function hostsIn(root) {
    if (root.nodeType !== 1) return [];
    var found = Array.prototype.slice.call(root.querySelectorAll(TAG + ',[' + DATA_MARKER + ']'));
    if (root.localName === TAG || root.hasAttribute(DATA_MARKER)) found.unshift(root);
    return found;
  }

  // --- The feed request, started in parallel with the wasm download. ---

  var prefetched = new Map();

  // Starts the first request for a waking widget's feed, so it downloads while the wasm does.
  // Not when a saved copy exists: then the widget shows it and decides whether to ask again.
  function prefetch(host) {
    var raw = attribute(host, 'feed');
    var url;
    try { url = new URL((raw || '').trim(), document.baseURI).href; } catch (e) { return; }
    if (!raw || !/^https?:/.test(url) || prefetched.has(url)) return;
    var cacheOff = (attribute(host, 'cache') || '').trim() === '0';
    try {
      if (!cacheOff && localStorage.getItem('kabar:v1:' + url) !== null) return;
    } catch (e) { /* storage refused: there is no saved copy either */ }
    var controller = new AbortController();
    var request = fetch(url, { signal: controller.signal });
    request.catch(function () { /* the widget reports failures when it takes the request */ });
    prefetched.set(url, { host: host, request: request, controller: controller });
    // A widget that never asks (its feed changed) must not keep the body alive.
    setTimeout(function () { dropPrefetch(url); }, 60000);
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

  // --- The module. ---

  var exports = null;
  var resolveReady;
  api.ready = new Promise(function (resolve) { resolveReady = resolve; });

  function loadModule() {
    if (loadModule.started) return;
    loadModule.started = true;
    var wasmUrl = new URL('kabar_bg.wasm', base);
    wasm_bindgen({ module_or_path: wasmUrl }).then(
      function (instance) {
        exports = instance;
        start(wasm_bindgen.attributes());
        resolveReady();
      },
      function (e) {
        fail('kabar_bg.wasm could not be loaded from ' + wasmUrl + '.', e);
        resolveReady();
      }
    );
  }

  /** Bytes of wasm linear memory in use by the module (0 before it loads); for benchmarks. */
  api.wasmMemoryBytes = function () { return exports ? exports.memory.buffer.byteLength : 0; };

  function start(attributes) {
    moduleReady = true;
    var dataAttributes = attributes.map(function (name) { return 'data-' + name; });
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
    hostsIn(document.documentElement).forEach(function (host) { if (awake.has(host)) mount(host); });
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
      if (record.removedNodes.length) removed = true;
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
    var prefix = element.localName === TAG ? '' : 'data-';
    Object.keys(options || {}).forEach(function (key) {
      var name = key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
      var value = options[key];
      if (value === false || value === null || value === undefined) element.removeAttribute(prefix + name);
      else element.setAttribute(prefix + name, value === true ? '' : String(value));
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
