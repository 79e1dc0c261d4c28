import OrgDiff

/// The interactive chart page's style sheet and script, written inline into the page.
enum ChartPageAssets {
    /// Layout (that of `PageAssets.style`): a header, the search and the chosen box on the left,
    /// the chart on the right; in print, the chart alone as the window shows it.
    static let style = PageAssets.style + """
    #app { flex: 1; display: grid; grid-template-columns: minmax(280px, 26%) 1fr; min-height: 0; }
    #results { list-style: none; margin: 0; padding: 0; max-height: 40vh; overflow-y: auto; }
    #results li, #details li.link { border: 1px solid #d9d9d9; border-radius: 5px; padding: 4px 8px; margin: 0 0 4px; cursor: pointer; }
    #results li:hover, #results li:focus, #details li.link:hover, #details li.link:focus { border-color: #5a5a5a; outline: none; }
    #results .name { font-weight: bold; }
    #results .more { color: #555555; }
    #details { border-top: 1px solid #c8c8c8; margin-top: 10px; padding-top: 6px; }
    #details h2 { font-size: 15px; }
    #details .about { white-space: pre-line; }
    #details ul { list-style: none; margin: 0; padding: 0; }
    #details .kind { color: #1f4e79; font-size: 12px; }
    #details ul.functions { list-style: disc; padding-left: 18px; }
    #details .note { color: #505050; font-size: 12px; white-space: pre-line; }
    #details button { font-size: 13px; margin: 6px 0; padding: 3px 10px; }
    .help { color: #606060; font-size: 12px; }
    .sources { padding-left: 16px; color: #505050; font-size: 12px; }
    #tools { display: flex; gap: 4px; padding: 6px 10px; border-bottom: 1px solid #c8c8c8; background: #fafafa; align-items: center; font-size: 13px; }
    #tools .tools { margin-left: auto; display: flex; gap: 4px; }
    #tools button { font-size: 13px; padding: 4px 10px; border: 1px solid #8a8a8a; background: #ffffff; border-radius: 4px; cursor: pointer; }
    g.node { cursor: pointer; }
    .stage.far text { display: none; }
    g.node.found > g > a > :first-child { stroke: #000000; stroke-width: 3px; stroke-dasharray: 5 3; }
    g.node.path > g > a > :first-child, g.node.chosen > g > a > :first-child { stroke: #d4006a; stroke-width: 4px; }
    g.edge.path path { stroke: #d4006a; stroke-width: 3px; }
    g.node.collapsed > g > a > :first-child { stroke-width: 3px; stroke-dasharray: 2 2; }
    @page { margin: 10mm; }
    @media print {
      header, #panel, #tools { display: none; }
      body, #app { display: block; height: auto; }
      .stage { overflow: visible; width: 100%; height: 95vh; }
      .stage > svg.printing { position: static; transform: none !important; width: 100%; height: 100%; }
    }

    """

