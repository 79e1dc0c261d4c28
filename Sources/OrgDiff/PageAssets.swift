/// What orgchart's HTML pages share — the review page of a restructuring and the interactive
/// chart: the head of the document, the layout of header, side panel and chart, and the pan and
/// zoom of an inline SVG chart.
public enum PageAssets {
    /// The document up to the opening `<body>`: language, character set, viewport, the escaped
    /// `title` and the style sheet `style`.
    public static func head(title: String, style: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(ReviewPage.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
    }

    /// A header over the whole width, then a side panel with a search box and the chart viewer.
    public static let style = """
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; }
    body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; background: #ffffff; display: flex; flex-direction: column; }
    header { padding: 10px 18px 8px; border-bottom: 1px solid #c8c8c8; background: #f4f6f8; }
    header h1 { font-size: 19px; margin: 0 0 2px; }
    header p { margin: 2px 0; font-size: 13px; }
    #panel { overflow-y: auto; border-right: 1px solid #c8c8c8; padding: 10px 12px 24px; font-size: 13px; }
    #panel h2 { font-size: 14px; margin: 14px 0 6px; }
    #search { width: 100%; font-size: 14px; padding: 6px 8px; border: 1px solid #8a8a8a; border-radius: 4px; }
    #search-count { margin: 4px 0 0; color: #555555; min-height: 1em; }
    #viewer { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
    .stage { flex: 1; position: relative; overflow: hidden; cursor: grab; background: #ffffff; touch-action: none; }
    .stage.dragging { cursor: grabbing; }
    .stage > svg { position: absolute; left: 0; top: 0; transform-origin: 0 0; }

    """

    /// The zoom buttons of the viewer's tool bar: in, out, fit to the window.
    public static let zoomButtons = "<button type=\"button\" id=\"zoom-in\" title=\"Zoom in (+)\">+</button>"
        + "<button type=\"button\" id=\"zoom-out\" title=\"Zoom out (-)\">−</button>"
        + "<button type=\"button\" id=\"fit\" title=\"Fit to window (0)\">Fit</button>"

    /// Records every script error on the body (`data-errors`), where tests read them; then
    /// `orgchartPanZoom(stage, svg, onPick)`: the view of an SVG chart inside the element
    /// `stage`, moved and scaled as one layer — dragged to pan, the wheel zooming about the
    /// pointer — with `fit()`, `zoomAt(factor, x, y)`, `zoomCentre(factor)` and
    /// `centreOn(element)`; a click on a box (without dragging) calls `onPick` with its `g.node`.
    public static let panZoomScript = """
    window.addEventListener("error", function (event) {
      document.body.setAttribute("data-errors", (document.body.getAttribute("data-errors") || "") + String(event.message) + "\\n");
    });
    function orgchartPanZoom(stage, svg, onPick) {
      "use strict";
      var view = { stage: stage, svg: svg, scale: 1, x: 0, y: 0, fitted: false };
      view.apply = function () {
        if (svg) { svg.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.scale + ")"; }
      };
      view.fit = function () {
        if (!svg) { return; }
        var box = stage.getBoundingClientRect();
        var width = svg.width.baseVal.value || 1, height = svg.height.baseVal.value || 1;
        view.scale = Math.min(box.width / width, box.height / height) * 0.97;
        view.x = (box.width - width * view.scale) / 2;
        view.y = Math.max(4, (box.height - height * view.scale) / 2);
        view.fitted = true;
        view.apply();
      };
      view.zoomAt = function (factor, cx, cy) {
        var scale = Math.min(12, Math.max(0.01, view.scale * factor));
        view.x = cx - (cx - view.x) * (scale / view.scale);
        view.y = cy - (cy - view.y) * (scale / view.scale);
        view.scale = scale;
        view.apply();
      };
      view.zoomCentre = function (factor) {
        var box = stage.getBoundingClientRect();
        view.zoomAt(factor, box.width / 2, box.height / 2);
      };
      view.centreOn = function (element) {
        var stageBox = stage.getBoundingClientRect();
        if (view.scale < 0.8) { view.zoomAt(0.9 / view.scale, stageBox.width / 2, stageBox.height / 2); }
        var box = element.getBoundingClientRect();
        view.x += stageBox.left + stageBox.width / 2 - (box.left + box.width / 2);
        view.y += stageBox.top + stageBox.height / 2 - (box.top + box.height / 2);
        view.apply();
      };
      var drag = null;
      stage.addEventListener("wheel", function (event) {
        event.preventDefault();
        var box = stage.getBoundingClientRect();
        view.zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
      }, { passive: false });
      stage.addEventListener("pointerdown", function (event) {
        drag = { x: event.clientX, y: event.clientY, moved: false };
        stage.classList.add("dragging");
      });
      stage.addEventListener("pointermove", function (event) {
        if (!drag) { return; }
        view.x += event.clientX - drag.x;
        view.y += event.clientY - drag.y;
        drag.moved = drag.moved || Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 2;
        drag.x = event.clientX;
        drag.y = event.clientY;
        view.apply();
      });
      stage.addEventListener("pointerup", function (event) {
        if (drag && !drag.moved && onPick) {
          var node = event.target.closest ? event.target.closest("g.node") : null;
          if (node) { onPick(node); }
        }
        drag = null;
        stage.classList.remove("dragging");
      });
      stage.addEventListener("pointerleave", function () { drag = null; stage.classList.remove("dragging"); });
      return view;
    }

    """
}
