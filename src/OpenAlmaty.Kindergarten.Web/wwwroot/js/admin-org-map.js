// The organisation editor's map: a click (or a drag of the marker) writes the coordinates into
// the two fields; typing in the fields moves the marker. With no tile server there is no map
// (a click on an empty box says nothing about where it is): the fields alone (decision 0021).
(function () {
  'use strict';
  var el = document.getElementById('org-map');
  if (!el || !el.getAttribute('data-tiles') || typeof L === 'undefined') return;
  var lat = document.getElementById('Latitude');
  var lon = document.getElementById('Longitude');
  var map = L.map(el).setView([43.25, 76.92], 11);
  var tiles = el.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: window.oaMapCredit || '&copy; OpenStreetMap' }).addTo(map);
  }
  var marker = null;
  function read() {
    var a = parseFloat((lat.value || '').replace(',', '.'));
    var b = parseFloat((lon.value || '').replace(',', '.'));
    return isNaN(a) || isNaN(b) ? null : [a, b];
  }
  function place(point, pan) {
    if (!marker) {
      marker = L.marker(point, { draggable: true, keyboard: true, title: el.getAttribute('aria-label') || '' }).addTo(map);
      marker.on('dragend', function () { write(marker.getLatLng()); });
    } else {
      marker.setLatLng(point);
    }
    if (pan) map.setView(point, Math.max(map.getZoom(), 14));
  }
  function write(p) {
    lat.value = p.lat.toFixed(6);
    lon.value = p.lng.toFixed(6);
  }
  map.on('click', function (e) { place(e.latlng, false); write(e.latlng); });
  [lat, lon].forEach(function (input) {
    input.addEventListener('change', function () { var p = read(); if (p) place(p, true); });
  });
  var start = read();
  if (start) place(start, true);
})();
