import ArgumentParser
import Foundation
import OrgChart
import OrgImport

/// `orgchart import bulletin`.
struct ImportBulletin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Import a Secretary-General's bulletin (plain text) as a model.",
        discussion: """
        Reads the plain text of an "Organization of the …" bulletin and writes a model: units (with the other names a \
        heading gives them), containment, heads, officials who head no unit, accountability (dual lines included), \
        reporting, direct access, deputies, oversight, inputs, shared resources and core functions, each with its \
        paragraph. Sentences that look structural but were not used, lists not read as units, names found only in \
        functions and editorial notes go to standard error, or to a Markdown report with --report.
        """
    )

    @Argument(help: "The bulletin's plain text (.txt); `-` reads standard input.")
    var file: String

    @Option(name: .shortAndLong, help: "The model file to write (.yaml); `-` writes to standard output.")
    var output: String

    @Option(help: "Write the report (sentences not used, lists not read as units, editorial notes, inferred facts with confidence) to this Markdown file.")
    var report: String?

    @Option(help: "The document symbol, e.g. ST/SGB/2010/1, when the text does not carry it.")
    var symbol: String?

    @Option(help: "Compare the import with this model (a model file, a built-in id, or an expected model FILE.expected) and print the differences: units and parents, heads, lines.")
    var compare: String?

    func run() throws {
        let text: String
        do { text = try InputFile.text(file, what: "bulletin", limit: BulletinImporter.maximumLength) } catch {
            guard case .invalid(let diagnostic) = error else {
                throw fail("\(file): error: cannot read the bulletin\n    hint: check the path; give the plain text of the bulletin (e.g. from pdftotext)")
            }
            throw fail(diagnostic.description)
        }
        let imported: BulletinImport
        do {
            imported = try BulletinImporter.importBulletin(text, file: file, symbol: symbol)
        } catch {
            throw fail(error)
        }
        let reference = try compare.map(referenceModel)
        let loaded = ModelLoader.load(file: output == "-" ? "import.yaml" : output) { _ in imported.yaml }
        guard loaded.isValid else {
            throw fail("\(file): error: the imported model does not validate\n\(ModelError(diagnostics: loaded.diagnostics))\n    hint: please report this as a bug of the importer")
        }
        do {
            if let report { try OutputFile.write(Array(imported.markdown(input: file).utf8), to: report) }
            try OutputFile.write(Array(imported.yaml.utf8), to: output)
        } catch {
            throw fail(error)
        }
        let model = imported.model
        var summary = "\(file): imported \(plural(model.units.count, "unit")), \(plural(model.posts.count, "post")), "
            + "\(plural(model.relationships.count, "relationship")); \(plural(imported.report.items.count, "item")) to check, "
            + "\(plural(imported.inferences.count, "inferred fact"))"
        if let report { summary += " (see \(report))" } else if !imported.report.items.isEmpty { summary += ":\n" + imported.plainReport }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if let reference {
            FileHandle.standardError.write(Data((BulletinComparison(imported: model, reference: reference).summary + "\n").utf8))
        }
    }

    /// The model to compare with: an expected model (`.expected`, see `BulletinExpectation`), a model file or a
    /// built-in id; read before anything is written.
    private func referenceModel(_ reference: String) throws -> Model {
        guard reference.hasSuffix(".expected") else {
            let loaded = BuiltinModels.load(reference)
            guard let model = loaded.model else { throw fail("\(reference): error: cannot load the model to compare with\n\(ModelError(diagnostics: loaded.diagnostics))") }
            return model
        }
        do {
            return try BulletinExpectation.model(try InputFile.text(reference, what: "expected model"), file: reference)
        } catch let error as BulletinImportError {
            throw fail(error)
        } catch {
            guard case .invalid(let diagnostic)? = error as? InputError else {
                throw fail("\(reference): error: cannot read the expected model\n    hint: check the path")
            }
            throw fail(diagnostic.description)
        }
    }
}
