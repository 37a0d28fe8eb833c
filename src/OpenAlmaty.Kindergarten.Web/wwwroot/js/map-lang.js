// Leaflet speaks English by default ("Zoom in", "Close popup", "Marker"); the portal's maps speak
// the page's language. The texts come from the script tag (Features/Shared/Views/_Leaflet.cshtml).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || typeof L === 'undefined') return;
  var t = script.dataset;
  L.Control.Zoom.prototype.options.zoomInTitle = t.zoomIn;
  L.Control.Zoom.prototype.options.zoomOutTitle = t.zoomOut;
  L.Marker.prototype.options.alt = t.marker;
  // The popup's close button has its English label written in; it is renamed when it opens.
  L.Map.addInitHook(function () {
    this.on('popupopen', function (e) {
      var close = e.popup.getElement() && e.popup.getElement().querySelector('.leaflet-popup-close-button');
      if (close) close.setAttribute('aria-label', t.close);
    });
  });
  window.oaMapCredit = '&copy; ' + t.credit.replace(/[<>&"]/g, '');
})();
