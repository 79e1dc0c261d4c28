import Foundation
import OrgModel
import XCTest
import Yams

/// The conventions of the command line: standard input, --version, formats from extensions,
/// where diagnostics go, exit statuses, and the machine-readable reports CI reads.
final class CommandLineTests: XCTestCase {
    /// `path` opened as standard input for a command.
    func input(_ path: String) throws -> FileHandle { try XCTUnwrap(FileHandle(forReadingAtPath: path)) }

    func testModelDashReadsStandardInputLikeAFile() throws {
        let directory = try temporaryDirectory(self)
        let model = try write(smallModel, to: "small.yaml", in: directory)
        XCTAssertEqual(try orgchart(["render", model, "-o", "file.svg"], in: directory).status, 0)
        let piped = try orgchart(["render", "-", "-o", "stdin.svg"], in: directory, input: input(model))
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let devStdin = try orgchart(["render", "/dev/stdin", "-o", "dev.svg"], in: directory, input: input(model))
        XCTAssertEqual(devStdin.status, 0, devStdin.stderr)
        let file = try Data(contentsOf: directory.appendingPathComponent("file.svg"))
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("stdin.svg")), file, "the same chart from standard input")
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("dev.svg")), file, "the same chart from /dev/stdin")

        let query = try orgchart(["query", "units", "-"], input: input(model))
        XCTAssertEqual(query.status, 0, query.stderr)
        XCTAssertTrue(query.stdout.contains("div-a\tdivision\tDivision A"), query.stdout)

        let diff = try orgchart(["diff", "dpko-2008", "-", "--json", "-"], input: input(Self.repository.appendingPathComponent("Sources/BuiltinModels/yaml/dpko-2010.yaml").path))
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertEqual(diff.stdout, try orgchart(["diff", "dpko-2008", "dpko-2010", "--json", "-"]).stdout, "the same review as from the built-in model")
        XCTAssertEqual(try orgchart(["diff", "-", "-"], input: input(model)).status, 64, "standard input cannot be read twice")
    }

    func testStandardInputIsNamedAndBoundedAndItsIncludesFollowTheWorkingDirectory() throws {
        let directory = try temporaryDirectory(self)
        let bad = try write("model: m\ntitle: T\nunits:\n  - id: a\n    nmae: A\n", to: "bad.yaml", in: directory)
        let named = try orgchart(["validate", "-"], input: input(bad))
        XCTAssertEqual(named.status, 1)
        XCTAssertTrue(named.stderr.contains("<stdin>:5:5: error: unknown key 'nmae'"), named.stderr)

        let endless = try orgchart(["validate", "-"], input: input("/dev/zero"))
        XCTAssertEqual(endless.status, 1)
        XCTAssertTrue(endless.stderr.contains("<stdin>:1:1: error: the model file is larger than 64 MB"), endless.stderr)

        // A model read from a stream includes its parts from the working directory.
        let units = smallModel.components(separatedBy: "units:\n")
        try write("units:\n" + units[1].components(separatedBy: "relationships:\n")[0], to: "_units.yaml", in: directory)
        let main = try write(units[0] + "include: [_units.yaml]\n", to: "main.yaml", in: directory)
        let included = try orgchart(["validate", "-"], in: directory, input: input(main))
        XCTAssertEqual(included.status, 0, included.stderr)
        XCTAssertTrue(included.stdout.hasPrefix("small: valid — 4 units"), included.stdout)
        let substituted = try orgchart(["validate", "/dev/stdin"], in: directory, input: input(main))
        XCTAssertEqual(substituted.stdout, included.stdout)
        for stream in ["-", "/dev/stdin", "/dev/fd/63", "/proc/self/fd/0", "/proc/4242/fd/63"] { XCTAssertTrue(InputFile.isStream(stream), stream) }
        for file in ["/dev/shm/model.yaml", "/proc/model.yaml", "models/fd/x.yaml", "fd"] { XCTAssertFalse(InputFile.isStream(file), file) }
        XCTAssertEqual(InputFile.directory(of: "/dev/shm/m/model.yaml"), "/dev/shm/m")

        let github = try orgchart(["validate", "-", "--format", "github"], input: input(bad))
        XCTAssertTrue(github.stdout.contains("\n::error::<stdin>:5:5: unknown key 'nmae'"), "no file to annotate, the place in the message: \(github.stdout)")
    }

    func testVersion() throws {
        let result = try orgchart(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), result.stdout)
    }

    func testTheOutputFormatComesFromTheExtensionAndAnUnknownOneIsRefused() throws {
        let directory = try temporaryDirectory(self)
        for name in ["chart.jpg", "chart.vsdx", "chart.docx"] {
            let refused = try orgchart(["render", "-o", name], in: directory)
            XCTAssertEqual(refused.status, 64, refused.stderr)
            let ext = (name as NSString).pathExtension
            XCTAssertTrue(refused.stderr.contains("error: orgchart cannot write '.\(ext)' files"), refused.stderr)
            XCTAssertTrue(refused.stderr.contains("hint: end the file name with .svg, .pdf, .png, .gv (DOT text), .pptx (PowerPoint), .drawio (draw.io) or .html"), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "nothing written")
        }
        let forced = try orgchart(["render", "--format", "png", "-o", "chart.jpg"], in: directory)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: directory.appendingPathComponent("chart.jpg")).prefix(4)), [0x89, 0x50, 0x4E, 0x47], "--format wins")
        let dot = try orgchart(["render", "-o", "chart.dot"], in: directory)
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("chart.dot"), encoding: .utf8).hasPrefix("digraph"))
        let plain = try orgchart(["render", "-o", "chart"], in: directory)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("chart"), encoding: .utf8).contains("<svg"), "no extension: SVG")
        let diff = try orgchart(["diff", "dpko-2007", "--chart", "review.jpg"], in: directory)
        XCTAssertEqual(diff.status, 64, diff.stderr)
    }

    func testQueryTakesTheModelLastLikeTheOtherCommands() throws {
        let directory = try temporaryDirectory(self)
        let model = try write(smallModel, to: "small.yaml", in: directory)
        let positional = try orgchart(["query", "chain", "sec-a1", model])
        XCTAssertEqual(positional.status, 0, positional.stderr)
        XCTAssertTrue(positional.stdout.hasPrefix("Section A1"), positional.stdout)
        XCTAssertEqual(positional.stdout, try orgchart(["query", "chain", "sec-a1", "-m", model]).stdout)
        XCTAssertEqual(try orgchart(["query", "units", model]).stdout, try orgchart(["query", "units", "-m", model]).stdout)
        XCTAssertTrue(try orgchart(["query", "serves", "div-a", model, "--json"]).stdout.contains("\"unit\" : \"div-a\""))
        XCTAssertTrue(try orgchart(["query", "span", "dpko-2008"]).stdout.hasPrefix("direct  other  post"))
        let subtree = try orgchart(["query", "serves", "--matrix", "dos", "peace-security-2021"])
        XCTAssertEqual(subtree.status, 0, subtree.stderr)
        XCTAssertEqual(subtree.stdout, try orgchart(["query", "serves", "--matrix", "dos", "-m", "peace-security-2021"]).stdout)

        let twice = try orgchart(["query", "gaps", model, "-m", "dpko-2010"])
        XCTAssertEqual(twice.status, 64, twice.stderr)
        XCTAssertTrue(twice.stderr.contains("two models given"), twice.stderr)
        let matrix = try orgchart(["query", "serves", "--matrix", "peace-security-2021"])
        XCTAssertEqual(matrix.status, 1)
        XCTAssertTrue(matrix.stderr.contains("'peace-security-2021' names a model"), matrix.stderr)
    }

    func testValidatePrintsDiagnosticsOnStandardErrorAndCountsInTheSingular() throws {
        let result = try orgchart(["validate"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "dpko-2010: valid — 50 units, 3 posts, 70 relationships, 1 document, 2 warnings\n")
        XCTAssertTrue(result.stderr.hasPrefix("Sources/BuiltinModels/yaml/dpko-2010.yaml:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: unit 'dpko-ousg' has no head"), result.stderr)
        // §5.8 names the operations the Division serves, not who heads them.
        XCTAssertTrue(result.stderr.contains("warning: unit 'dpko-led-operations' has no head"), result.stderr)
    }

    func testValidateReportsAsJSONAndAsGitHubAnnotations() throws {
        let directory = try temporaryDirectory(self)
        let path = try write("model: m\ntitle: T\nunits:\n  - id: a\n    name: A\n    kind: office\n    parent: nowhere\n", to: "odd, name: here.yaml", in: directory)
        let json = try orgchart(["validate", path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.stderr, "")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["valid"] as? Bool, false)
        XCTAssertEqual(object["errors"] as? Int, 1)
        let diagnostic = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["file"] as? String, path)
        XCTAssertEqual(diagnostic["line"] as? Int, 4)
        XCTAssertEqual(diagnostic["severity"] as? String, "error")
        XCTAssertTrue((diagnostic["message"] as? String)?.contains("'nowhere'") ?? false, "\(diagnostic)")

        let github = try orgchart(["validate", path, "--format", "github"])
        XCTAssertEqual(github.status, 1)
        let escaped = path.replacingOccurrences(of: ",", with: "%2C").replacingOccurrences(of: ":", with: "%3A")
        let line = try XCTUnwrap(github.stdout.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(line.hasPrefix("::error file=\(escaped),line=4,col="), line)
        XCTAssertTrue(line.contains("'nowhere'") && line.contains("%0Ahint: "), "the hint on the annotation's second line: \(line)")

        let valid = try orgchart(["validate", "dpko-2010", "--format", "json"])
        XCTAssertEqual(valid.status, 0)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(summary["units"] as? Int, 50)
        XCTAssertEqual(summary["warnings"] as? Int, 2)
    }

    /// A repository whose manifest names a model and a theme by paths relative to itself.
    func repository(in directory: URL) throws -> URL {
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("models"), withIntermediateDirectories: true)
        try write(smallModel, to: "models/small.yaml", in: repository)
        try write("extends: default\n", to: "models/plain.yaml", in: repository)
        try write("""
        output: charts
        charts:
          - name: small
            model: models/small.yaml
            template: models/plain.yaml
            formats: [svg, pdf]
          - name: builtin
            model: dpko-2008
            root: dfs
        """, to: "orgchart.yml", in: repository)
        return repository
    }

    func testManifestPathsAreRelativeToTheManifestAndMissingChartsAreNotStale() throws {
        let directory = try temporaryDirectory(self)
        let repository = try repository(in: directory)
        let manifest = repository.appendingPathComponent("orgchart.yml").path
        let build = try orgchart(["build", "--manifest", "repo/orgchart.yml"], in: directory)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stdout.contains("written   charts/small.svg"), build.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.appendingPathComponent("charts/small.pdf").path))
        XCTAssertEqual(try orgchart(["build", "--check", "--manifest", manifest], in: directory.deletingLastPathComponent()).status, 0)

        try FileManager.default.removeItem(at: repository.appendingPathComponent("charts/builtin.svg"))
        try write(smallModel.replacingOccurrences(of: "Division B", with: "Division Bee"), to: "models/small.yaml", in: repository)
        let check = try orgchart(["build", "--check", "--manifest", manifest])
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertTrue(check.stdout.contains("missing   charts/builtin.svg"), check.stdout)
        XCTAssertTrue(check.stdout.contains("stale     charts/small.svg"), check.stdout)
        XCTAssertTrue(check.stderr.contains("3 charts to rebuild: 2 stale (charts/small.svg, charts/small.pdf), 1 missing (charts/builtin.svg)"), check.stderr)

        let json = try orgchart(["build", "--check", "--manifest", manifest, "--format", "json"])
        XCTAssertEqual(json.status, 2)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["ok"] as? Bool, false)
        XCTAssertEqual(object["stale"] as? [String], ["charts/small.svg", "charts/small.pdf"])
        XCTAssertEqual(object["missing"] as? [String], ["charts/builtin.svg"])
        XCTAssertEqual((object["charts"] as? [[String: Any]])?.map { $0["outcome"] as? String }, ["stale", "stale", "missing"])

        let github = try orgchart(["build", "--check", "--manifest", "repo/orgchart.yml", "--format", "github"], in: directory)
        XCTAssertEqual(github.status, 2)
        XCTAssertTrue(github.stdout.contains("::error file=repo/charts/builtin.svg::charts/builtin.svg is missing"), github.stdout)
        XCTAssertTrue(github.stdout.contains("::error file=repo/charts/small.svg::charts/small.svg no longer matches its model"), github.stdout)

        let rebuilt = try orgchart(["build", "--manifest", manifest, "--format", "json"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let written = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rebuilt.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((written["charts"] as? [[String: Any]])?.map { $0["outcome"] as? String }, ["written", "written", "written"])
        XCTAssertEqual(written["ok"] as? Bool, true)

        let elsewhere = directory.appendingPathComponent("elsewhere").path
        try write("output: \(elsewhere)\ncharts:\n  - name: small\n    model: models/small.yaml\n", to: "absolute.yml", in: repository)
        let absolute = try orgchart(["build", "--manifest", "repo/absolute.yml"], in: directory)
        XCTAssertEqual(absolute.status, 0, absolute.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere + "/small.svg"), "an absolute output directory is taken as it is")
    }

    func testBuildErrorsAreReportedInTheChosenFormat() throws {
        let directory = try temporaryDirectory(self)
        try write("charts:\n  - name: x\n    model: broken.yaml\n", to: "orgchart.yml", in: directory)
        try write("model: b\ntitle: Broken\nunits:\n  - id: a\n    name: A\n    kind: teem\n", to: "broken.yaml", in: directory)
        let json = try orgchart(["build", "--format", "json"], in: directory)
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["ok"] as? Bool, false)
        XCTAssertTrue((object["error"] as? String)?.contains("chart 'x'") ?? false, "\(object)")
        let diagnostic = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["file"] as? String, "broken.yaml")
        XCTAssertEqual(diagnostic["line"] as? Int, 6)

        let github = try orgchart(["build", "--format", "github"], in: directory)
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=broken.yaml,line=6,col="), github.stdout)

        let noManifest = try orgchart(["build", "--manifest", "nowhere.yml", "--format", "github"], in: directory)
        XCTAssertEqual(noManifest.status, 1)
        XCTAssertTrue(noManifest.stdout.hasPrefix("::error::error: cannot read the manifest 'nowhere.yml'%0A    hint: "), noManifest.stdout)
    }

    func testNoOutputCarriesColourCodes() throws {
        let directory = try temporaryDirectory(self)
        let bad = try write("model: m\ntitle: T\nunits:\n  - id: a\n    nmae: A\n", to: "bad.yaml", in: directory)
        for arguments in [["validate", bad], ["render", "--help"], ["render", "--view", "nothing", "-o", "x.svg"], ["query", "gaps"]] {
            let result = try orgchart(arguments, in: directory)
            XCTAssertFalse((result.stdout + result.stderr).contains("\u{1B}"), "\(arguments): an escape code")
        }
    }

    /// The repository this test file is in.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheDocumentedWorkflowSetsUpChecksAndUploadsTheCharts() throws {
        let workflow = Self.repository.appendingPathComponent("docs/ci/orgchart.yml")
        let parsed = try XCTUnwrap(Yams.load(yaml: String(contentsOf: workflow, encoding: .utf8)) as? [String: Any])
        let jobs = try XCTUnwrap(parsed["jobs"] as? [String: [String: Any]])
        let steps = try XCTUnwrap(jobs["charts"]?["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }
        XCTAssertTrue(runs.contains("bash scripts/setup.sh"), "\(runs)")
        let check = try XCTUnwrap(runs.first { $0.contains("build --check") })
        let upload = try XCTUnwrap(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") ?? false })
        XCTAssertEqual((upload["with"] as? [String: Any])?["path"] as? String, "Output/")
        XCTAssertEqual(upload["if"] as? String, "always()", "the charts are uploaded when the check fails too")
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("(docs/ci/orgchart.yml)"), "the README links the workflow")

        // The check the workflow runs passes on this repository's committed charts, from any directory.
        var arguments = check.split(separator: " ").map(String.init).dropFirst()
        let manifest = try XCTUnwrap(arguments.firstIndex(of: "--manifest"))
        arguments[manifest + 1] = Self.repository.appendingPathComponent(arguments[manifest + 1]).path
        let result = try orgchart(Array(arguments), in: temporaryDirectory(self))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("::error"), result.stdout)
    }
}
