// The network view: the actor's neighbourhood from its JSON twin, drawn with Cytoscape.js
// (vendored under /static/vendor). Clicking an actor opens its page.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") return;
  var colours = { PERSON: "#3b6fd8", ORG: "#c2571a", GPE: "#2f8f5b", LOC: "#7a8f2f", NORP: "#8a4fbf" };
  var edgeColours = { asserted: "#33415c", reported: "#3b6fd8", claimed: "#c28a00", denied: "#c0392b", uncertain: "#8a8f98" };
  var edgeStyles = { asserted: "solid", reported: "solid", claimed: "dashed", denied: "dotted", uncertain: "dashed" };

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var net = data.network;
      var elements = [];
      net.nodes.forEach(function (n) {
        elements.push({ data: { id: n.id, label: n.name, type: n.type, hop: n.hop } });
      });
      net.edges.forEach(function (e, i) {
        elements.push({ data: {
          id: "e" + i, source: e.source, target: e.target,
          label: e.predicate.replace(/_/g, " ") + (e.statements > 1 ? " ×" + e.statements : ""),
          modality: e.modality
        } });
      });
      var cy = cytoscape({
        container: box,
        elements: elements,
        wheelSensitivity: 0.3,
        maxZoom: 1.4,
        minZoom: 0.2,
        style: [
          { selector: "node", style: {
            "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
            "background-color": function (n) { return colours[n.data("type")] || "#666"; },
            "width": 18, "height": 18, "color": "#1d2433",
            "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 2
          } },
          { selector: "node[hop = 0]", style: { "width": 30, "height": 30, "font-weight": "bold", "border-width": 3, "border-color": "#1d2433" } },
          { selector: "edge", style: {
            "label": "data(label)", "font-size": 9, "curve-style": "bezier", "target-arrow-shape": "triangle",
            "width": 2, "color": "#444", "text-rotation": "autorotate",
            "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1,
            "line-color": function (e) { return edgeColours[e.data("modality")] || "#999"; },
            "target-arrow-color": function (e) { return edgeColours[e.data("modality")] || "#999"; },
            "line-style": function (e) { return edgeStyles[e.data("modality")] || "solid"; }
          } }
        ],
        // an ego network reads best in rings: the actor in the middle, each hop one ring out
        layout: {
          name: "concentric", animate: false, padding: 40, minNodeSpacing: 70, startAngle: 3 / 2 * Math.PI,
          concentric: function (n) { return 10 - n.data("hop"); },
          levelWidth: function () { return 1; }
        }
      });
      // then spread by forces from those rings, so that edges and labels do not sit on each other
      cy.layout({
        name: "cose", randomize: false, animate: false, padding: 40, fit: true,
        idealEdgeLength: function () { return 140; }, nodeRepulsion: function () { return 400000; },
        nodeOverlap: 20, gravity: 0.5, numIter: 1500
      }).run();
      cy.on("tap", "node", function (evt) {
        window.location.href = "/actor/" + encodeURIComponent(evt.target.id());
      });
      box.dataset.ready = "true";
      box.dataset.nodes = String(net.nodes.length);
      window.claimgraphNetwork = cy; // for the browser tests
    });
})();
