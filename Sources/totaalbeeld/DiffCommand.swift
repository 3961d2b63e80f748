import ArgumentParser
import Foundation
import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport

/// `totaalbeeld diff OLD NEW`: what changed between two screenings of one client (an intake and a checkpoint).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two screenings of one client: flags resolved, new and persisting, support need and level per domain, gaps, the trial-and-error verdict then and now, with the evidence.",
        discussion: """
        OLD and NEW are dossiers (screened with --ruleset) or screening files (`screen --format json`, or one line of a batch's \
        results.jsonl); the two may be mixed. Flags are matched by rule and item, evidence by element and words, not by line. \
        A screening compared with itself is empty. Two dossiers are of one client when both carry the same client reference \
        (client/@ref), or, when neither carries one, the same dossier id; otherwise the diff is refused (exit 65) unless --force.
        """
    )

    @Argument(help: "The earlier dossier or screening file (e.g. the intake).")
    var old: String

    @Argument(help: "The later dossier or screening file (e.g. a checkpoint).")
    var new: String

    @Option(help: "Ruleset for dossiers (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Track catalogue for dossiers (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @ArgumentParser.Flag(help: "Compare even when the two are not established to be of one client.")
    var force = false

    @OptionGroup var presentation: ReportOptions

    func validate() throws {
        try presentation.refuseDocuments("diff")
    }

    func run() throws {
        try exitOnFailure {
            let oldSnapshot = try snapshot(of: old)
            let newSnapshot = try snapshot(of: new)
            if !force, let reason = ScreeningDiff.sameClient(oldSnapshot, newSnapshot) {
                throw Failure(status: ExitStatus.dataError, lines: [
                    "\(newSnapshot.identityLocation): not the same client as \(oldSnapshot.identityLocation): \(reason); a diff compares one client over time — pass --force to compare anyway",
                ])
            }
            let diff = ScreeningDiff(old: oldSnapshot, new: newSnapshot)
            let report = DiffReport(language: presentation.lang)
            let text: String = switch presentation.format {
            case .json: report.json(diff).serialized(pretty: true) + "\n"
            case .text: PlainTextRenderer().render(report.document(diff, forced: force))
            case .markdown: MarkdownRenderer().render(report.document(diff, forced: force))
            case .html: try Resources.htmlTemplates().render(DiffPage(language: presentation.lang).context(for: diff, forced: force), template: "diff")
            case .docx, .odt: ""  // refused by validate()
            }
            try emit(text, to: presentation.output)
        }
    }

    /// A dossier is screened; a file whose first non-blank character is `{` is read as a screening.
    private func snapshot(of path: String) throws -> ScreeningSnapshot {
        let data = try readInputFile(path, limit: 256 << 20)
        if data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{") {
            do {
                return try ScreeningSnapshot(json: data, file: path)
            } catch {
                throw Failure(status: ExitStatus.dataError, lines: [error.description])
            }
        }
        let schemas = try Resources.schemas()
        let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
        let dossier = try report { () throws(LoadError) in try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: schemas) }
        let catalogue = try Resources.loadCatalogue(tracks, ruleset: ruleset, schemas: schemas)
        return ScreeningSnapshot(result: Evaluator(ruleset: ruleset, catalogue: catalogue).screen(dossier), language: presentation.lang)
    }
}
