import Foundation
import GraphvizRender
import OrgChart
import XCTest

/// Outputs that are the same in every time zone, written only over regular files, and only
/// inside the output directory.
final class OutputSafetyTests: XCTestCase {
    /// Zones with whole, half-hour and quarter-hour offsets, either side of UTC.
    let zones = ["UTC", "Europe/Paris", "Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"]

    /// Runs orgchart with `TZ` set to `zone`.
    func orgchart(_ arguments: [String], zone: String, in directory: URL) throws -> CommandResult {
        try OrgChartTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["TZ=\(zone)", "LC_ALL=C.UTF-8", executablePath()] + arguments, in: directory)
    }

    /// The global `orgchart` runner, which the zone-setting one above hides.
    func orgchartCommand(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try OrgChartTests.orgchart(arguments, in: directory)
    }

    func executablePath() -> String {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("orgchart").path
        }
        return Bundle.main.bundleURL.appendingPathComponent("orgchart").path
    }

    func testPDFsAreIdenticalInEveryTimeZone() throws {
        let directory = try temporaryDirectory(self)
        let variants: [(String, [String])] = [
            ("tidy", ["render", "-o", "chart.pdf"]),
            ("graphviz", ["render", "--drawing", "graphviz", "-o", "chart.pdf"]),
            ("paged", ["render", "dpo-2019", "--page", "A4", "-o", "chart.pdf"]),
        ]
        for (variant, arguments) in variants {
            var first: Data?
            for zone in zones {
                let result = try orgchart(arguments, zone: zone, in: directory)
                XCTAssertEqual(result.status, 0, result.stderr)
                let bytes = try Data(contentsOf: directory.appendingPathComponent("chart.pdf"))
                XCTAssertTrue(Self.crossReferencesAreValid([UInt8](bytes)), "\(variant) in \(zone): the xref table points beside its objects")
                if let first { XCTAssertEqual(bytes, first, "\(variant): the PDF rendered in \(zone) differs from the one rendered in UTC") } else { first = bytes }
                XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("/CreationDate (D:20000101000000Z)"))
            }
        }
    }

    /// PowerPoint, draw.io and interactive pages carry no date or zone: the same bytes in every
    /// time zone and locale.
    func testEditableFormatsAreIdenticalInEveryTimeZoneAndLocale() throws {
        let directory = try temporaryDirectory(self)
        for name in ["chart.pptx", "chart.drawio", "chart.html"] {
            var first: Data?
            for (zone, locale) in zip(zones, ["C.UTF-8", "fr_FR.UTF-8", "hi_IN.UTF-8", "C", "de_DE.UTF-8", "C.UTF-8"]) {
                let result = try OrgChartTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["TZ=\(zone)", "LC_ALL=\(locale)", executablePath(),
                                                                                         "render", "--view", "accountability", "-o", name], in: directory)
                XCTAssertEqual(result.status, 0, result.stderr)
                let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
                if let first { XCTAssertEqual(bytes, first, "\(name) rendered in \(zone), \(locale) differs from the one rendered in UTC") } else { first = bytes }
            }
        }
    }

    func testBuildCheckPassesWhenTheChartsWereBuiltInAnotherZone() throws {
        let directory = try temporaryDirectory(self)
        try write("output: Out\ncharts:\n  - name: dpko\n    formats: [pdf]\n  - name: dpko-gv\n    drawing: graphviz\n    formats: [pdf]\n", to: "orgchart.yml", in: directory)
        XCTAssertEqual(try orgchart(["build"], zone: "Asia/Kolkata", in: directory).status, 0)
        let check = try orgchart(["build", "--check"], zone: "America/St_Johns", in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testDateRewriteKeepsOffsetsOfAHandMadePDF() {
        let body = "%PDF-1.5\n1 0 obj\n<< /CreationDate (D:20261201142900+01'00) >>\nendobj\n2 0 obj\n<< /Type /Catalog >>\nendobj\n"
        let second = body.utf8.count - "2 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8.count
        let table = body.utf8.count
        let pdf = body + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n\(String(format: "%010d", second)) 00000 n \ntrailer\n<< /Size 3 /Info 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        let fixed = PDFDates.fixed(Array(pdf.utf8))
        XCTAssertTrue(Self.crossReferencesAreValid(fixed))
        XCTAssertEqual(fixed.count, pdf.utf8.count - 5)
    }

    /// True when the classic xref table named by `startxref` points at `N 0 obj` for each object in use.
    static func crossReferencesAreValid(_ pdf: [UInt8]) -> Bool {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let marker = text.range(of: "startxref\n", options: .backwards),
              let table = Int(text[marker.upperBound...].prefix { $0.isNumber }) else { return false }
        let bytes = Array(pdf)
        guard table + 4 < bytes.count, String(decoding: bytes[table..<table + 4], as: UTF8.self) == "xref" else { return false }
        let lines = String(decoding: bytes[table...], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[1].split(separator: " ")
        guard header.count == 2, let firstObject = Int(header[0]), let count = Int(header[1]) else { return false }
        for index in 0..<count {
            let entry = lines[2 + index]
            guard entry.hasSuffix("n ") || entry.hasSuffix("n") else { continue }
            guard let offset = Int(entry.prefix(10)) else { return false }
            let object = String(decoding: bytes[offset..<min(bytes.count, offset + 16)], as: UTF8.self)
            if !object.hasPrefix("\(firstObject + index) 0 obj") { return false }
        }
        return true
    }

    func testOutputsNeverReplaceSomethingThatIsNotARegularFile() throws {
        let directory = try temporaryDirectory(self)
        let fifo = directory.appendingPathComponent("chart.svg").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = try orgchartCommand(["render", "-o", fifo])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("not a regular file"), result.stderr)
        var status = stat()
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
        let folder = directory.appendingPathComponent("folder.svg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try orgchartCommand(["render", "-o", folder.path]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["chart.svg", "folder.svg"], "a temporary file was left behind")
    }

    func testASymlinkToAFileIsWrittenThroughAndAPlantedTemporaryLinkIsNotFollowed() throws {
        let directory = try temporaryDirectory(self)
        let real = directory.appendingPathComponent("real.svg").path
        try write("old", to: "real.svg", in: directory)
        let link = directory.appendingPathComponent("link.svg").path
        XCTAssertEqual(symlink("real.svg", link), 0)
        try OutputFile.write(Array("new".utf8), to: link)
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.svg", "the link was replaced by a file")

        let victim = directory.appendingPathComponent("victim").path
        for attempt in 0..<3 {
            XCTAssertEqual(symlink(victim, directory.appendingPathComponent(".chart.svg.\(getpid()).\(attempt).tmp").path), 0)
        }
        try OutputFile.write(Array("chart".utf8), to: directory.appendingPathComponent("chart.svg").path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: victim), "the write followed a planted symlink")
        XCTAssertEqual(try String(contentsOfFile: directory.appendingPathComponent("chart.svg").path, encoding: .utf8), "chart")
    }

    func testChartNamesStayInsideTheOutputDirectory() throws {
        XCTAssertNil(OutputFile.safeName("../x"))
        XCTAssertNil(OutputFile.safeName("a/../../x"))
        XCTAssertNil(OutputFile.safeName("/etc/x"))
        XCTAssertNil(OutputFile.safeName("./"))
        XCTAssertEqual(OutputFile.safeName("./a"), "a")
        XCTAssertEqual(OutputFile.safeName("sub//a"), "sub/a")

        let directory = try temporaryDirectory(self)
        let project = directory.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try write("output: Out\ncharts:\n  - name: ../../escaped\n", to: "orgchart.yml", in: project)
        let escaping = try orgchartCommand(["build"], in: project)
        XCTAssertEqual(escaping.status, 1)
        XCTAssertTrue(escaping.stderr.contains("orgchart.yml:3:11"), escaping.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escaped.svg").path))

        try write("output: Out\ncharts:\n  - name: a\n  - name: ./a\n", to: "orgchart.yml", in: project)
        let colliding = try orgchartCommand(["build"], in: project)
        XCTAssertEqual(colliding.status, 1)
        XCTAssertTrue(colliding.stderr.contains("two charts are named 'a'"), colliding.stderr)

        let diff = try orgchartCommand(["diff", "dpko-2008", "dpko-2010", "-o", "review", "--name", "../escaped"], in: project)
        XCTAssertEqual(diff.status, 64, "a wrong command line is a usage error")
        XCTAssertTrue(diff.stderr.contains("outside the output directory"), diff.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("escaped.svg").path))
    }
}
