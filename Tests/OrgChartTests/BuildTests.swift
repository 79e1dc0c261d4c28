import Foundation
import OrgChart
import XCTest

final class BuildTests: XCTestCase {
    func manifest(in directory: URL) throws {
        try write(smallModel, to: "small.yaml", in: directory)
        try write("""
        output: Output
        charts:
          - name: small
            model: small.yaml
            view: organigramme
            formats: [svg, pdf]
          - name: small-division
            model: small.yaml
            root: div-a
            formats: [svg]
        """, to: "orgchart.yml", in: directory)
    }

    func testBuildWritesSkipsUnchangedAndChecksStaleness() throws {
        let directory = try temporaryDirectory(self)
        try manifest(in: directory)
        let first = try orgchart(["build"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").filter { $0.hasPrefix("written") }.count, 3, first.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/small.pdf").path))

        let second = try orgchart(["build"], in: directory)
        XCTAssertEqual(second.stdout.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count, 3, second.stdout)
        XCTAssertEqual(try orgchart(["build", "--check"], in: directory).status, 0)

        // The department's abbreviation changes; the division's chart does not show the department.
        try write(smallModel.replacingOccurrences(of: "abbreviation: SD", with: "abbreviation: SmD"), to: "small.yaml", in: directory)
        let check = try orgchart(["build", "--check"], in: directory)
        XCTAssertEqual(check.status, 2, "a stale chart fails the check with status 2: \(check.stderr)")
        XCTAssertTrue(check.stdout.contains("stale     Output/small.svg"), check.stdout)
        XCTAssertTrue(check.stderr.contains("2 charts to rebuild: 2 stale (Output/small.svg, Output/small.pdf)\n"), check.stderr)
        XCTAssertTrue(check.stdout.contains("current   Output/small-division.svg"), "the division chart does not show the department: \(check.stdout)")

        let third = try orgchart(["build"], in: directory)
        XCTAssertTrue(third.stdout.contains("written   Output/small.svg"), third.stdout)
        XCTAssertTrue(third.stdout.contains("unchanged Output/small-division.svg"), third.stdout)
        let svg = try String(contentsOfFile: directory.appendingPathComponent("Output/small.svg").path, encoding: .utf8)
        XCTAssertTrue(svg.contains("(SmD)"))

        // A chart orgchart draws itself is drawn again every time: an output that differs from
        // what this orgchart draws is rewritten even when the stamps say it is up to date.
        try write("an older drawing", to: "Output/small-division.svg", in: directory)
        let stamps = try String(contentsOfFile: directory.appendingPathComponent("Output/.orgchart-stamps").path, encoding: .utf8)
        let fourth = try orgchart(["build"], in: directory)
        XCTAssertTrue(fourth.stdout.contains("written   Output/small-division.svg"), fourth.stdout)
        XCTAssertTrue(fourth.stdout.contains("unchanged Output/small.svg"), fourth.stdout)
        XCTAssertEqual(try String(contentsOfFile: directory.appendingPathComponent("Output/.orgchart-stamps").path, encoding: .utf8), stamps,
                       "the stamps do not depend on the orgchart executable, so a fresh build of the same charts leaves them as they are")
    }

    func testBuildWritesTheSameFilesAndResultsWithOneWorkerAndWithMany() throws {
        let charts = """
        output: Output
        charts:
          - name: small
            model: small.yaml
            formats: [svg, pdf, png]
          - name: dpko
            model: dpko-2010
            formats: [svg, pdf, png]
          - name: dpko-accountability
            model: dpko-2010
            view: accountability
            formats: [svg, pdf]
          - name: small-division
            model: small.yaml
            root: div-a
            page: A4
            formats: [pdf, svg]
          - name: matrix
            model: dpko-2010
            view: services-matrix
            formats: [png]
        """
        var built: [[String: Data]] = []
        for workers in [1, 4] {
            let directory = try temporaryDirectory(self)
            try write(smallModel, to: "small.yaml", in: directory)
            let manifestPath = try write(charts, to: "orgchart.yml", in: directory)
            // Model paths are relative to the working directory, as on the command line.
            let previous = FileManager.default.currentDirectoryPath
            XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory.path))
            defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
            let manifest = try Manifest.load(file: manifestPath)
            let results = try OrgBuild.Build(manifest: manifest).run(workers: workers)
            let expected = manifest.entries.flatMap { entry in entry.formats.map { "Output/\(entry.name).\($0.rawValue)" } }
            XCTAssertEqual(results.map(\.path), expected, "results in manifest order with \(workers) workers")
            XCTAssertEqual(Set(results.map(\.outcome)), [.written])
            var files: [String: Data] = [:]
            for path in expected + ["Output/\(OrgBuild.Build.stampsFile)"] {
                files[path] = try Data(contentsOf: directory.appendingPathComponent(path))
            }
            built.append(files)
            let again = try OrgBuild.Build(manifest: manifest).run(workers: workers)
            XCTAssertEqual(again.map(\.path), expected)
            XCTAssertEqual(Set(again.map(\.outcome)), [.unchanged])
        }
        XCTAssertEqual(built[0].keys.sorted(), built[1].keys.sorted())
        for (path, bytes) in built[0] { XCTAssertEqual(bytes, built[1][path], "\(path) is the same with 1 and 4 workers") }
    }

    func testABuildStopsAtTheFirstFailingChartInManifestOrder() throws {
        let directory = try temporaryDirectory(self)
        try write(smallModel, to: "small.yaml", in: directory)
        try write("""
        charts:
          - name: first
            model: small.yaml
          - name: broken
            model: missing.yaml
          - name: last
            model: small.yaml
        """, to: "orgchart.yml", in: directory)
        let result = try orgchart(["build", "--jobs", "3"], in: directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("chart 'broken'"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/first.svg").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/last.svg").path))
        XCTAssertEqual(try orgchart(["build", "--jobs", "0"], in: directory).status, 64)
    }

    func testManifestErrorsAreLocated() throws {
        let directory = try temporaryDirectory(self)
        try write("charts:\n  - name: x\n    veiw: organigramme\n    formats: [svg, gif]\n", to: "orgchart.yml", in: directory)
        let result = try orgchart(["build"], in: directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("orgchart.yml:3:5: error: unknown key 'veiw'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown format 'gif'"), result.stderr)
    }

    func testRenderCommandFormatsAndStandardOutput() throws {
        let directory = try temporaryDirectory(self)
        let model = try write(smallModel, to: "small.yaml", in: directory)
        for name in ["a.svg", "a.pdf", "a.png", "a.dot"] {
            let result = try orgchart(["render", model, "-o", directory.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let png = try Data(contentsOf: directory.appendingPathComponent("a.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let dot = try orgchart(["render", model, "--format", "dot", "-o", "-"])
        XCTAssertTrue(dot.stdout.hasPrefix("digraph \"small-organigramme\""), dot.stdout)
        let unknown = try orgchart(["render", model, "--root", "div-c", "-o", directory.appendingPathComponent("b.svg").path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no unit with id 'div-c'"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.svg").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary files remain")
    }
}
