/// The review page's style sheet and script, written inline into the page.
enum ReviewPageAssets {
    /// Layout: a header, the list of changes on the left, the charts on the right (the layout of
    /// `PageAssets.style`).
    static let style = PageAssets.style + """
    header .counts { color: #404040; }
    #app { flex: 1; display: grid; grid-template-columns: minmax(300px, 30%) 1fr; min-height: 0; }
    #panel ol { list-style: none; margin: 0; padding: 0; }
    .change { border: 1px solid #d9d9d9; border-radius: 5px; padding: 6px 8px; margin: 0 0 6px; cursor: pointer; background: #ffffff; }
    .change:hover, .change:focus { border-color: #5a5a5a; outline: none; }
    .change.selected { border-color: #000000; box-shadow: 0 0 0 2px #d4006a; }
    .change .name { font-weight: bold; margin-top: 3px; }
    .change .summary { margin-top: 2px; }
    .change .details, .nosource { color: #505050; font-size: 12px; margin: 3px 0 0; }
    .change .details { padding-left: 16px; }
    .sources { margin-top: 3px; font-size: 12px; }
    .sources summary { color: #1f4e79; }
    .sources ul { margin: 3px 0 0; padding-left: 16px; }
    .sources li.inferred { font-style: italic; }
    .chip { display: inline-block; font-size: 11px; padding: 1px 6px; border: 1.5px solid #7f7f7f; border-radius: 9px; margin-right: 3px; background: #ffffff; }
    .chip.diff-removed { border-style: dashed; }
    .chip.line-added { border-color: #009e73; }
    .chip.line-announced { border-color: #009e73; border-style: dashed; }
    .chip.line-removed { border-color: #d55e00; border-style: dotted; }
    .notes { padding-left: 16px; color: #505050; }
    #tabs { display: flex; gap: 4px; padding: 6px 10px; border-bottom: 1px solid #c8c8c8; background: #fafafa; align-items: center; }
    #tabs button { font-size: 13px; padding: 4px 12px; border: 1px solid #8a8a8a; background: #ffffff; border-radius: 4px; cursor: pointer; }
    #tabs button[aria-selected="true"] { background: #1f4e79; color: #ffffff; border-color: #1f4e79; }
    #tabs .tools { margin-left: auto; display: flex; gap: 4px; }
    .stage[hidden] { display: none; }
    g.node.hl polygon, g.node.hl path, g.node.hl ellipse { stroke: #d4006a !important; stroke-width: 6px !important; }
    g.node.found polygon, g.node.found path { stroke: #000000 !important; stroke-width: 3px !important; stroke-dasharray: 5 3; }

    """

