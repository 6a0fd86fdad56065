// Keeps an overview page current without reloading: its figures are fetched every few seconds and written in place.
// When the server stops answering for two intervals a banner says the figures are stale; it goes when they are fresh.
(function () {
  'use strict';
  var INTERVAL_MS = 5000;
  var area = document.body.getAttribute('data-area');
  var url = '/dashboard/overview.json' + (area ? '?area=' + encodeURIComponent(area) : '');
  var lastOk = Date.now();

  function pct(rate) { return rate === null || rate === undefined ? '\u2014' : (rate * 100).toFixed(1) + '%'; }
  function count(n) { return Number(n).toLocaleString('en-US'); }
  function show(field, value) { return /[Rr]ate$|^completeness$/.test(field) ? pct(value) : count(value); }
  function clock(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().replace('T', ' ').substring(0, 19);
  }

  function fillRows(tableId, rows) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var byKey = {};
    rows.forEach(function (r) { byKey[r.key] = r; });
    var body = table.tBodies[0];
    // Rank anew: worst first for areas, as the server ordered them.
    rows.forEach(function (r) {
      var tr = body.querySelector('tr[data-key="' + r.key + '"]');
      if (!tr) { return; }
      tr.querySelectorAll('[data-f]').forEach(function (cell) {
        var field = cell.getAttribute('data-f');
        cell.textContent = show(field, r[field]);
        if (field === 'offline') { cell.classList.toggle('bad', r.offline > 0); }
      });
      var bar = tr.querySelector('.meter i');
      if (bar) { bar.style.width = (r.onlineRate === null ? 0 : Math.round(r.onlineRate * 100)) + '%'; }
      body.appendChild(tr);
    });
  }

  function apply(o) {
    document.querySelectorAll('[data-k]').forEach(function (el) {
      var k = el.getAttribute('data-k');
      var t = o.total;
      el.textContent = show(k, k === 'registered' ? o.registered : t[k]);
    });
    fillRows('classes', o.byClass);
    fillRows('children', o.children);
    var alarm = document.getElementById('alarm');
    if (alarm) {
      var down = o.class1Offline;
      alarm.hidden = down === 0;
      document.getElementById('calm').hidden = down > 0;
      alarm.textContent = alarm.textContent.replace(/\d[\d,]*/, String(down));
    }
    var asOf = document.getElementById('as-of');
    asOf.setAttribute('datetime', o.at);
    asOf.textContent = clock(o.at);
  }

  function stale(isStale) {
    document.getElementById('stale').hidden = !isStale;
    document.getElementById('live').classList.toggle('off', isStale);
  }

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (o) { apply(o); lastOk = Date.now(); stale(false); })
      .catch(function () { if (Date.now() - lastOk > 2 * INTERVAL_MS) { stale(true); } })
      .finally(function () { setTimeout(poll, INTERVAL_MS); });
  }
  setTimeout(poll, INTERVAL_MS);

  // Wall rotation: the next area after a while, staying in wall mode.
  var next = document.body.getAttribute('data-next');
  if (document.body.getAttribute('data-rotate') && next) {
    setTimeout(function () { location.assign('/wall?rotate=1&area=' + encodeURIComponent(next)); }, 20000);
  }
}());
