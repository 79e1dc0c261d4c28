import Foundation
import DOTWriter
import OrgChart
import OrgModel
import OrgTemplates
import Placement
import SVGWriter
import XCTest

/// Hostile model and theme files end quickly with a located error, never a hang, an explosion of
/// memory or a crash.
final class BoundsTests: XCTestCase {
    /// "Billion laughs": ten levels of nine aliases, 3.5 billion scalars once written out.
    static let aliasBomb = (["model: bomb", "title: Bomb", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + (1...9).map { "a\($0): &a\($0) [\(Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", "))]" }).joined(separator: "\n") + "\n"

    /// Loads `text` as the model file `model.yaml` and returns its diagnostics as `LINE:COLUMN message`.
    private func errors(of text: String) -> [String] {
        ModelLoader.load(file: "model.yaml") { _ in text }.diagnostics.filter { $0.severity == .error }
            .map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
    }

    func testAliasBombEndsQuicklyWithALocatedError() throws {
        let start = Date()
        let found = errors(of: Self.aliasBomb)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("8:") == true && found.first?.contains("aliases written out") == true, "\(found)")

        let directory = try temporaryDirectory(self)
        let path = try write(Self.aliasBomb, to: "bomb.yaml", in: directory)
        let result = try orgchart(["render", path, "-o", directory.appendingPathComponent("bomb.svg").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bomb.yaml:8:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: an alias"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("bomb.svg").path))
    }

    func testAliasesInFunctionsAndNamesAreBounded() {
        // A list of functions repeated by 2,000 units, and a long name repeated as 2,000 names.
        let functions = (0..<200).map { "function \($0) of a long list" }.joined(separator: ", ")
        var text = smallModel + "\n"
        text = text.replacingOccurrences(of: "    source: doc §3.2\n", with: "    source: doc §3.2\n    functions: &f [\(functions)]\n")
        let units = (0..<2000).map { "  - {id: u\($0), name: U\($0), kind: unit, parent: dept, source: doc §5, functions: *f}" }
        let withFunctions = text.replacingOccurrences(of: "relationships:", with: units.joined(separator: "\n") + "\nrelationships:")
        let start = Date()
        XCTAssertTrue(errors(of: withFunctions).contains { $0.contains("aliases written out") })

        let long = String(repeating: "Name ", count: 40_000)
        let names = "  - {id: n0, name: &n \"\(long)\", kind: unit, parent: dept, source: doc §5}\n"
            + (1..<2000).map { "  - {id: n\($0), name: *n, kind: unit, parent: dept, source: doc §5}" }.joined(separator: "\n")
        let withNames = text.replacingOccurrences(of: "relationships:", with: names + "\nrelationships:")
        XCTAssertTrue(errors(of: withNames).contains { $0.contains("aliases written out") })
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)

        // Without aliases, one value of 200,000 bytes is refused where it is.
        let once = text.replacingOccurrences(of: "name: Division B", with: "name: \(long)")
        XCTAssertEqual(errors(of: once), ["22:11 the value of 'name' is 199999 bytes long; a value has at most 10000"])
    }

    func testAFewAliasesStillWork() {
        let text = smallModel.replacingOccurrences(of: "    source: doc §2.1\n  - id: div-a", with: "    source: &s doc §2.1\n  - id: div-a")
            .replacingOccurrences(of: "    source: doc §4.1", with: "    source: *s")
        XCTAssertEqual(errors(of: text), [])
    }

    func testModelThatIsNotUTF8IsLocated() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("latin.yaml").path
        try Data("model: latin\ntitle: D\u{E9}partement\n".utf8.map { $0 }.replacingUTF8(with: [0xE9])).write(to: URL(fileURLWithPath: path))
        let loaded = ModelLoader.load(file: path)
        XCTAssertEqual(loaded.diagnostics.map(\.location), [SourceLocation(file: path, line: 2, column: 9)])
        XCTAssertTrue(loaded.diagnostics.first?.message.contains("not UTF-8") == true)
        let result = try orgchart(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("latin.yaml:2:9: error: the model file is not UTF-8 text"), result.stderr)
    }

