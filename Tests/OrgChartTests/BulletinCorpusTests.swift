import Foundation
import OrgImport
import OrgModel
import XCTest

/// The expected model of a corpus bulletin, written by hand in a compact form (see
/// `Tests/Fixtures/bulletins/legal-affairs.expected`):
///
///     unit NAME [< PARENT] [= ALIAS]
///     post TITLE
///     KIND: FROM -> TO
///
/// where an end is a unit's name, `NAME < PARENT` when the name recurs, or `post TITLE`.
struct ExpectedBulletinModel {
    let model: Model

    /// Reads the expected model; a line it cannot read fails with its file and line number.
    init(_ text: String, file: String) throws {
        var units: [OrgModel.Unit] = []
        var posts: [Post] = []
        var relationships: [Relationship] = []
        var lineNumber = 0
        func failure(_ message: String) -> Error {
            NSError(domain: "corpus", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(file):\(lineNumber): \(message)"])
        }
        func end(_ text: String) throws -> String {
            let spec = text.trimmingCharacters(in: .whitespaces)
            if spec.hasPrefix("post ") {
                let title = String(spec.dropFirst(5))
                guard let post = posts.first(where: { $0.title == title }) else { throw failure("no post '\(title)' declared before") }
                return post.id
            }
            let parts = spec.components(separatedBy: " < ")
            let matches = units.filter { unit in unit.name == parts[0] && (parts.count == 1 || units.first { $0.id == unit.parent }?.name == parts[1]) }
            guard matches.count == 1 else { throw failure("'\(spec)' names \(matches.count) declared units") }
            return matches[0].id
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("unit ") {
                var rest = String(line.dropFirst(5))
                var aliases: [String] = []
                if let r = rest.range(of: " = ") { aliases = [String(rest[r.upperBound...])]; rest = String(rest[..<r.lowerBound]) }
                let parts = rest.components(separatedBy: " < ")
                let parent = try parts.count > 1 ? end(parts[1]) : nil
                units.append(OrgModel.Unit(id: "u\(units.count)", name: parts[0], kind: .unit, parent: parent, aliases: aliases))
            } else if line.hasPrefix("post ") {
                posts.append(Post(id: "p\(posts.count)", title: String(line.dropFirst(5))))
            } else if let colon = line.range(of: ": "), let arrow = line.range(of: " -> "),
                      let kind = RelationKind(rawValue: String(line[..<colon.lowerBound])) {
                relationships.append(Relationship(kind: kind, from: try end(String(line[colon.upperBound..<arrow.lowerBound])),
                                                  to: try end(String(line[arrow.upperBound...]))))
            } else {
                throw failure("expected 'unit …', 'post …' or 'KIND: FROM -> TO'")
            }
        }
        model = Model(id: "expected", title: units.first?.name ?? file, root: units.first?.id, units: units, posts: posts,
                      relationships: relationships)
    }
}

/// Bulletins written in the style of the series for other departments and offices, each with the
/// model a person reads in it: the importer must place at least 90% of the units under the right
/// parent, find at least 85% of the accountability lines with the right kind, and invent no unit.
final class BulletinCorpusTests: XCTestCase {
    static let corpus = ["legal-affairs", "safety-security", "conference-management", "office-at-nairobi", "political-affairs"]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bulletins")
    }

    func comparison(_ name: String) throws -> BulletinComparison {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let expectedText = try String(contentsOf: Self.directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
        let expected = try ExpectedBulletinModel(expectedText, file: "\(name).expected").model
        let imported = try BulletinImporter.importBulletin(text, file: "\(name).txt")
        let loaded = ModelLoader.load(file: "\(name).yaml") { _ in imported.yaml }
        XCTAssertTrue(loaded.isValid, "\(name): \(loaded.diagnostics.prefix(3))")
        return BulletinComparison(imported: try loaded.valid(), reference: expected)
    }

    func testEveryCorpusBulletinMeetsTheThresholds() throws {
        var parents = 0, units = 0, lines = 0, accountability = 0
        for name in Self.corpus {
            let result = try comparison(name)
            print("\(name):\n\(result.summary)")
            XCTAssertGreaterThanOrEqual(result.unitRecall, 0.90, "\(name)\n\(result.summary)")
            XCTAssertGreaterThanOrEqual(result.accountabilityRecall, 0.85, "\(name)\n\(result.summary)")
            XCTAssertEqual(result.inventedUnits, [], "\(name)\n\(result.summary)")
            parents += result.matchedUnits.count
            units += result.referenceUnits
            lines += result.matchedAccountability.count
            accountability += result.referenceAccountability
        }
        print("corpus: \(parents)/\(units) units with the right parent, \(lines)/\(accountability) accountability lines")
    }
}
