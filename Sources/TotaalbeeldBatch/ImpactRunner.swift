import Foundation
import TotaalbeeldDiff
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldXML

/// What `impact` does with one dossier: parse and validate it once, read it under both rulesets, refuse it when the
/// anonymisation guard finds an identifier, then screen it with both and keep what differs.
///
/// A dossier that fails under both rulesets alike (not well-formed, not valid, unreadable, an identifier) goes to
/// `errors.jsonl` as in `batch`; one that names something only one ruleset defines is screened under the other and
/// counted as screenable under one ruleset only — that is part of the impact.
public struct ImpactScreener: Sendable {
    public let old: Ruleset
    public let new: Ruleset
    /// Screens and renders failures like `batch`, under the old ruleset.
    let batch: DossierScreener
    let newEvaluator: Evaluator
    let messageRedactor: MessageRedactor
    let levels: [String]

    public init(old: Ruleset, new: Ruleset, oldCatalogue: TrackCatalogue?, newCatalogue: TrackCatalogue?, schemas: SchemaSet, identifierGuard: IdentifierGuard?, redactor: IdentifierGuard?) {
        self.old = old
        self.new = new
        batch = DossierScreener(ruleset: old, catalogue: oldCatalogue, schemas: schemas, identifierGuard: identifierGuard, redactor: redactor, language: .nl)
        newEvaluator = Evaluator(ruleset: new, catalogue: newCatalogue)
        messageRedactor = MessageRedactor(names: schemas.vocabulary.union(DossierScreener.names(of: old)).union(DossierScreener.names(of: new)))
        levels = old.scoring.levels.map(\.id) + new.scoring.levels.map(\.id).filter { id in !old.scoring.levels.contains { $0.id == id } }
    }

    public enum Outcome: Sendable {
        case compared(ImpactRecord)
        case failed(FailedDossier)
    }

    public func compare(_ item: PositionedItem) -> Outcome {
        if item.item.problem != nil { return .failed(batchFailure(item.item)) }
        let bytes: [UInt8], results: [Result<Dossier, LoadError>]
        do {
            (bytes, results) = try DossierLoader.loadForRulesets(contentsOf: item.item.path, rulesets: [old, new], schemas: batch.schemas)
        } catch {
            return .failed(batch.failure(error, item.item))
        }
        if case .failure(let error) = results[0], case .failure = results[1] { return .failed(batch.failure(error, item.item)) }
        if let identifierGuard = batch.identifierGuard {
            let hits = identifierGuard.scan(bytes)
            if !hits.isEmpty {
                let errors = hits.map { hit in
                    ErrorRecord(file: item.item.path, line: hit.line, column: hit.column, kind: .identifier, identifier: hit.kind, message: "direct identifier (\(hit.kind.label)); dossier not screened")
                }
                return .failed(FailedDossier(kind: .identifier, errors: errors, identifiers: Set(hits.map(\.kind))))
            }
        }
        func outcome(_ result: Result<Dossier, LoadError>, _ evaluator: Evaluator) -> ImpactRecord.Outcome {
            switch result {
            case .success(let dossier): return .screened(ImpactSide(result: evaluator.screen(dossier)))
            case .failure(let error):
                let first = error.problems.first
                let message = first.map { "\($0.location.line):\($0.location.column): " + ErrorRecord.redacted($0.message, redactor: messageRedactor, guard: batch.redactor) } ?? "cannot be read"
                return .unscreenable(message)
            }
        }
        let id = (try? results[0].get().id) ?? (try? results[1].get().id) ?? ""
        return .compared(ImpactRecord(
            file: item.item.path, dossier: id, position: item.position,
            before: outcome(results[0], batch.evaluator), after: outcome(results[1], newEvaluator), levels: levels
        ))
    }

    private func batchFailure(_ item: InputItem) -> FailedDossier {
        if case .failed(let failed) = batch.screen(item) { return failed }
        return FailedDossier(kind: .unreadable, errors: [], identifiers: [])
    }
}

/// What a finished `impact` run reports back.
public struct ImpactRunReport: Sendable {
    public var summary: ImpactSummary
    public var resumedChunks: Int
    public var alreadyComplete: Bool
    public var seconds: Double
}

/// `totaalbeeld impact`: screens a reference set under two rulesets through the batch pipeline — streaming in chunks,
/// `--jobs` workers, journalled and resumable, the output directory locked — and writes `dossiers.jsonl` (one line per
/// dossier compared), `errors.jsonl`, and at the end `impact.json`, `impact.txt` and whatever `render` adds (the HTML page).
///
/// ```swift
/// let report = try ImpactRunner(screener: screener, base: ImpactSummary(old: r1, new: r2, inputs: roots, suffix: ".dossier.xml", language: "nl"), options: options).run()
/// report.summary.changedRules.map(\.rule)
/// ```
public struct ImpactRunner: Sendable {
    public static let layout = JournalLayout(streams: ["dossiers.jsonl", "errors.jsonl"], summaries: ["impact.json", "impact.txt", "impact.html"])

