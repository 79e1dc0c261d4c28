// Builds a small organization in code, renders its organigramme as SVG and PDF bytes in
// memory, checks them and the error a broken model gives, and writes the SVG to the path given
// as the first argument, if any.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OrgChart

let charter = Citation(document: "charter", section: "1")
let model = Model(
    id: "example", title: "Department of Examples", date: "2026-01-01", root: "dept",
    documents: [Document(id: "charter", title: "Charter of the Department of Examples", date: "2026-01-01")],
    units: [
        Unit(id: "dept", name: "Department of Examples", kind: .department,
             head: Post(id: "usg", title: "Under-Secretary-General"), source: charter),
        Unit(id: "policy", name: "Policy Division", kind: .division, parent: "dept", source: charter),
        Unit(id: "operations", name: "Operations Division", kind: .division, parent: "dept", source: charter),
        Unit(id: "planning", name: "Planning Section", kind: .section, parent: "operations", source: charter),
    ]
)

do {
    let chart = try model.chart(.organigramme, style: ChartStyle(theme: Theme.named("print")))
    let svg = try chart.render(.svg), pdf = try chart.render(.pdf)
    let text = String(decoding: svg, as: UTF8.self)
    var problems: [String] = []
    if !text.contains("<svg") { problems.append("the SVG has no <svg> element") }
    for unit in model.units where !text.contains(unit.name) { problems.append("the SVG does not name \(unit.name)") }
    if !pdf.starts(with: Array("%PDF-".utf8)) { problems.append("the PDF does not start with %PDF-") }
    if chart.placed.frames.count != model.units.count { problems.append("\(chart.placed.frames.count) boxes placed, not \(model.units.count)") }
    // A unit whose parent is not in the model: the error names it, with no file to point at.
    do {
        _ = try Model(id: "broken", title: "Broken", root: "a",
                      units: [Unit(id: "a", name: "A", kind: .office), Unit(id: "b", name: "B", kind: .unit, parent: "nowhere")]).chart()
        problems.append("a unit under a missing parent was drawn")
    } catch {
        if !error.diagnostics.contains(where: { $0.subject == "b" }) { problems.append("the error does not name unit b: \(error)") }
    }
    guard problems.isEmpty else {
        print("HelloChart: " + problems.joined(separator: "; "))
        exit(1)
    }
    if CommandLine.arguments.count > 1 { try OutputFile.write(svg, to: CommandLine.arguments[1]) }
    print("HelloChart: \(model.title): \(chart.placed.frames.count) boxes; SVG \(svg.count) bytes, PDF \(pdf.count) bytes")
} catch {
    print("HelloChart: \(error)")
    exit(1)
}
