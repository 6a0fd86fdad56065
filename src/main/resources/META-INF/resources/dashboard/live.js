// Keeps an overview or wall page current without reloading. The server pushes the page's live panels, drawn anew,
// as server-sent events; the page swaps in the panels that changed. When the stream cannot be opened the page asks
// for the same panels every push interval instead, and goes back to the stream once that works again. When nothing
// arrives for two intervals a banner says the figures are stale; it goes when they are fresh again.
(function () {
  'use strict';
  var body = document.body;
  var PUSH_MS = Number(body.getAttribute('data-push-ms')) || 5000;
  var holder = document.querySelector('[data-live]');
  var query = new URLSearchParams(holder ? holder.getAttribute('data-live') : '');
  query.set('view', body.getAttribute('data-view') || 'overview');
  if (body.getAttribute('data-area')) { query.set('area', body.getAttribute('data-area')); }
  query.set('lang', document.documentElement.lang);
  if (holder && holder.getAttribute('data-version')) { query.set('version', holder.getAttribute('data-version')); }
  // The version of the panels on the page: the server sends panels only when theirs differs.
  var version = holder ? holder.getAttribute('data-version') : null;
  var lastHeard = Date.now();
  var source = null;
  var polls = 0;

  function clock(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().replace('T', ' ').substring(0, 19);
  }

  function stale(isStale) {
    document.getElementById('stale').hidden = !isStale;
    var live = document.getElementById('live');
    if (live) { live.classList.toggle('off', isStale); }
  }

  function heard(at) {
    lastHeard = Date.now();
    stale(false);
    var asOf = document.getElementById('as-of');
    asOf.setAttribute('datetime', at);
    asOf.textContent = clock(at);
  }

  function apply(update) {
    if (update.version !== version) {
      Object.keys(update.panels).forEach(function (id) {
        var panel = document.getElementById(id);
        if (panel) { panel.innerHTML = update.panels[id]; }
      });
      version = update.version;
      query.set('version', version);
    }
    heard(update.at);
  }

  function poll() {
    body.setAttribute('data-feed', 'poll');
    fetch('/dashboard/live?' + query, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (update) {
        apply(update);
        // Three good answers in a row: the server is back; try the stream again.
        if (++polls >= 3) { polls = 0; listen(); return; }
        setTimeout(poll, PUSH_MS);
      })
      .catch(function () { polls = 0; setTimeout(poll, PUSH_MS); });
  }

  function listen() {
    if (!window.EventSource) { poll(); return; }
    body.setAttribute('data-feed', 'stream');
    if (source) { source.close(); }
    source = new EventSource('/dashboard/stream?' + query);
    source.addEventListener('update', function (e) { apply(JSON.parse(e.data)); });
    source.addEventListener('tick', function (e) { heard(JSON.parse(e.data).at); });
    source.onerror = function () {
      // The browser retries a dropped stream by itself; one it gave up on (or that never opened) falls back to polling.
      if (source.readyState === EventSource.CLOSED || Date.now() - lastHeard > 2 * PUSH_MS) {
        source.close();
        setTimeout(poll, PUSH_MS);
      }
    };
  }

  setInterval(function () { if (Date.now() - lastHeard > 2 * PUSH_MS) { stale(true); } }, 1000);
  // The stream opens once the page has loaded: an open request must not keep the page "loading". It closes when the
  // page is left: a page kept in the back-forward cache with its stream open holds one of the browser's few
  // connections to Vigil, and after six such pages the next one waited a minute for a connection.
  if (document.readyState === 'complete') { listen(); } else { window.addEventListener('load', listen); }
  window.addEventListener('pagehide', function () { if (source) { source.close(); } });
  window.addEventListener('pageshow', function (e) { if (e.persisted) { listen(); } });

  // Wall rotation: the next district after a while, staying in wall mode.
  var next = body.getAttribute('data-next');
  if (body.getAttribute('data-rotate') && next) {
    setTimeout(function () { location.assign('/wall?rotate=1&area=' + encodeURIComponent(next)); }, 20000);
  }
}());
