/* geonews events layer: draws the compact payload built by geonews/maps.py.
 *
 * Every string in D.str, D.types[].name and D.icons arrives already escaped
 * (html.escape in Python); this code only concatenates them into markup and
 * never turns raw text into HTML.
 */
window.geonewsEvents = function (map, groups, D) {
  "use strict";
  var T = D.types, S = D.str, E = D.ev, n = E.t.length;
  var DAY = 86400000;

  function s(i) { return i < 0 ? "" : S[i]; }
  function day(d) { return new Date(d * DAY).toISOString().slice(0, 10); }
  function visible(i, lo, hi) {
    var a = E.d0[i];
    if (a < 0) { return true; }              // undated events are always shown
    var b = E.d1[i] < 0 ? a : E.d1[i];
    return a <= hi && b >= lo;
  }

  /* ---------- popups ---------- */
  function dateText(i) {
    if (E.d0[i] < 0) { return "undated"; }
    var t = day(E.d0[i]);
    if (E.d1[i] >= 0 && E.d1[i] !== E.d0[i]) { t += " \u2013 " + day(E.d1[i]); }
    return t;
  }
  function eventHtml(i) {
    var st = D.statuses[E.s[i]];
    var h = '<div class="gn-event">';
    h += '<div class="gn-place">' + s(E.place[i]);
    if (E.alias[i] >= 0) { h += ' \u2014 called ' + s(E.alias[i]) + ' in the source'; }
    h += '</div>';
    h += '<div class="gn-kind"><span style="color:' + T[E.t[i]].color + '">' + T[E.t[i]].name + '</span>';
    if (E.sub[i] >= 0) { h += ' \u00b7 ' + s(E.sub[i]); }
    h += '</div>';
    h += '<div class="gn-meta">' + dateText(i) + ' \u00b7 <span class="gn-status gn-status-' + st + '">' + st + '</span>';
    if (E.claimant[i] >= 0) { h += ' by ' + s(E.claimant[i]); }
    var mod = D.modalities[E.m[i]];
    if (mod && mod !== "actual") { h += ' \u00b7 ' + mod; }
    if (E.prec[i] > 0) { h += ' \u00b7 ' + D.precisions[E.prec[i]] + '-level'; }
    h += '</div>';
    if (E.sentence[i] >= 0) { h += '<blockquote class="gn-sentence">' + s(E.sentence[i]) + '</blockquote>'; }
    if (E.url[i] >= 0) {
      h += '<a class="gn-source" href="' + s(E.url[i]) + '" target="_blank" rel="noopener noreferrer">' +
        (E.source[i] >= 0 ? s(E.source[i]) : 'source') + '</a>';
    } else if (E.source[i] >= 0) {
      h += '<span class="gn-source">' + s(E.source[i]) + '</span>';
    }
    return h + '</div>';
  }

  /* ---------- symbols ---------- */
  var icons = {};
  function icon(t, st) {
    var k = t * 8 + st;
    if (!icons[k]) {
      icons[k] = L.divIcon({
        className: "gn-marker gn-t" + t + " gn-" + D.statuses[st],
        html: D.icons[t][st], iconSize: [22, 22], iconAnchor: [11, 11],
        popupAnchor: [0, -9], tooltipAnchor: [10, 0]
      });
    }
    return icons[k];
  }
  var canvas = D.canvas ? L.canvas({padding: 0.3}) : null;
  function dash(st) { return D.dashes[st] || null; }

  function makePoint(i) {
    var t = E.t[i], st = E.s[i], ll = [E.lat[i], E.lon[i]], m;
    if (canvas) {
      var c = T[t].color, solid = D.statuses[st] === "reported";
      m = L.circleMarker(ll, {renderer: canvas, radius: 5, color: c, weight: 1.5,
        fillColor: solid ? c : "#ffffff", fillOpacity: 0.9, dashArray: dash(st)});
    } else {
      m = L.marker(ll, {icon: icon(t, st)});
    }
    m._gn = i;  // tooltip and popup are bound on first use (see lazyBind): 100k binds are slow
    return m;
  }

  /* ---------- region / country shapes ---------- */
  var panes = [["gnCountry", 405], ["gnRegion", 410]];
  panes.forEach(function (p) { if (!map.getPane(p[0])) { map.createPane(p[0]).style.zIndex = p[1]; } });
  if (!document.getElementById("gn-patterns")) {
    var defs = '<svg id="gn-patterns" width="0" height="0" style="position:absolute" aria-hidden="true"><defs>';
    T.forEach(function (ty, t) {
      defs += '<pattern id="gn-hatch-' + t + '" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
        '<rect width="8" height="8" fill="' + ty.color + '" fill-opacity="0.08"/>' +
        '<line x1="0" y1="0" x2="0" y2="8" stroke="' + ty.color + '" stroke-width="2" stroke-opacity="0.45"/></pattern>';
    });
    document.body.insertAdjacentHTML("beforeend", defs + "</defs></svg>");
  }
  var shapes = D.shapes.map(function (sh) {
    var country = D.precisions[sh.p] === "country";
    var layer = L.geoJSON(D.geo[sh.g], {
      pane: country ? "gnCountry" : "gnRegion",
      pointToLayer: function (f, ll) { return L.circleMarker(ll, {radius: 6}); },
      className: "gn-shape gn-t" + sh.t + (country ? " gn-country" : " gn-region")
    });
    var first = sh.ev[0];
    layer.bindTooltip(s(E.place[first]) + (country ? " (country-level)" : " (region-level)"), {sticky: true});
    layer.bindPopup(function () {
      var shown = sh.ev.filter(function (i) { return visible(i, state.lo, state.hi); });
      var h = '<div class="gn-popup">';
      shown.slice(0, D.maxPopup).forEach(function (i, k) { h += (k ? "<hr>" : "") + eventHtml(i); });
      if (shown.length > D.maxPopup) { h += '<div class="gn-more">and ' + (shown.length - D.maxPopup) + ' more</div>'; }
      return h + "</div>";
    }, {maxWidth: 360, maxHeight: 320});
    return {layer: layer, sh: sh, country: country};
  });
  function styleShape(o, shown) {
    var c = T[o.sh.t].color;
    var anyReported = shown.some(function (i) { return D.statuses[E.s[i]] === "reported"; });
    var st = anyReported ? D.statuses.indexOf("reported") : E.s[shown[0]];
    o.layer.setStyle({color: c, weight: o.country ? 2.5 : 2, opacity: 0.9, fillColor: c,
      fillOpacity: o.country ? 1 : 0.22, dashArray: anyReported ? null : (dash(st) ? "7 5" : null)});
    if (o.country) {
      o.layer.eachLayer(function (p) { if (p._path) { p._path.setAttribute("fill", "url(#gn-hatch-" + o.sh.t + ")"); } });
    }
  }

  /* ---------- points: all drawn, or clustered on a pixel grid ---------- */
  var points = new Array(n);  // markers, made on first use
  function point(i) { return points[i] || (points[i] = makePoint(i)); }
  var isPoint = new Uint8Array(n), vis = new Uint8Array(n);
  for (var i = 0; i < n; i++) { isPoint[i] = E.prec[i] === 0 ? 1 : 0; }
  var state = {lo: D.dayMin, hi: D.dayMax};
  var drawn = groups.map(function () { return []; }).concat([[]]);  // layers drawn per group; last: clusters

  /* A cluster shows the events of every shown type in its cell: a ring split by type
     colour around the total. */
  function clusterIcon(counts, k) {
    var size = k < 10 ? 30 : k < 100 ? 36 : k < 1000 ? 42 : k < 10000 ? 50 : 56, r = size / 2 - 4;
    var C = 2 * Math.PI * r, at = 0;
    var h = '<svg width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + ' ' + size + '">' +
      '<circle cx="' + size / 2 + '" cy="' + size / 2 + '" r="' + (r + 3.5) + '" fill="#ffffff" fill-opacity="0.92"/>';
    counts.forEach(function (c, t) {
      if (!c) { return; }
      var len = C * c / k;
      h += '<circle cx="' + size / 2 + '" cy="' + size / 2 + '" r="' + r + '" fill="none" stroke="' + T[t].color +
        '" stroke-width="6" stroke-dasharray="' + len + ' ' + (C - len) + '" stroke-dashoffset="' + (-at) +
        '" transform="rotate(-90 ' + size / 2 + ' ' + size / 2 + ')"/>';
      at += len;
    });
    h += '<text x="50%" y="50%" dy="0.35em" text-anchor="middle">' + k + '</text></svg>';
    return L.divIcon({html: h, className: "gn-cluster", iconSize: [size, size]});
  }
  function listHtml(members) {
    var h = '<div class="gn-popup">';
    members.slice(0, D.maxPopup).forEach(function (i, k) { h += (k ? "<hr>" : "") + eventHtml(i); });
    if (members.length > D.maxPopup) { h += '<div class="gn-more">and ' + (members.length - D.maxPopup) + ' more</div>'; }
    return h + "</div>";
  }
  function cluster(c) {
    var k = c.m.length;
    var layer = L.marker([c.lat / k, c.lon / k], {icon: clusterIcon(c.counts, k)});
    layer._gnMembers = c.m;
    return layer;
  }
  var clusterLayer = L.featureGroup().addTo(map);
  var groupsAndClusters = groups.concat([clusterLayer]);
  /* Bin the visible points of each shown type into CELL-pixel cells at the current zoom:
     a cell with one point shows its marker, a fuller one a count. O(n) per view change,
     and the page holds only as many elements as there are cells. */
  /* Pixel coordinates at zoom 0, once; at zoom z they are these times 2^z. */
  var px0 = null, py0 = null;
  function projectAll() {
    px0 = new Float64Array(n); py0 = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      if (!isPoint[i]) { continue; }
      var p = map.project([E.lat[i], E.lon[i]], 0);
      px0[i] = p.x; py0[i] = p.y;
    }
  }
  function redraw() {
    drawn.forEach(function (ls, t) { ls.forEach(function (l) { groupsAndClusters[t].removeLayer(l); }); drawn[t] = []; });
    var on = groups.map(function (g) { return map.hasLayer(g); });
    var z = map.getZoom(), bounds = map.getPixelBounds(), pad = D.cell * 2;
    var minx = bounds.min.x - pad, miny = bounds.min.y - pad, maxx = bounds.max.x + pad, maxy = bounds.max.y + pad;
    var cells = new Map(), cellSize = D.clustered && z < map.getMaxZoom() ? D.cell : 0;
    if (D.clustered && !px0) { projectAll(); }
    var scale = map.getZoomScale(z, 0);
    for (var i = 0; i < n; i++) {
      if (!vis[i] || !isPoint[i] || !on[E.t[i]]) { continue; }
      if (!D.clustered) { drawn[E.t[i]].push(point(i)); continue; }
      var x = px0[i] * scale, y = py0[i] * scale;
      if (x < minx || x > maxx || y < miny || y > maxy) { continue; }
      if (!cellSize) { drawn[E.t[i]].push(point(i)); continue; }  // deepest zoom: every point
      var k = Math.floor(x / cellSize) * 4194304 + Math.floor(y / cellSize);  // cell number
      var c = cells.get(k);
      if (!c) { cells.set(k, c = {m: [], lat: 0, lon: 0, counts: T.map(function () { return 0; })}); }
      c.m.push(i); c.lat += E.lat[i]; c.lon += E.lon[i]; c.counts[E.t[i]]++;
    }
    cells.forEach(function (c) {
      if (c.m.length === 1) { drawn[E.t[c.m[0]]].push(point(c.m[0])); }
      else { drawn[groups.length].push(cluster(c)); }
    });
    drawn.forEach(function (ls, t) { ls.forEach(function (l) { groupsAndClusters[t].addLayer(l); }); });
  }
  groupsAndClusters.forEach(function (g) {
    g.on("mouseover", function (e) {
      var l = e.layer;
      if (l.getTooltip()) { return; }
      if (l._gn !== undefined) { l.bindTooltip(s(E.place[l._gn])).openTooltip(); }
      else if (l._gnMembers) { l.bindTooltip(l._gnMembers.length + " events: click to zoom in").openTooltip(); }
    });
    g.on("click", function (e) {
      var l = e.layer;
      if (l._gnMembers) {
        var b = L.latLngBounds(l._gnMembers.map(function (i) { return [E.lat[i], E.lon[i]]; }));
        if (map.getZoom() < map.getMaxZoom() && !b.getNorthEast().equals(b.getSouthWest())) {
          map.fitBounds(b, {padding: [30, 30]});
        } else {
          L.popup({maxWidth: 360, maxHeight: 320}).setLatLng(l.getLatLng())
            .setContent(listHtml(l._gnMembers)).openOn(map);
        }
        return;
      }
      if (l._gn === undefined || l.getPopup()) { return; }
      var i = l._gn;
      l.bindPopup(function () { return eventHtml(i); }, {maxWidth: 340}).openPopup();
    });
  });

  function apply() {
    for (var i = 0; i < n; i++) { vis[i] = visible(i, state.lo, state.hi) ? 1 : 0; }
    shapes.forEach(function (o) {
      var shown = o.sh.ev.filter(function (i) { return vis[i]; });
      var g = groups[o.sh.t];
      if (shown.length && !o.shown) { g.addLayer(o.layer); }
      if (!shown.length && o.shown) { g.removeLayer(o.layer); }
      o.shown = shown.length ? shown : null;
    });
    redraw();
    shapes.forEach(function (o) { if (o.shown) { styleShape(o, o.shown); } });
  }
  if (D.clustered) { map.on("moveend", redraw); }
  map.on("overlayadd overlayremove", function () {
    if (D.clustered) { redraw(); }
    shapes.forEach(function (o) { if (o.shown) { styleShape(o, o.shown); } });
  });
  map.whenReady(apply);

  /* ---------- controls: time filter, legend, fullscreen ---------- */
  if (D.dayMax > D.dayMin) {
    var Time = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var div = L.DomUtil.create("div", "gn-time leaflet-bar");
        div.innerHTML = '<div class="gn-time-title">Dates <span class="gn-time-label"></span></div>' +
          '<label>from <input type="range" class="gn-from" step="1"></label>' +
          '<label>to <input type="range" class="gn-to" step="1"></label>';
        var from = div.querySelector(".gn-from"), to = div.querySelector(".gn-to");
        var label = div.querySelector(".gn-time-label");
        [from, to].forEach(function (el) { el.min = D.dayMin; el.max = D.dayMax; });
        from.value = D.dayMin; to.value = D.dayMax;
        function update(ev) {
          var a = +from.value, b = +to.value;
          if (a > b) { if (ev && ev.target === from) { to.value = a; b = a; } else { from.value = b; a = b; } }
          label.textContent = day(a) + " \u2013 " + day(b);
          if (a !== state.lo || b !== state.hi) { state.lo = a; state.hi = b; apply(); }
        }
        from.addEventListener("input", update); to.addEventListener("input", update);
        update();
        L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    new Time().addTo(map);
  }
  var Legend = L.Control.extend({
    options: {position: "bottomright"},
    onAdd: function () {
      var div = L.DomUtil.create("div", "gn-legend leaflet-bar");
      // Event types (shape and colour) are listed, with counts, in the layer control.
      var h = '<div class="gn-legend-row"><b>status</b> ';
      D.statuses.forEach(function (st, k) { h += '<span>' + D.statusIcons[k] + ' ' + st + '</span> '; });
      h += '</div><div class="gn-legend-row"><b>extent</b> ' +
        '<span>' + D.statusIcons[D.statuses.indexOf("reported")] + ' place</span> ' +
        '<span><i class="gn-swatch gn-swatch-region"></i> region</span> ' +
        '<span><i class="gn-swatch gn-swatch-country"></i> whole country</span></div>';
      div.innerHTML = h;
      L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
      return div;
    }
  });
  new Legend().addTo(map);
  var Full = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var div = L.DomUtil.create("div", "leaflet-bar gn-fullscreen");
      var a = L.DomUtil.create("a", "", div);
      a.href = "#"; a.title = "Full screen"; a.setAttribute("role", "button"); a.innerHTML = '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="#333" stroke-width="2"><path d="M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5"/></svg>';
      L.DomEvent.on(a, "click", function (ev) {
        L.DomEvent.preventDefault(ev);
        var el = map.getContainer();
        if (document.fullscreenElement) { document.exitFullscreen(); }
        else if (el.requestFullscreen) { el.requestFullscreen(); }
      });
      L.DomEvent.disableClickPropagation(div);
      return div;
    }
  });
  new Full().addTo(map);
  document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });
  if (D.attribution) { map.attributionControl.addAttribution(D.attribution); }
  map.fire("geonews:ready");
  window.__geonewsReady = true;
  window.__geonewsReadyAt = performance.now();
};