    /// Tabs (each chart panned and zoomed by `PageAssets.panZoomScript`, which also records
    /// errors), search, and the list of changes highlighting boxes. The body says
    /// `data-ready="yes"` once the page is set up.
    static let script = """
    (function () {
      "use strict";
      var body = document.body;
      var views = {};
      var current = "merged";
      var selected = null;
      Array.prototype.forEach.call(document.querySelectorAll(".stage"), function (stage) {
        var name = stage.getAttribute("data-view");
        views[name] = orgchartPanZoom(stage, stage.querySelector("svg"), function (node) { pick(node.id, name); });
      });
      function zoomCentre(factor) { views[current].zoomCentre(factor); }
      function show(name) {
        current = name;
        Object.keys(views).forEach(function (key) { views[key].stage.hidden = key !== name; });
        Array.prototype.forEach.call(document.querySelectorAll("#tabs [data-view]"), function (button) {
          button.setAttribute("aria-selected", button.getAttribute("data-view") === name ? "true" : "false");
        });
        if (!views[name].fitted) { views[name].fit(); }
        search();
      }
      function idsOf(item, name) {
        var attribute = name === "merged" ? "data-boxes" : "data-" + name;
        return (item.getAttribute(attribute) || "").split(" ").filter(function (id) { return id.length > 0; });
      }
      // Highlights the boxes of a change and, unless `keepView`, centres the chart on the first.
      function select(item, keepView) {
        Array.prototype.forEach.call(document.querySelectorAll(".hl"), function (element) { element.classList.remove("hl"); });
        if (selected) { selected.classList.remove("selected"); }
        selected = item;
        item.classList.add("selected");
        Array.prototype.forEach.call(item.querySelectorAll("details"), function (details) { details.open = true; });
        if (idsOf(item, current).length === 0) { show("merged"); }
        var first = null;
        Object.keys(views).forEach(function (name) {
          idsOf(item, name).forEach(function (id) {
            var element = document.getElementById(id);
            if (element) {
              element.classList.add("hl");
              if (name === current && !first) { first = element; }
            }
          });
        });
        if (first && !keepView) { views[current].centreOn(first); }
        try { history.replaceState(null, "", "#" + item.id); } catch (ignored) { }
      }
      function search() {
        var query = document.getElementById("search").value.trim().toLowerCase();
        var items = document.querySelectorAll("li.change");
        var shown = 0;
        Array.prototype.forEach.call(items, function (item) {
          var match = query === "" || item.textContent.toLowerCase().indexOf(query) >= 0;
          item.hidden = !match;
          if (match) { shown += 1; }
        });
        var found = 0;
        Array.prototype.forEach.call(document.querySelectorAll("g.node"), function (node) {
          var title = node.querySelector("title");
          var text = (node.textContent || "") + " " + (title ? title.textContent : "");
          var match = query !== "" && text.toLowerCase().indexOf(query) >= 0 && node.id.indexOf("orgchart:") < 0;
          node.classList.toggle("found", match);
          if (match && views[current].stage.contains(node)) { found += 1; }
        });
        document.getElementById("search-count").textContent = query === "" ? "" :
          shown + " change" + (shown === 1 ? "" : "s") + ", " + found + " box" + (found === 1 ? "" : "es") + " in this chart";
      }

      Array.prototype.forEach.call(document.querySelectorAll("li.change"), function (item) {
        item.addEventListener("click", function (event) {
          if (event.target.closest("summary")) { return; }
          select(item);
        });
        item.addEventListener("keydown", function (event) { if (event.key === "Enter") { select(item); } });
      });
      Array.prototype.forEach.call(document.querySelectorAll("#tabs [data-view]"), function (button) {
        button.addEventListener("click", function () { show(button.getAttribute("data-view")); });
      });
      document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.25); });
      document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(0.8); });
      document.getElementById("fit").addEventListener("click", function () { views[current].fit(); });
      var input = document.getElementById("search");
      input.addEventListener("input", search);
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") { return; }
        var first = document.querySelector("li.change:not([hidden])");
        if (first) { select(first); first.scrollIntoView({ block: "nearest" }); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.target === input) { return; }
        if (event.key === "+" || event.key === "=") { zoomCentre(1.25); }
        if (event.key === "-") { zoomCentre(0.8); }
        if (event.key === "0") { views[current].fit(); }
      });
      function pick(id, name) {
        var items = document.querySelectorAll("li.change");
        for (var i = 0; i < items.length; i += 1) {
          if (idsOf(items[i], name).indexOf(id) >= 0) {
            select(items[i]);
            items[i].scrollIntoView({ block: "nearest" });
            return;
          }
        }
      }
      window.addEventListener("resize", function () {
        views[current].fit();
        var first = selected ? document.getElementById(idsOf(selected, current)[0] || "") : null;
        if (first) { views[current].centreOn(first); }
      });

      // The page opens on the whole merged chart with the change asked for in the address, or
      // else the first change, highlighted.
      show("merged");
      var wanted = decodeURIComponent(location.hash.replace(/^#/, ""));
      var target = wanted ? document.getElementById(wanted) : null;
      if (!target || !target.classList.contains("change")) { target = document.querySelector("li.change"); }
      if (target) { select(target, true); }
      body.setAttribute("data-ready", "yes");
    })();

    """
}
