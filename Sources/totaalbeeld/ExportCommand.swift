import ArgumentParser
import TotaalbeeldImport
import TotaalbeeldLoader

/// `totaalbeeld export`: a dossier → a Markdown intake in the format `totaalbeeld import` reads.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes a dossier as a Markdown intake that `totaalbeeld import` reads back.",
        discussion: """
        Front matter (id, date, regime, age, sources), a heading per theme, each narrative as a paragraph \
        ("Volgens …:" when its source is not the client), the FML, the wish and the assessment with its \
        citations "(zie: …)" and its support needs ("Fysieke belastbaarheid: matig — …"). Structured findings have \
        no place in a text intake: their notes are written as prose (marked by a comment); the placement and \
        weighed flags are left out.
        """
    )

    @Argument(help: "The dossier to export.")
    var dossier: String

    @Option(name: .shortAndLong, help: "Write the Markdown here (atomically); default: standard output.")
    var output: String?

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let dossier = try report { () throws(LoadError) in try DossierLoader.load(contentsOf: self.dossier, ruleset: ruleset, schemas: schemas) }
            try emit(IntakeWriter(ruleset: ruleset).markdown(for: dossier), to: output)
        }
    }
}