    /// Pan and zoom, search, choosing a box (its path to the top, its text, source and lines),
    /// collapsing and expanding subtrees, printing (errors are recorded by
    /// `PageAssets.panZoomScript`). Once the page is set up the body says `data-ready="yes"` and
    /// how long that took from the start of navigation (`data-ready-ms`).
    static let script = """
    (function () {
      "use strict";
      var body = document.body;
      var data = JSON.parse(document.getElementById("chart-data").textContent);
      var boxes = data.boxes, lines = data.lines, count = boxes.length;
      var stage = document.getElementById("stage"), svg = stage.querySelector("svg");
      var element = new Array(count), children = [], haystack = new Array(count), touching = [];
      var lineElement = new Array(lines.length);
      var i;
      for (i = 0; i < count; i += 1) {
        element[i] = document.getElementById(boxes[i].i);
        children.push([]);
        touching.push([]);
        haystack[i] = (boxes[i].h + "\\n" + boxes[i].d + "\\n" + boxes[i].i).toLowerCase();
      }
      for (i = 0; i < count; i += 1) { if (boxes[i].p >= 0) { children[boxes[i].p].push(i); } }
      lines.forEach(function (line, k) {
        lineElement[k] = line.e ? document.getElementById(line.e) : null;
        touching[line.f].push(k);
        if (line.t !== line.f) { touching[line.t].push(k); }
      });
      var indexOf = {};
      for (i = count - 1; i >= 0; i -= 1) { indexOf[boxes[i].i] = i; }

      // Pan and zoom; a click on a box chooses it. Text too small to read (under about 3 px) is
      // not drawn, which keeps a chart of thousands of boxes quick to show whole.
      var view = orgchartPanZoom(stage, svg, function (node) { if (indexOf.hasOwnProperty(node.id)) { choose(indexOf[node.id], true); } });
      var place = view.apply;
      view.apply = function () {
        stage.classList.toggle("far", view.scale < 0.3);
        place();
      };

      // Collapsing: a collapsed box hides every box below it and every line with a hidden end.
      var collapsed = new Uint8Array(count), marked = new Uint8Array(count), shown = new Uint8Array(count), lineShown = new Uint8Array(lines.length);
      shown.fill(1);
      lineShown.fill(1);
      function below(index) {
        var total = 0, stack = children[index].slice();
        while (stack.length > 0) { var next = stack.pop(); total += 1; Array.prototype.push.apply(stack, children[next]); }
        return total;
      }
      function refresh() {
        var visible = new Uint8Array(count), stack = [], hidden = 0, k;
        for (k = 0; k < count; k += 1) { if (boxes[k].p < 0) { visible[k] = 1; stack.push(k); } }
        while (stack.length > 0) {
          var next = stack.pop();
          if (collapsed[next]) { continue; }
          children[next].forEach(function (child) { if (!visible[child]) { visible[child] = 1; stack.push(child); } });
        }
        for (k = 0; k < count; k += 1) {
          if (!visible[k]) { hidden += 1; }
          if (visible[k] !== shown[k] && element[k]) { element[k].style.display = visible[k] ? "" : "none"; }
          shown[k] = visible[k];
          if (collapsed[k] !== marked[k] && element[k]) { element[k].classList.toggle("collapsed", collapsed[k] === 1); }
          marked[k] = collapsed[k];
        }
        for (k = 0; k < lines.length; k += 1) {
          var on = visible[lines[k].f] && visible[lines[k].t] ? 1 : 0;
          if (on !== lineShown[k] && lineElement[k]) { lineElement[k].style.display = on ? "" : "none"; }
          lineShown[k] = on;
        }
        body.setAttribute("data-hidden", String(hidden));
        document.getElementById("status").textContent = hidden === 0 ? count + " boxes" : count + " boxes, " + hidden + " collapsed out of view";
      }
      function toggle(index) {
        if (children[index].length === 0) { return; }
        collapsed[index] = collapsed[index] ? 0 : 1;
        refresh();
        if (chosen === index) { describe(index); }
      }
      function reveal(index) {
        var changed = false;
        for (var up = boxes[index].p; up >= 0; up = boxes[up].p) { if (collapsed[up]) { collapsed[up] = 0; changed = true; } }
        if (changed) { refresh(); }
      }

      // Choosing a box: its path to the top highlighted, its text, source and lines in the panel.
      var chosen = -1, onPath = [];
      function choose(index, keepView) {
        onPath.forEach(function (item) { item.classList.remove("path", "chosen"); });
        onPath = [];
        chosen = index;
        reveal(index);
        for (var up = index; up >= 0; up = boxes[up].p) {
          if (element[up]) { element[up].classList.add(up === index ? "chosen" : "path"); onPath.push(element[up]); }
          var line = boxes[up].l >= 0 ? lineElement[boxes[up].l] : null;
          if (line) { line.classList.add("path"); onPath.push(line); }
        }
        body.setAttribute("data-chosen", boxes[index].i);
        body.setAttribute("data-path", String(onPath.length));
        describe(index);
        if (element[index] && !keepView) { view.centreOn(element[index]); }
      }
      function item(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text) { node.textContent = text; }
        return node;
      }
      function describe(index) {
        var panel = document.getElementById("details"), box = boxes[index];
        panel.textContent = "";
        panel.appendChild(item("h2", "", box.h));
        if (box.d) { panel.appendChild(item("p", "about", box.d)); }
        if (box.t) { panel.appendChild(item("p", "note", box.t)); }
        var trail = [];
        for (var up = box.p; up >= 0; up = boxes[up].p) { trail.unshift(boxes[up].h); }
        if (trail.length > 0) { panel.appendChild(item("p", "note", "Under: " + trail.join(" › "))); }
        if (box.f) {
          panel.appendChild(item("h2", "", "Functions"));
          var functions = item("ul", "functions", "");
          box.f.split("\\n").forEach(function (line) { functions.appendChild(item("li", "", line)); });
          panel.appendChild(functions);
        }
        if (children[index].length > 0) {
          var button = item("button", "", collapsed[index] ? "Expand (" + below(index) + " below)" : "Collapse (" + below(index) + " below)");
          button.type = "button";
          button.addEventListener("click", function () { toggle(index); });
          panel.appendChild(button);
        }
        if (touching[index].length > 0) {
          panel.appendChild(item("h2", "", "Lines (" + touching[index].length + ")"));
          var list = item("ul", "", "");
          touching[index].forEach(function (k) {
            var line = lines[k], outgoing = line.f === index, other = outgoing ? line.t : line.f;
            var entry = item("li", "link", "");
            entry.tabIndex = 0;
            entry.appendChild(item("div", "kind", (outgoing ? "→ " : "← ") + line.k));
            entry.appendChild(item("div", "", boxes[other].h));
            if (line.s) { entry.appendChild(item("div", "note", line.s)); }
            entry.addEventListener("click", function () { choose(other); });
            entry.addEventListener("keydown", function (event) { if (event.key === "Enter") { choose(other); } });
            list.appendChild(entry);
          });
          panel.appendChild(list);
        }
        panel.hidden = false;
        try { history.replaceState(null, "", "#select=" + encodeURIComponent(box.i)); } catch (ignored) { }
      }

      // Search: every box whose name, abbreviation, head or person holds the words is outlined;
      // the first hundred are listed.
      var found = [], timer = null;
      function search() {
        var query = document.getElementById("search").value.trim().toLowerCase();
        var words = query.split(/\\s+/).filter(function (word) { return word.length > 0; });
        found.forEach(function (k) { if (element[k]) { element[k].classList.remove("found"); } });
        found = [];
        if (words.length > 0) {
          for (var k = 0; k < count; k += 1) {
            var text = haystack[k], all = true;
            for (var w = 0; w < words.length && all; w += 1) { all = text.indexOf(words[w]) >= 0; }
            if (all) { found.push(k); if (element[k]) { element[k].classList.add("found"); } }
          }
        }
        var results = document.getElementById("results");
        results.textContent = "";
        found.slice(0, 100).forEach(function (k) {
          var entry = item("li", "", "");
          entry.tabIndex = 0;
          entry.appendChild(item("div", "name", boxes[k].h));
          if (boxes[k].d) { entry.appendChild(item("div", "more", boxes[k].d.split("\\n").join(" · "))); }
          entry.addEventListener("click", function () { choose(k); });
          entry.addEventListener("keydown", function (event) { if (event.key === "Enter") { choose(k); } });
          results.appendChild(entry);
        });
        body.setAttribute("data-found", String(found.length));
        document.getElementById("search-count").textContent = words.length === 0 ? "" :
          found.length + " box" + (found.length === 1 ? "" : "es") + (found.length > 100 ? ", the first 100 listed" : "");
      }
      var input = document.getElementById("search");
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { clearTimeout(timer); search(); if (found.length > 0) { choose(found[0]); } }
      });

      document.getElementById("zoom-in").addEventListener("click", function () { view.zoomCentre(1.25); });
      document.getElementById("zoom-out").addEventListener("click", function () { view.zoomCentre(0.8); });
      document.getElementById("fit").addEventListener("click", view.fit);
      document.getElementById("print").addEventListener("click", function () { window.print(); });
      // Printing shows the part of the chart the window shows, fitted to the paper: the SVG's
      // view box becomes that part for as long as the print lasts.
      var saved = null;
      window.addEventListener("beforeprint", function () {
        var box = stage.getBoundingClientRect(), frame = svg.viewBox.baseVal;
        var perPixel = frame.width / (svg.width.baseVal.value || 1);
        var left = Math.max(0, -view.x / view.scale * perPixel), top = Math.max(0, -view.y / view.scale * perPixel);
        var right = Math.min(frame.width, (box.width - view.x) / view.scale * perPixel), bottom = Math.min(frame.height, (box.height - view.y) / view.scale * perPixel);
        if (right <= left || bottom <= top) { return; }
        saved = { viewBox: svg.getAttribute("viewBox"), width: svg.getAttribute("width"), height: svg.getAttribute("height") };
        svg.setAttribute("viewBox", left + " " + top + " " + (right - left) + " " + (bottom - top));
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.classList.add("printing");
      });
      window.addEventListener("afterprint", function () {
        if (!saved) { return; }
        svg.setAttribute("viewBox", saved.viewBox);
        svg.setAttribute("width", saved.width);
        svg.setAttribute("height", saved.height);
        svg.classList.remove("printing");
        saved = null;
      });
      document.getElementById("expand-all").addEventListener("click", function () {
        collapsed.fill(0);
        refresh();
        if (chosen >= 0) { describe(chosen); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.target === input) { return; }
        if (event.key === "+" || event.key === "=") { view.zoomCentre(1.25); }
        if (event.key === "-") { view.zoomCentre(0.8); }
        if (event.key === "0") { view.fit(); }
      });
      function boxAt(event) {
        var node = event.target.closest ? event.target.closest("g.node") : null;
        return node && indexOf.hasOwnProperty(node.id) ? indexOf[node.id] : -1;
      }
      stage.addEventListener("dblclick", function (event) { var index = boxAt(event); if (index >= 0) { toggle(index); } });
      window.addEventListener("resize", function () {
        view.fit();
        if (chosen >= 0 && element[chosen] && shown[chosen]) { view.centreOn(element[chosen]); }
      });

      // The state the address asks for: #search=words&collapse=ID,ID&select=ID.
      view.fit();
      refresh();
      var asked = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) { asked[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); }
      });
      if (asked.collapse) {
        asked.collapse.split(",").forEach(function (id) { if (indexOf.hasOwnProperty(id) && children[indexOf[id]].length > 0) { collapsed[indexOf[id]] = 1; } });
        refresh();
      }
      if (asked.search) { input.value = asked.search; search(); }
      if (asked.select && indexOf.hasOwnProperty(asked.select)) { choose(indexOf[asked.select]); }
      body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
      body.setAttribute("data-ready", "yes");
    })();

    """
}
