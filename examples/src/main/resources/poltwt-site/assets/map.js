// The participants' map: Leaflet over a bundled world outline, no tiles from the internet.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([20, 0], 1.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Outlines: Natural Earth');
  map.createPane('land');
  map.getPane('land').style.zIndex = 350;

  fetch('/assets/world.geojson')
    .then(function (r) { return r.json(); })
    .then(function (world) {
      L.geoJSON(world, {
        pane: 'land',
        interactive: false,
        style: { color: '#6b7a8a', weight: 0.6, fillColor: '#f1ede0', fillOpacity: 1 }
      }).addTo(map);
    });

  fetch('/map/participants.geojson')
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: 5, color: '#0b2545', weight: 1, fillColor: '#1f6feb', fillOpacity: 0.85,
            className: 'participant-marker'
          });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties;
          var box = document.createElement('div');
          var name = document.createElement('strong');
          name.textContent = p.agency;
          box.appendChild(name);
          box.appendChild(document.createElement('br'));
          box.appendChild(document.createTextNode('@' + p.handle + (p.officer ? ' (' + p.officer + ')' : '')));
          box.appendChild(document.createElement('br'));
          box.appendChild(document.createTextNode(p.city + ', ' + p.country));
          marker.bindPopup(box);
          marker.on('add', function () {
            var path = marker.getElement();
            if (path) { path.setAttribute('data-handle', p.handle); }
          });
        }
      }).addTo(map);
      el.setAttribute('data-markers', String(data.features.length));
      return layer;
    });
})();
