// The map of the kindergarten picker: markers for the organisations in the list. The tile
// server is a setting (Map:TileUrl); with none the page shows no map, only the list (decision 0021).
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !el.hasAttribute('data-tiles') || typeof L === 'undefined') return;
  var markers = JSON.parse(el.getAttribute('data-markers') || '[]');
  var selected = el.getAttribute('data-selected');
  var map = L.map(el, { scrollWheelZoom: false }).setView([43.25, 76.92], 11);
  var tiles = el.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: window.oaMapCredit || '&copy; OpenStreetMap' }).addTo(map);
  }
  var bounds = [];
  markers.forEach(function (m) {
    var isSelected = String(m.id) === selected;
    var marker = L.circleMarker([m.lat, m.lon], {
      radius: isSelected ? 10 : 7, color: isSelected ? '#b02a37' : '#0b4f8a', weight: 2, fillOpacity: 0.8
    }).addTo(map);
    var link = document.createElement('a');
    link.href = m.url;
    link.textContent = m.name;
    var box = document.createElement('div');
    box.appendChild(link);
    var info = document.createElement('div');
    info.className = 'small';
    info.textContent = m.address + ' · ' + m.seats;
    box.appendChild(info);
    marker.bindPopup(box);
    marker.on('dblclick', function () { window.location.href = m.url; });
    if (isSelected) marker.openPopup();
    bounds.push([m.lat, m.lon]);
  });
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
  else if (bounds.length === 1) map.setView(bounds[0], 14);
})();
