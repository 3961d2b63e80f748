import ArgumentParser
import Foundation
import TotaalbeeldBatch
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldStore
import TotaalbeeldXML

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Screens many dossiers: results.jsonl, results.csv, errors.jsonl, summary.json and summary.txt in --out.",
        discussion: """
        Inputs are files and directories; directories are walked recursively (entries sorted byte-wise, files ending in --suffix).
        Output order and content do not depend on --jobs. A dossier that cannot be loaded, or with --anonymised contains a
        direct identifier, goes to errors.jsonl and the run goes on; found = screened + failed. Exit 65 when anything failed,
        unless --keep-going. A killed run continues where it stopped with --resume and ends with exactly the outputs of an
        uninterrupted run. An output directory that holds a previous run is refused without --resume (exit 73); --resume
        with other inputs or options is refused (exit 64), whether the run there was interrupted or finished. One process
        at a time: a directory another batch or merge is writing is refused with its pid (exit 73).
        """
    )

    @Argument(help: "Dossier files and directories.")
    var inputs: [String]

    @Option(help: "Directory for the outputs (created when missing).")
    var out: String

    @OptionGroup var bulk: BulkRunOptions

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Track catalogue for recommendations (default: Rulesets/tracks-2026.xml).")
    var tracks: String?

    @Option(help: "Screen shard I of N (0-based), a deterministic share of the inputs, e.g. 0/4.")
    var shard: String?

    @Option(help: "Language of labels and messages in results.jsonl: nl or en.")
    var lang: Language = .nl

    @Option(help: "Also write the results into this SQLite database (see docs/results-store.md); the JSONL and CSV outputs stay the contract.")
    var db: String?

    func validate() throws {
        if let shard, ShardSpec(parsing: shard) == nil { throw ValidationError("--shard must be I/N with 0 ≤ I < N, e.g. 0/4") }
    }

    func run() throws {
        try exitOnFailure {
            preloadDictionary()
            defer { awaitDictionary() }
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let catalogue = try Resources.loadCatalogue(tracks, ruleset: ruleset, schemas: schemas)
            warnAboutMorphology()
            let (guardRules, redactionRules) = try bulk.identifierRules(schemas: schemas)
            let inputSet = try bulk.inputSet(inputs)
            let screener = DossierScreener(
                ruleset: ruleset, catalogue: catalogue, schemas: schemas,
                identifierGuard: guardRules.map(IdentifierGuard.init(rules:)), redactor: redactionRules.map(IdentifierGuard.init(rules:)), language: lang
            )
            let identity = RunIdentity(ruleset: ruleset, guardRules: guardRules, inputs: inputSet.roots, suffix: bulk.suffix, language: lang.rawValue)
            let options = BatchOptions(
                inputs: inputSet, out: out, shard: shard.flatMap(ShardSpec.init(parsing:)), jobs: bulk.jobs, resume: bulk.resume,
                chunkSize: bulk.chunkSize, catalogueFingerprint: try Resources.catalogueFingerprint(tracks)
            )
            let showProgress = bulk.showsProgress
            let result: BatchReport
            do throws(BatchError) {
                result = try BatchRunner(screener: screener, identity: identity, options: options).run { total, done in
                    showProgress ? ProgressLine(total: total, alreadyDone: done) : nil
                }
            } catch {
                throw Failure(status: error.exitStatus, lines: [error.description])
            }
            if let db { try writeStore { () throws(StoreError) in try ResultStore.writeBatch(from: out, to: db) } }
            let summary = result.summary
            try bulk.finish(
                out: out, counts: "\(summary.found) dossiers found, \(summary.screened) screened, \(summary.failed) failed", failed: summary.failed,
                alreadyComplete: result.alreadyComplete, resumedChunks: result.resumedChunks, seconds: result.seconds
            )
        }
    }
}

/// Writes the results store after the run; a failure is exit 73 with the database path and the reason.
func writeStore(_ body: () throws(StoreError) -> Void) throws {
    do throws(StoreError) {
        try body()
    } catch {
        throw Failure(status: ExitStatus.cannotCreate, lines: [error.description])
    }
}

extension BatchError {
    var exitStatus: ExitCode {
        switch self {
        case .usage: ExitStatus.usage
        case .input: ExitStatus.noInput
        case .data: ExitStatus.dataError
        case .output: ExitStatus.cannotCreate
        }
    }
}

extension Resources {
    /// A file shipped in `Rulesets/`.
    static func rulesetsFile(_ name: String) throws -> String {
        guard let home = home() else {
            throw Failure(status: ExitStatus.noInput, lines: ["cannot find Rulesets/\(name): \(unavailable)"])
        }
        return home + "/Rulesets/" + name
    }

    /// FNV-1a of the catalogue file that `loadCatalogue` uses, or "none".
    static func catalogueFingerprint(_ explicit: String?) throws -> String {
        let path = explicit ?? home().map { $0 + "/Rulesets/" + defaultCatalogueName }
        guard let path, let bytes = try? InputFile.contents(of: path, limit: 32 << 20) else { return "none" }
        return String(FNV1a.hash(bytes: bytes), radix: 16)
    }
}