    public let screener: ImpactScreener
    public let base: ImpactSummary
    public let options: BatchOptions
    /// The HTML page (and any further file of ``layout``'s summaries after `impact.txt`), from the finished summary.
    public let render: @Sendable (ImpactSummary) -> [(name: String, contents: String)]

    public init(screener: ImpactScreener, base: ImpactSummary, options: BatchOptions, render: @escaping @Sendable (ImpactSummary) -> [(name: String, contents: String)] = { _ in [] }) {
        self.screener = screener
        self.base = base
        self.options = options
        self.render = render
    }

    func manifest(_ census: InputCensus) -> String {
        func ruleset(_ identity: ImpactSummary.RulesetIdentity) -> JSONValue {
            .object([("id", .string(identity.id)), ("version", .string(identity.version)), ("checksum", .string("sha256:" + identity.checksum))])
        }
        return JSONValue.object([
            ("formatVersion", .integer(1)),
            ("run", .string("impact")),
            ("old", ruleset(base.old)),
            ("new", ruleset(base.new)),
            ("anonymisationGuard", base.guardList.map(JSONValue.string) ?? .null),
            ("inputs", .array(base.inputs.map(JSONValue.string))),
            ("suffix", .string(base.suffix)),
            ("language", .string(base.language)),
            ("chunkSize", .integer(options.chunkSize)),
            ("inputCount", .integer(census.count)),
            ("inputFingerprint", .string(census.fingerprint)),
            ("catalogue", .string(options.catalogueFingerprint)),
            ("redaction", screener.batch.redactor.map { .string("sha256:" + $0.rules.checksum) } ?? .null),
        ]).serialized(pretty: true) + "\n"
    }

    public func run(progress makeProgress: (Int, Int) -> ProgressLine? = { _, _ in nil }) throws(BatchError) -> ImpactRunReport {
        let started = Date()
        let census = InputCensus(options.inputs, shard: .whole)
        let journal = RunJournal(directory: options.out, layout: Self.layout)
        defer { journal.close() }
        let state = try journal.prepare(manifest: manifest(census), headers: ["", ""], resume: options.resume)
        if case .complete = state {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: options.out + "/impact.json"))) ?? Data()
            guard let summary = ImpactSummary(report: data, base: base) else { throw .output("\(options.out)/impact.json: cannot be read") }
            return ImpactRunReport(summary: summary, resumedChunks: 0, alreadyComplete: true, seconds: 0)
        }
        let (done, doneItems) = if case .resuming(let chunks, let items) = state { (chunks, items) } else { (0, 0) }
        let progress = makeProgress(census.count, min(census.count, doneItems))
        let screener = self.screener, base = self.base
        let chunks = try ChunkedRun(options: options, shard: .whole).run(
            journal: journal, done: done, doneItems: doneItems, progress: progress, work: { screener.compare($0) },
            encode: { outcomes in
                var lines: [UInt8] = [], errors = ""
                var summary = base
                for outcome in outcomes {
                    switch outcome {
                    case .compared(let record):
                        lines += record.json.serializedUTF8()
                        lines.append(0x0A)
                        summary.add(record)
                    case .failed(let failed):
                        for error in failed.errors { errors += error.json.serialized() + "\n" }
                        summary.addFailure(kind: failed.kind.rawValue)
                    }
                }
                return ([lines, Array(errors.utf8)], summary.journalJSON)
            }
        )
        guard let chunkCount = chunks else {
            return ImpactRunReport(summary: base, resumedChunks: done, alreadyComplete: false, seconds: 0)
        }
        progress?.finish()
        var summary = base
        let render = self.render
        try journal.finish(chunks: chunkCount) { parts throws(BatchError) in
            for part in parts { summary.merge(ImpactSummary(journal: part, base: base)) }
            return [("impact.json", summary.reportJSON.serialized(pretty: true) + "\n"), ("impact.txt", summary.text)] + render(summary)
        }
        guard summary.found == census.count else {
            throw .data("\(summary.found) dossiers accounted for, but \(census.count) were found; the inputs changed during the run")
        }
        return ImpactRunReport(summary: summary, resumedChunks: done, alreadyComplete: false, seconds: Date().timeIntervalSince(started))
    }
}

extension ImpactSummary {
    /// The totals of a finished run, read back from its `impact.json` (for `--resume` of a finished run).
    init?(report data: Data, base: ImpactSummary) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let dossiers = object["dossiers"] as? [String: Any] else { return nil }
        self = base
        compared = dossiers["compared"] as? Int ?? 0
        changed = dossiers["changed"] as? Int ?? 0
        unscreenableBefore = dossiers["unscreenableBefore"] as? Int ?? 0
        unscreenableAfter = dossiers["unscreenableAfter"] as? Int ?? 0
        failures = ((object["failed"] as? [String: Int]) ?? [:]).filter { $0.value > 0 }
    }
}