    func testEndlessInputIsCutAtTheLimit() throws {
        let start = Date()
        let result = try orgchart(["validate", "/dev/zero"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("/dev/zero:1:1: error: the model file is larger than 64 MB"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    func testEndlessStandardInputOfTheBulletinImporterIsCutAtItsLimit() throws {
        let directory = try temporaryDirectory(self)
        let result = try orgchart(["import", "bulletin", "-", "-o", directory.appendingPathComponent("model.yaml").path],
                                  input: FileHandle(forReadingAtPath: "/dev/zero"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("<stdin>:1:1: error: the bulletin is larger than 2000000 bytes"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.yaml").path))
    }

    /// Theme files whose values are out of range, unknown or of the wrong shape, each with the
    /// error expected at its line and column.
    static let badThemes: [(text: String, error: String)] = [
        ("extends: default\nboxes:\n  default: {penwidth: 1e30}\n", "3:23: error: 'penwidth' must be a number from 0 to 20, not '1e30'"),
        ("extends: default\ntitle-size: .inf\n", "2:13: error: 'title-size' must be a number from 4 to 72, not '.inf'"),
        ("extends: default\ntitle-size: 1e308\n", "2:13: error: 'title-size' must be a number from 4 to 72, not '1e308'"),
        ("extends: default\ndetail-size: .nan\n", "2:14: error: 'detail-size' must be a number from 4 to 72, not '.nan'"),
        ("extends: default\nheading-size: -3\n", "2:15: error: 'heading-size' must be a number from 4 to 72, not '-3'"),
        ("extends: default\ntitle-sise: 12\n", "2:1: error: unknown key 'title-sise' in a theme\n    hint: did you mean 'title-size'?"),
        ("extends: default\nfooter-size: [7]\n", "2:14: error: 'footer-size' must be a single value"),
        ("extends: default\nlines:\n  contains: {colour: \"#000000\"}\n", "3:14: error: unknown key 'colour' in the style 'contains' of 'lines'\n    hint: did you mean 'color'?"),
        ("extends: default\nstack-leaves: 2.5\n", "2:15: error: 'stack-leaves' must be a whole number from 0 to 1000"),
        ("extends: default\nhang-below: -1\n", "2:13: error: 'hang-below' must be a whole number from 0 to 100"),
        ("extends: default\nlayout: {ranksep: 1e9}\n", "2:19: error: 'layout.ranksep' must be a distance from 0 to 10 inches, not '1e9'"),
        ("extends: default\nlayout: {dpi: 9000}\n", "2:10: error: unknown key 'dpi' in 'layout'"),
        ("extends: default\nboxes: {unit: {fill: 'red; x'}}\n", "2:22: error: 'boxes.unit.fill' is not a colour: 'red; x'"),
        ("extends: nowhere\n", "1:10: error: no theme 'nowhere'"),
    ]

    func testBadThemeValuesAreLocatedErrors() throws {
        let directory = try temporaryDirectory(self)
        for (index, bad) in Self.badThemes.enumerated() {
            let path = try write(bad.text, to: "theme\(index).yaml", in: directory)
            XCTAssertThrowsError(try Theme.load(path)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path):\(bad.error)"), "\(error)")
            }
        }
    }

    func testBadThemesFailThroughTheCommandLine() throws {
        let directory = try temporaryDirectory(self)
        for (index, bad) in Self.badThemes.enumerated() {
            let path = try write(bad.text, to: "theme\(index).yaml", in: directory)
            let output = directory.appendingPathComponent("chart\(index).svg").path
            let result = try orgchart(["render", "--template", path, "-o", output])
            XCTAssertEqual(result.status, 1, bad.text)
            XCTAssertTrue(result.stderr.contains("\(path):\(bad.error)"), result.stderr)
            XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("Backtracing") || result.stderr.contains("CRITICAL"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "no output for \(bad.text)")
        }
    }

    func testThemeErrorsAreLocatedInTheFileOfTheChainThatHoldsThem() throws {
        let directory = try temporaryDirectory(self)
        let base = try write("extends: print\nboxes:\n  unit: {penwidth: 99}\n", to: "base.yaml", in: directory)
        let mine = try write("extends: \(base)\ntitle-size: 0\n", to: "mine.yaml", in: directory)
        XCTAssertThrowsError(try Theme.load(mine)) { error in
            let lines = "\(error)".split(separator: "\n").filter { !$0.hasPrefix(" ") }
            XCTAssertEqual(lines, ["\(base):3:20: error: 'penwidth' must be a number from 0 to 20, not '99'",
                                   "\(mine):2:13: error: 'title-size' must be a number from 4 to 72, not '0'"])
        }
    }

    func testThemeAliasBombAndHugeThemeAreRefused() throws {
        let directory = try temporaryDirectory(self)
        let bomb = try write(Self.aliasBomb.replacingOccurrences(of: "model: bomb\ntitle: Bomb\n", with: "extends: default\n"), to: "bomb.yaml", in: directory)
        XCTAssertThrowsError(try Theme.load(bomb)) { XCTAssertTrue("\($0)".hasPrefix("\(bomb):7:"), "\($0)") }
        let huge = try write("extends: default\n" + String(repeating: "# padding\n", count: 110_000), to: "huge.yaml", in: directory)
        XCTAssertThrowsError(try Theme.load(huge)) { XCTAssertTrue("\($0)".hasPrefix("\(huge):1:1: error: the theme is larger than 1 MB"), "\($0)") }
    }

    func testBuiltinThemesStillLoad() throws {
        for name in Theme.builtinNames { XCTAssertNoThrow(try Theme.load(name), name) }
        XCTAssertEqual(try Theme.load("default").layout, ["nodesep": "0.22", "ranksep": "0.32", "splines": "polyline"])
    }

    func testHugePenWidthsNeverTrapTheWriters() throws {
        var theme = try Theme.load("default")
        theme.boxes["default"]?.penwidth = 1e30
        theme.lines["default"]?.penwidth = .infinity
        let chart = try ChartSpec().prepare().chart
        let svg = String(decoding: SVGWriter.svg(PlacedChart(chart: chart, theme: theme)), as: UTF8.self)
        XCTAssertTrue(svg.contains("stroke-width=\"1000000000000000\""), "clamped, not trapped")
        XCTAssertTrue(DOTWriter(theme: theme).write(chart).contains("penwidth=1000000000000000"))
    }
}

private extension Array where Element == UInt8 {
    /// The bytes with the UTF-8 encoding of é replaced by `bytes`.
    func replacingUTF8(with bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [], index = startIndex
        while index < endIndex {
            if self[index] == 0xC3, index + 1 < endIndex, self[index + 1] == 0xA9 { result += bytes; index += 2 } else { result.append(self[index]); index += 1 }
        }
        return result
    }
}
