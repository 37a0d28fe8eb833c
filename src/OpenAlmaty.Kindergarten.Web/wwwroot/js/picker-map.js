// The map beside a list of organisations (Features/Shared/Views/_OrganisationMap.cshtml): the
// first-come picker's and a release's ranking. A marker's link is the list's own GET: in the
// picker its name opens the organisation's card; in a release (data-action) a button under the
// name adds it to the ranking. The tile server is a setting (Map:TileUrl); with none the page
// shows no map, only the list (decision 0021).
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !el.hasAttribute('data-tiles') || typeof L === 'undefined') return;
  var markers = JSON.parse(el.getAttribute('data-markers') || '[]');
  var action = el.getAttribute('data-action');
  var map = L.map(el, { scrollWheelZoom: false }).setView([43.25, 76.92], 11);
  var tiles = el.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: window.oaMapCredit || '&copy; OpenStreetMap' }).addTo(map);
  }
  function popup(m) {
    var box = document.createElement('div');
    var name = document.createElement(m.url && !action ? 'a' : 'strong');
    if (m.url && !action) name.href = m.url;
    name.textContent = m.name;
    box.appendChild(name);
    var info = document.createElement('div');
    info.className = 'small';
    info.textContent = m.address + ' · ' + m.seats;
    box.appendChild(info);
    if (m.url && action) {
      var add = document.createElement('a');
      add.className = 'btn btn-sm btn-outline-secondary mt-2';
      add.href = m.url;
      add.textContent = action;
      box.appendChild(add);
    }
    return box;
  }
  var bounds = [];
  markers.forEach(function (m) {
    var marker = L.circleMarker([m.lat, m.lon], {
      radius: m.selected ? 10 : 7, color: m.selected ? '#b02a37' : '#0b4f8a', weight: 2, fillOpacity: 0.8
    }).addTo(map);
    marker.getElement().setAttribute('data-marker', m.id);
    marker.bindPopup(popup(m));
    // A double click opens the picker's card; it never adds to a ranking (a map is zoomed so).
    if (m.url && !action) marker.on('dblclick', function () { window.location.href = m.url; });
    if (m.selected && !action) marker.openPopup();
    bounds.push([m.lat, m.lon]);
  });
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
  else if (bounds.length === 1) map.setView(bounds[0], 14);
})();
