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

    @Option(help: "Track catalogue for recommendations under both rulesets (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @ArgumentParser.Flag(help: "Continue an interrupted run in --out (or start one when there is none).")
    var resume = false

    @ArgumentParser.Flag(help: "Refuse dossiers that contain a direct identifier (as batch --anonymised).")
    var anonymised = false

    @Option(help: "Identifier list for --anonymised (default: Rulesets/identifiers-nl.xml).")
    var identifiers: String?

    @ArgumentParser.Flag(help: "Exit 0 even when dossiers failed (they are still reported in errors.jsonl).")
    var keepGoing = false

    @ArgumentParser.Flag(help: "No progress line on stderr.")
    var quiet = false

    @Option(help: "Only files whose name ends in this are taken from directories.")
    var suffix: String = ".dossier.xml"

    @Option(help: "Language of impact.html: nl or en.")
    var lang: Language = .nl

    @Option(help: "Also write the results into this SQLite database (see docs/results-store.md); JSONL stays the contract.")
    var db: String?

    @Option(help: ArgumentHelp("Dossiers per journal chunk (the most work a kill can lose).", visibility: .hidden))
    var chunkSize: Int = 256

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be 1 or more") }
        if identifiers != nil, !anonymised { throw ValidationError("--identifiers needs --anonymised") }
    }

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let oldRuleset = try Resources.loadRuleset(old, schemas: schemas)
            let newRuleset = try Resources.loadRuleset(new, schemas: schemas)
            let oldCatalogue = try Resources.loadCatalogue(tracks, ruleset: oldRuleset, schemas: schemas)
            let newCatalogue = try Resources.loadCatalogue(tracks, ruleset: newRuleset, schemas: schemas)
            var guardRules: IdentifierRules?
            var redactionRules: IdentifierRules?
            if anonymised {
                let path = try identifiers ?? Resources.rulesetsFile(IdentifierRulesLoader.defaultFileName)
                guardRules = try report { () throws(LoadError) in try IdentifierRulesLoader.load(contentsOf: path, schemas: schemas) }
            } else if let path = try? Resources.rulesetsFile(IdentifierRulesLoader.defaultFileName) {
                redactionRules = try? IdentifierRulesLoader.load(contentsOf: path, schemas: schemas)
            }
            let inputSet: InputSet
            do throws(InputProblem) {
                inputSet = try InputSet(arguments: inputs, suffix: suffix)
            } catch {
                throw Failure(status: ExitStatus.noInput, lines: [error.description])
            }
            let screener = ImpactScreener(
                old: oldRuleset, new: newRuleset, oldCatalogue: oldCatalogue, newCatalogue: newCatalogue, schemas: schemas,
                identifierGuard: guardRules.map(IdentifierGuard.init(rules:)), redactor: (guardRules ?? redactionRules).map(IdentifierGuard.init(rules:))
            )
            let base = ImpactSummary(
                old: oldRuleset, new: newRuleset, inputs: inputSet.roots, suffix: suffix, language: lang.rawValue,
                guardList: guardRules.map { "\($0.id) \($0.version) sha256:\($0.checksum)" }
            )
            let options = BatchOptions(
                inputs: inputSet, out: out, jobs: jobs, resume: resume, chunkSize: chunkSize, catalogueFingerprint: try Resources.catalogueFingerprint(tracks)
            )
            let templates = try Resources.htmlTemplates()
            let language = lang
            let runner = ImpactRunner(screener: screener, base: base, options: options) { summary in
                [("impact.html", templates.render(ImpactPage(language: language).context(for: summary), template: "impact"))]
            }
            let showProgress = !quiet && ProgressLine.standardErrorIsTerminal
            let result: ImpactRunReport
            do throws(BatchError) {
                result = try runner.run { total, done in showProgress ? ProgressLine(total: total, alreadyDone: done) : nil }
            } catch {
                throw Failure(status: error.exitStatus, lines: [error.description])
            }
            if let db { try writeStore { () throws(StoreError) in try ResultStore.writeImpact(from: out, to: db) } }
            let summary = result.summary
            var line = "\(out): \(summary.found) dossiers found, \(summary.compared) compared, \(summary.changed) changed, \(summary.failed) failed"
            if result.alreadyComplete {
                line += " (the run was already complete)"
            } else {
                if result.resumedChunks > 0 { line += " (resumed after \(result.resumedChunks) chunks)" }
                line += String(format: " in %.1f s", result.seconds)
            }
            if !quiet { printError(line) }
            if summary.failed > 0 && !keepGoing {
                if !quiet { printError("\(out)/errors.jsonl lists what failed; pass --keep-going to exit 0 anyway") }
                throw ExitStatus.dataError
            }
        }
    }
}
