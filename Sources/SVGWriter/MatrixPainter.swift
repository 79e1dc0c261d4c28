import Placement
import ChartGraph
import MatrixLayout
import OrgTemplates
import TidyTree

/// Paints a sheet of a matrix, as `MatrixLayout` placed it, on any canvas: group bands in the
/// theme's look for frames, grid rules, text, and one symbol per mark in the theme's look for
/// its kind (filled when stated, hollow when inferred), each with its tooltip.
struct MatrixPainter {
    let chart: Chart
    let sheet: MatrixSheet
    let theme: Theme

    /// Colours and widths of the rules between rows and columns, and between groups.
    static let rule = Paint(fill: nil, stroke: "#d0d7de", width: 0.5), groupRule = Paint(fill: nil, stroke: "#7f7f7f", width: 0.9)

    var width: Double { sheet.width }
    var height: Double { sheet.height }

    func paint<C: Canvas>(on canvas: inout C) {
        let marks = chart.matrix?.marks ?? []
        for shape in sheet.shapes {
            switch shape {
            case let .band(frame, style):
                let look = BoxShape(theme.group(style))
                canvas.rect(frame, radius: 0, paint: Paint(fill: look.fill == "none" ? nil : look.fill, stroke: look.fill == "none" ? "none" : look.fill, width: 0.5))
            case let .rule(from, to, strong):
                canvas.path([from, to], closed: false, paint: strong ? Self.groupRule : Self.rule)
            case .text(let text):
                if text.turned {
                    canvas.turnedText(text.text, x: text.x, baseline: text.baseline, size: text.size, bold: text.bold, color: nil)
                } else {
                    canvas.text(text.text, x: text.x, baseline: text.baseline, size: text.size, bold: text.bold, color: nil, anchor: Placement.TextAnchor(rawValue: text.anchor.rawValue) ?? .start)
                }
            case let .mark(index, center, size):
                let mark = marks[index]
                let element = ChartElement.mark(id: "mark:\(chart.matrix!.rows[mark.row].id)->\(chart.matrix!.columns[mark.column].id):\(mark.style)",
                                                style: mark.style + (mark.inferred ? " inferred" : ""), tooltip: mark.tooltip)
                canvas.begin(element)
                symbol(mark.style, inferred: mark.inferred, center: center, size: size, on: &canvas)
                canvas.end(element)
            case let .sample(style, inferred, center, size):
                symbol(style, inferred: inferred, center: center, size: size, on: &canvas)
            case let .section(section, begins):
                let element: ChartElement = section == .title ? .title : .legend
                if begins { canvas.begin(element) } else { canvas.end(element) }
            }
        }
    }

    /// The symbol of `style` centred at `center`, `size` points across.
    func symbol<C: Canvas>(_ style: String, inferred: Bool, center: ChartPoint, size: Double, on canvas: inout C) {
        let look = theme.mark(style)
        let color = look.color ?? "#000000"
        let paint = Paint(fill: inferred ? "#ffffff" : color, stroke: color, width: inferred ? 1 : 0.6)
        let r = size / 2
        func points(_ offsets: [(Double, Double)]) -> [ChartPoint] { offsets.map { ChartPoint(x: center.x + $0.0 * r, y: center.y + $0.1 * r) } }
        switch look.symbol ?? "circle" {
        case "square":
            canvas.rect(BoxFrame(center: center, width: size * 0.84, height: size * 0.84), radius: 0, paint: paint)
        case "triangle":
            canvas.path(points([(0, -1), (1, 0.8), (-1, 0.8)]), closed: true, paint: paint)
        case "diamond":
            canvas.path(points([(0, -1), (1, 0), (0, 1), (-1, 0)]), closed: true, paint: paint)
        case "cross":
            let a = 0.36
            canvas.path(points([(-a, -1), (a, -1), (a, -a), (1, -a), (1, a), (a, a), (a, 1), (-a, 1), (-a, a), (-1, a), (-1, -a), (-a, -a)]), closed: true, paint: paint)
        default:
            canvas.ellipse(BoxFrame(center: center, width: size * 0.9, height: size * 0.9), paint: paint)
        }
    }
}
