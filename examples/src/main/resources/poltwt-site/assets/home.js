// The home page's countdown: the visitor's own zone from the browser, changeable, ticking.
(function () {
  'use strict';
  var form = document.getElementById('zone-form');
  var select = document.getElementById('zone');
  if (!form || !select) { return; }

  function ensureOption(zone) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === zone) { return; }
    }
    var o = document.createElement('option');
    o.value = zone;
    o.textContent = zone;
    select.appendChild(o);
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // The words come from the page (data-* attributes the server fills from its message bundle),
  // so the script speaks the page's language: {0}, {1}... stand for the values.
  function words(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(values[+i]); });
  }

  function startsIn(c, days) {
    var category = days === 1 ? 'one' : 'other';
    if (window.Intl && Intl.PluralRules) {
      try {
        category = new Intl.PluralRules(document.documentElement.lang || 'en').select(days);
      } catch (e) { /* an unknown language keeps the English rule */ }
    }
    var key = 'starts' + category.charAt(0).toUpperCase() + category.slice(1);
    return c.dataset[key] || c.dataset.startsOther;
  }

  function say(c, text) {
    if (text) { c.textContent = text; }
  }

  function tick() {
    var c = document.getElementById('countdown');
    if (!c || !c.dataset.start) { return; }
    var now = Date.now();
    var start = Date.parse(c.dataset.start);
    var end = Date.parse(c.dataset.end);
    if (now >= end) { say(c, c.dataset.over); return; }
    if (now >= start) { say(c, c.dataset.live); return; }
    var s = Math.floor((start - now) / 1000);
    var days = Math.floor(s / 86400);
    s -= days * 86400;
    var h = Math.floor(s / 3600);
    s -= h * 3600;
    var m = Math.floor(s / 60);
    s -= m * 60;
    var pattern = startsIn(c, days);
    if (pattern) { say(c, words(pattern, [days, pad(h) + ':' + pad(m) + ':' + pad(s)])); }
  }

  var latest = 0;

  // pick: choose the zone in the list, by the id the list has for it (the server's "listed").
  function show(zone, pick) {
    var request = ++latest;
    fetch('/api/window?zone=' + encodeURIComponent(zone), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (w) {
        // Keys typed into the list fire one request each: only the newest may update the page.
        if (!w || request !== latest) { return; }
        var z = document.getElementById('window-zone');
        var s = document.getElementById('window-start');
        var e = document.getElementById('window-end');
        var c = document.getElementById('countdown');
        if (pick) {
          ensureOption(w.listed || w.zone);
          select.value = w.listed || w.zone;
        }
        if (z) { z.textContent = w.zone; }
        if (s) { s.textContent = w.startLocal; s.setAttribute('datetime', w.start); }
        if (e) { e.textContent = w.endLocal; e.setAttribute('datetime', w.end); }
        if (c) { c.dataset.start = w.start; c.dataset.end = w.end; }
        tick();
      })
      .catch(function () { /* the server-rendered window stays */ });
  }

  if (form.dataset.zoneChosen !== 'true') {
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone) {
      show(browserZone, true);
    }
  }
  select.addEventListener('change', function () {
    show(select.value);
    if (window.history && history.replaceState) {
      history.replaceState(null, '', '/?zone=' + encodeURIComponent(select.value));
    }
  });
  tick();
  setInterval(tick, 1000);
})();
