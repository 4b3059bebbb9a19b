// Dashboard glue: embeds the Vega-Lite specs and applies the page's filters (date range, side,
// map shading side) to every chart (through Vega signals) and to the HTML tables (rows carry
// data-date and data-sides). Runs under a Content-Security-Policy without 'unsafe-eval':
// Vega evaluates expressions with the interpreter that vega-embed bundles (ast: true).
(function () {
  "use strict";
  var LATEST_SHOWN = 50;
  var views = [];
  var $ = function (id) { return document.getElementById(id); };

  function readJson(id) { return JSON.parse($(id).textContent); }

  function state() {
    var from = $("f-from").value, to = $("f-to").value;
    var shade = document.querySelector('input[name="shade"]:checked');
    return {
      from: from || $("f-from").min, to: to || $("f-to").max,
      full: (!from || from <= $("f-from").min) && (!to || to >= $("f-to").max),
      side: $("f-side").value, shade: shade ? shade.value : "RU"
    };
  }

  function rowVisible(tr, st) {
    var d = tr.getAttribute("data-date");
    var sides = (tr.getAttribute("data-sides") || "").split(" ");
    var dateOk = d ? (d >= st.from && d <= st.to) : st.full;
    var sideOk = st.side === "all" || sides.indexOf(st.side) >= 0;
    return dateOk && sideOk;
  }

  function filterTables(st) {
    var tables = document.querySelectorAll("table.filterable");
    for (var i = 0; i < tables.length; i++) {
      var rows = tables[i].tBodies[0] ? tables[i].tBodies[0].rows : [];
      var limit = tables[i].getAttribute("data-limit");
      var shown = 0, matching = 0;
      for (var j = 0; j < rows.length; j++) {
        var ok = rowVisible(rows[j], st);
        if (ok) { matching++; }
        if (ok && limit && shown >= Number(limit)) { ok = false; }
        if (ok) { shown++; }
        rows[j].hidden = !ok;
      }
      var count = document.querySelector('[data-count-for="' + tables[i].id + '"]');
      if (count) { count.textContent = shown + " shown of " + matching + " matching"; }
    }
  }

  function apply() {
    var st = state();
    views.forEach(function (v) {
      v.signal("dateFrom", st.from).signal("dateTo", st.to).signal("showUndated", st.full).signal("side", st.side);
      if (v.__map) { v.signal("shadeSide", st.shade); }
      v.runAsync();
    });
    filterTables(st);
  }

  function embed(target, specId, isMap) {
    var opts = { renderer: "svg", actions: false, ast: true,
                 tooltip: { theme: "light" } };
    return vegaEmbed("#" + target, readJson(specId), opts).then(function (res) {
      res.view.__map = isMap;
      views.push(res.view);
    });
  }

  function onSide() {
    var side = $("f-side").value;
    if (side === "RU" || side === "UA") {
      document.querySelector('input[name="shade"][value="' + side + '"]').checked = true;
    }
    apply();
  }

  function reset() {
    $("f-from").value = $("f-from").min;
    $("f-to").value = $("f-to").max;
    $("f-side").value = "all";
    apply();
  }

  function start() {
    ["f-from", "f-to"].forEach(function (id) { $(id).addEventListener("change", apply); });
    $("f-side").addEventListener("change", onSide);
    $("f-reset").addEventListener("click", reset);
    var radios = document.querySelectorAll('input[name="shade"]');
    for (var i = 0; i < radios.length; i++) { radios[i].addEventListener("change", apply); }
    Promise.all([embed("map", "spec-map", true), embed("chart", "spec-series", false),
                 embed("national", "spec-national", false)])
      .then(function () { apply(); document.body.setAttribute("data-ready", "true"); })
      .catch(function (err) { console.error("dashboard: " + err); });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
