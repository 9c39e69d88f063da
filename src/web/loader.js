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

  function mountDataHosts(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute(DATA_MARKER)) mount(root);
    var found = root.querySelectorAll('[' + DATA_MARKER + ']');
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  function start(attributes) {
    var dataAttributes = attributes.map(function (name) { return 'data-' + name; });
    class KabarNews extends HTMLElement {
      static get observedAttributes() { return attributes; }
      connectedCallback() { mount(this); }
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

    mountDataHosts(document.documentElement);
    new MutationObserver(function (records) {
      var removed = false;
      for (var i = 0; i < records.length; i++) {
        var record = records[i];
        if (record.type === 'attributes') {
          if (record.target.hasAttribute(DATA_MARKER)) update(record.target);
          continue;
        }
        for (var j = 0; j < record.addedNodes.length; j++) mountDataHosts(record.addedNodes[j]);
        if (record.removedNodes.length) removed = true;
      }
      if (removed) {
        widgets.forEach(function (_, host) {
          if (!host.isConnected && host.localName !== TAG) unmount(host);
        });
      }
    }).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: dataAttributes,
    });
  }

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

  api.ready = wasm_bindgen({ module_or_path: new URL('kabar_bg.wasm', base) }).then(
    function () { start(wasm_bindgen.attributes()); },
    function (e) { fail('kabar_bg.wasm could not be loaded from ' + new URL('kabar_bg.wasm', base) + '.', e); }
  );
})();
