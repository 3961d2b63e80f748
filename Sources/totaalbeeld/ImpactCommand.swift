import ArgumentParser
import Foundation
import TotaalbeeldBatch
import TotaalbeeldDiff
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldStore
import TotaalbeeldXML

/// `totaalbeeld impact --old R1 --new R2 SET... --out DIR`: what a new ruleset changes on a reference set.
struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Screens a reference set under two rulesets: flags that appear and disappear per rule, verdict changes, support-need level transitions per domain, the dossiers that changed most.",
        discussion: """
        Writes impact.json, impact.txt and impact.html, with dossiers.jsonl (one line per dossier: both screenings in brief and \
        what differs) and errors.jsonl, into --out. Runs like batch: inputs stream through in chunks, --jobs workers, the \
        output directory is locked, a killed run continues with --resume and ends with exactly the outputs of an uninterrupted \
        one; --resume with other inputs, rulesets or options is refused (exit 64). Identical rulesets give an empty impact. \
        A dossier that fails under both rulesets goes to errors.jsonl (exit 65 unless --keep-going); one that names something \
        only one ruleset defines is part of the impact (screenable under one ruleset only).
        """
    )

    @Argument(help: "Dossier files and directories (the reference set).")
    var inputs: [String]

    @Option(help: "The ruleset before the change.")
    var old: String

    @Option(help: "The ruleset after the change.")
    var new: String

    @Option(help: "Directory for the outputs (created when missing).")
    var out: String

    @OptionGroup var bulk: BulkRunOptions

    @Option(help: "Track catalogue for recommendations under both rulesets (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @Option(help: "Language of impact.html: nl or en.")
    var lang: Language = .nl

    @Option(help: "Also write the results into this SQLite database (see docs/results-store.md); JSONL stays the contract.")
    var db: String?


    func run() throws {
        try exitOnFailure {
            preloadDictionary()
            defer { awaitDictionary() }
            let schemas = try Resources.schemas()
            let oldRuleset = try Resources.loadRuleset(old, schemas: schemas)
            let newRuleset = try Resources.loadRuleset(new, schemas: schemas)
            let oldCatalogue = try Resources.loadCatalogue(tracks, ruleset: oldRuleset, schemas: schemas)
            let newCatalogue = try Resources.loadCatalogue(tracks, ruleset: newRuleset, schemas: schemas)
            let (guardRules, redactionRules) = try bulk.identifierRules(schemas: schemas)
            let inputSet = try bulk.inputSet(inputs)
            let screener = ImpactScreener(
                old: oldRuleset, new: newRuleset, oldCatalogue: oldCatalogue, newCatalogue: newCatalogue, schemas: schemas,
                identifierGuard: guardRules.map(IdentifierGuard.init(rules:)), redactor: (guardRules ?? redactionRules).map(IdentifierGuard.init(rules:))
            )
            let base = ImpactSummary(
                old: oldRuleset, new: newRuleset, inputs: inputSet.roots, suffix: bulk.suffix, language: lang.rawValue,
                guardList: guardRules.map { "\($0.id) \($0.version) sha256:\($0.checksum)" }
            )
            let options = BatchOptions(
                inputs: inputSet, out: out, jobs: bulk.jobs, resume: bulk.resume, chunkSize: bulk.chunkSize, catalogueFingerprint: try Resources.catalogueFingerprint(tracks)
            )
            let templates = try Resources.htmlTemplates()
            let language = lang
            let runner = ImpactRunner(screener: screener, base: base, options: options) { summary in
                [("impact.html", templates.render(ImpactPage(language: language).context(for: summary), template: "impact"))]
            }
            let showProgress = bulk.showsProgress
            let result: ImpactRunReport
            do throws(BatchError) {
                result = try runner.run { total, done in showProgress ? ProgressLine(total: total, alreadyDone: done) : nil }
            } catch {
                throw Failure(status: error.exitStatus, lines: [error.description])
            }
            if let db { try writeStore { () throws(StoreError) in try ResultStore.writeImpact(from: out, to: db) } }
            let summary = result.summary
            try bulk.finish(
                out: out, counts: "\(summary.found) dossiers found, \(summary.compared) compared, \(summary.changed) changed, \(summary.failed) failed", failed: summary.failed,
                alreadyComplete: result.alreadyComplete, resumedChunks: result.resumedChunks, seconds: result.seconds
            )
        }
    }
}
