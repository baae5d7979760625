// The live board: one EventSource on /live/events; each "state" event carries the counters and the
// posts new since the last one (or the whole strip when "full"). Words come from the page (data-*
// attributes written from the bundle); numbers are formatted in the page's language. Post texts are
// set as text, never as HTML. The browser reconnects by itself and sends Last-Event-ID, so the
// server sends only what was missed.
(function () {
  'use strict';
  var root = document.getElementById('live');
  if (!root || !window.EventSource) { return; }
  var lang = document.documentElement.lang || 'en';
  var num = new Intl.NumberFormat(lang);
  // A post's time in the visitor's own zone and language; the server writes it as ISO-8601.
  var when = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  function local(iso) { var d = new Date(iso); return isNaN(d) ? iso : when.format(d); }
  var strip = document.getElementById('live-posts');
  var none = document.getElementById('live-none');
  var seen = {};
  // The posts the strip shows: an event may bring one again (a resume), never one older than
  // those shown, so the strip's own ids are all there is to remember over a 40-hour edition.
  function remember() {
    seen = {};
    Array.prototype.forEach.call(strip.children, function (li) { seen[li.getAttribute('data-id')] = true; });
  }
  remember();
  var KEEP = 20;
  var countdown = document.getElementById('live-countdown');
  var markers = [];
  var lit = {};
  var map = null;
  var band = null;

  function text(id, value) { var el = document.getElementById(id); if (el) { el.textContent = value; } }
  function pattern(id, values) {
    var el = document.getElementById(id);
    var p = el ? el.getAttribute('data-pattern') : null;
    if (!p) { return ''; }
    return p.replace(/\{(\d)\}/g, function (m, i) { return values[Number(i)]; });
  }
  function clock(seconds) {
    var s = Math.max(0, seconds);
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    return h + ':' + (m < 10 ? '0' : '') + m + ':' + (r < 10 ? '0' : '') + r;
  }

  function post(p) {
    var li = document.createElement('li');
    li.setAttribute('data-id', p.id);
    var a = document.createElement('a');
    a.href = p.link;
    a.rel = 'noopener noreferrer';
    var bdi = document.createElement('bdi');
    bdi.textContent = '@' + p.handle;
    a.appendChild(bdi);
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    var time = document.createElement('time');
    time.dateTime = p.createdAt;
    time.textContent = local(p.createdAt);
    li.appendChild(time);
    var body = document.createElement('p');
    body.textContent = p.text;
    li.appendChild(body);
    return li;
  }

  function show(s) {
    root.setAttribute('data-phase', s.phase);
    document.getElementById('live-before').hidden = s.phase !== 'BEFORE';
    document.getElementById('live-during').hidden = s.phase !== 'LIVE';
    document.getElementById('live-after').hidden = s.phase !== 'AFTER';
    if (countdown) { countdown.textContent = clock(s.countdown); }
    text('live-zones', num.format(s.zonesLive));
    text('live-participants', pattern('live-participants-pattern', [num.format(s.participantsLive), num.format(s.participants)]));
    text('live-minute', num.format(s.postsLastMinute));
    text('live-total', num.format(s.postsTotal));
    var compliant = document.getElementById('live-compliant');
    compliant.textContent = s.compliantPercent === undefined
      ? compliant.getAttribute('data-none')
      : new Intl.NumberFormat(lang, { style: 'percent' }).format(s.compliantPercent / 100);
    var hidden = document.getElementById('live-hidden');
    hidden.hidden = s.postsHidden === 0;
    hidden.textContent = pattern('live-hidden', [num.format(s.postsHidden)]);
    if (s.full) {
      while (strip.firstChild) { strip.removeChild(strip.firstChild); }
      seen = {};
    }
    for (var i = s.posts.length - 1; i >= 0; i--) {
      var p = s.posts[i];
      if (seen[p.id]) { continue; }
      seen[p.id] = true;
      strip.insertBefore(post(p), strip.firstChild);
    }
    while (strip.children.length > KEEP) { strip.removeChild(strip.lastChild); }
    remember();
    none.hidden = strip.children.length > 0;
    var start = Date.parse(s.spanStart), end = Date.parse(s.spanEnd), at = Date.parse(s.at);
    var now = document.getElementById('live-now');
    now.style.left = Math.min(100, Math.max(0, 100 * (at - start) / (end - start))) + '%';
    lit = {};
    s.liveZones.forEach(function (z) { lit[z] = true; });
    light();
    if (map) {
      if (band) { map.removeLayer(band); band = null; }
      if (s.bandSpans) {
        // One rectangle per span: a band past the antimeridian (Kiribati's +14) comes as two.
        band = L.layerGroup(s.bandSpans.map(function (x) {
          return L.rectangle([[-85, x[0]], [85, x[1]]], { color: '#e0a800', weight: 0, fillOpacity: 0.15, interactive: false, className: 'live-band' });
        })).addTo(map);
      }
    }
    root.setAttribute('data-updated', s.at);
  }

  function light() {
    var on = 0;
    markers.forEach(function (m) {
      var live = !!lit[m.zone];
      on += live ? 1 : 0;
      m.marker.setStyle(live
        ? { fillColor: '#f5b700', color: '#7a5a00', fillOpacity: 1 }
        : { fillColor: '#9aa7b4', color: '#4a5866', fillOpacity: 0.6 });
      var el = m.marker.getElement();
      if (el) { el.setAttribute('data-lit', live ? 'true' : 'false'); el.setAttribute('data-zone', m.zone); }
    });
    var mapEl = document.getElementById('live-map');
    if (mapEl) { mapEl.setAttribute('data-lit', String(on)); }
  }

  Array.prototype.forEach.call(strip.querySelectorAll('time'), function (t) {
    t.textContent = local(t.getAttribute('datetime'));
  });
  Array.prototype.forEach.call(document.querySelectorAll('.live-tick'), function (t) {
    t.style.left = t.getAttribute('data-percent') + '%';
  });

  var mapEl = document.getElementById('live-map');
  if (mapEl && window.L) {
    map = L.map(mapEl, { worldCopyJump: true, minZoom: 1, maxZoom: 8, zoomSnap: 0.5 }).setView([20, 0], 1.5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outlines: Natural Earth');
    map.createPane('land');
    map.getPane('land').style.zIndex = 350;
    fetch('/assets/world.geojson').then(function (r) { return r.json(); }).then(function (world) {
      L.geoJSON(world, { pane: 'land', interactive: false,
        style: { color: '#6b7a8a', weight: 0.6, fillColor: '#f1ede0', fillOpacity: 1 } }).addTo(map);
    });
    fetch('/live/markers.json').then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (m) {
        var marker = L.circleMarker([m.lat, m.lon], { radius: 5, weight: 1 }).addTo(map);
        marker.bindTooltip('@' + m.handle);
        markers.push({ zone: m.zone, marker: marker });
      });
      mapEl.setAttribute('data-markers', String(list.length));
      light();
    });
  }

  // While the stream is down the page says so (a polite live region, empty while connected); the
  // browser reconnects by itself after the stream's retry interval, sending Last-Event-ID.
  var connection = document.getElementById('live-connection');
  var lastId = null;
  var streams = 0;
  function connected(up) {
    var words = up ? '' : connection.getAttribute('data-reconnecting');
    if (connection.textContent !== words) { connection.textContent = words; }
    root.setAttribute('data-connection', up ? 'open' : 'reconnecting');
  }
  function listen(url) {
    var events = new EventSource(url);
    root.setAttribute('data-streams', String(++streams));
    events.addEventListener('state', function (e) {
      lastId = e.lastEventId || lastId;
      connected(true);
      show(JSON.parse(e.data));
    });
    events.addEventListener('error', function () {
      connected(false);
      if (events.readyState === EventSource.CLOSED) {
        // The answer was not a stream (a proxy's error while no instance is up), so the browser
        // gave up: open another, naming the last event in the query as it cannot set the header.
        setTimeout(function () {
          listen('/live/events' + (lastId ? '?lastEventId=' + encodeURIComponent(lastId) : ''));
        }, 2000);
      }
    });
  }
  listen('/live/events');
})();
