import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldXML

/// What a run produces for one dossier: its `results.jsonl` line, `results.csv` row and summary
/// contribution, or its `errors.jsonl` lines.
public enum DossierOutcome: Sendable {
    case screened(ScreenedDossier)
    case failed(FailedDossier)
}

public struct ScreenedDossier: Sendable {
    /// The `results.jsonl` line, UTF-8, without the newline.
    public var jsonLine: [UInt8]
    public var csvRow: String
    public var tally: DossierTally
}

public struct FailedDossier: Sendable {
    public var kind: ErrorRecord.Kind
    public var errors: [ErrorRecord]
    public var identifiers: Set<IdentifierKind>
}

/// Screens one dossier for a batch run: load (parse, validate, check references), then, with the
/// guard, refuse a dossier with a direct identifier, then evaluate and render.
///
/// A pure function of the file and the settings: the same dossier gives the same bytes on any worker,
/// which is what makes output independent of `--jobs`.
public struct DossierScreener: Sendable {
    public let ruleset: Ruleset
    public let schemas: SchemaSet
    public let evaluator: Evaluator
    /// Refuses dossiers with direct identifiers (`--anonymised`).
    public let identifierGuard: IdentifierGuard?
    /// Redacts identifiers from error messages, with or without `--anonymised`.
    public let redactor: IdentifierGuard?
    public let json: ScreeningJSON
    public let csv: ResultsCSV
    /// Keeps only whitelisted words and names in error messages (``MessageRedactor``).
    public let messageRedactor: MessageRedactor

    /// `redactor` (default: the guard) finds identifiers to take out of error messages even when dossiers
    /// are not refused for them.
    public init(ruleset: Ruleset, catalogue: TrackCatalogue?, schemas: SchemaSet, identifierGuard: IdentifierGuard?, redactor: IdentifierGuard? = nil, language: Language) {
        self.ruleset = ruleset
        self.schemas = schemas
        self.evaluator = Evaluator(ruleset: ruleset, catalogue: catalogue)
        self.identifierGuard = identifierGuard
        self.redactor = redactor ?? identifierGuard
        self.json = ScreeningJSON(language: language)
        self.csv = ResultsCSV(ruleset: ruleset)
        self.messageRedactor = MessageRedactor(names: schemas.vocabulary.union(Self.names(of: ruleset)))
    }

    /// What a loader message may name from the ruleset: its id and version and the ids it defines (suggestions
    /// such as "did you mean 'schulden'?" quote them).
    static func names(of ruleset: Ruleset) -> Set<String> {
        var names: Set<String> = [ruleset.id, ruleset.version]
        names.formUnion(ruleset.domains.map(\.id))
        names.formUnion(ruleset.themes.map(\.id))
        names.formUnion(ruleset.indicators.map(\.id))
        names.formUnion(ruleset.sourceKinds.map(\.id))
        names.formUnion(ruleset.activities.map(\.id))
        names.formUnion(ruleset.dimensions.map(\.id))
        names.formUnion(ruleset.scoring.levels.map(\.id))
        names.formUnion(ruleset.rules.map(\.id))
        return names
    }

    public func screen(_ item: InputItem) -> DossierOutcome {
        if let problem = item.problem {
            // Found by the walk but not a file it may open: reported, never read.
            let message = ErrorRecord.redacted("cannot be read: " + problem, redactor: messageRedactor, guard: redactor)
            let record = ErrorRecord(file: item.path, line: 0, column: 0, kind: .unreadable, message: message)
            return .failed(FailedDossier(kind: .unreadable, errors: [record], identifiers: []))
        }
        let dossier: Dossier
        let bytes: [UInt8]
        do {
            (dossier, bytes) = try DossierLoader.loadWithBytes(contentsOf: item.path, ruleset: ruleset, schemas: schemas)
        } catch {
            return .failed(failure(error, item))
        }
        if let identifierGuard {
            let hits = identifierGuard.scan(bytes)
            if !hits.isEmpty {
                let errors = hits.map { hit in
                    ErrorRecord(
                        file: item.path, line: hit.line, column: hit.column, kind: .identifier, identifier: hit.kind,
                        message: "direct identifier (\(hit.kind.label)); dossier not screened"
                    )
                }
                return .failed(FailedDossier(kind: .identifier, errors: errors, identifiers: Set(hits.map(\.kind))))
            }
        }
        let result = evaluator.screen(dossier)
        // Written straight into bytes, `file` first; the line is kept until its chunk is written, so it gets its own buffer.
        var line = JSONWriter(capacity: 32 << 10)
        line.beginObject()
        line.member("file", item.path)
        json.writeMembers(result, into: &line)
        line.endObject()
        return .screened(ScreenedDossier(jsonLine: line.bytes, csvRow: csv.row(file: item.path, result: result), tally: DossierTally(result)))
    }

    func failure(_ error: LoadError, _ item: InputItem) -> FailedDossier {
        switch error {
        case .missingInput(_, let reason):
            let message = ErrorRecord.redacted(reason, redactor: messageRedactor, guard: redactor)
            return FailedDossier(kind: .unreadable, errors: [ErrorRecord(file: item.path, line: 0, column: 0, kind: .unreadable, message: message)], identifiers: [])
        case .invalid(let problems):
            let errors = problems.map { problem in
                ErrorRecord(
                    file: item.path, line: problem.location.line, column: problem.location.column, kind: .invalid,
                    message: ErrorRecord.redacted(problem.message, redactor: messageRedactor, guard: redactor)
                )
            }
            return FailedDossier(kind: .invalid, errors: errors, identifiers: [])
        }
    }
}

/// `results.csv`: one row per screened dossier — scores per domain, flag counts by kind, gaps, and
/// whether a trial-and-error track is indicated. Columns follow the ruleset's domain order.
public struct ResultsCSV: Sendable {
    public let header: String
    private let domains: [String]

    public init(ruleset: Ruleset) {
        domains = ruleset.domains.map(\.id)
        var columns = ["file", "dossier", "benefitRegime", "ageBand"]
        for domain in domains { columns += ["\(domain).burden", "\(domain).strength", "\(domain).supportNeed", "\(domain).level"] }
        columns += Flag.Kind.allCases.map { "flags.\($0.rawValue)" }
        columns += ["flags", "gaps", "trialAndError"]
        header = columns.map(Self.field).joined(separator: ",")
    }

    func row(file: String, result: ScreeningResult) -> String {
        var fields = [file, result.dossier.id, result.dossier.client.benefitRegime, result.dossier.client.ageBand]
        for domain in domains {
            guard let row = result.domains.first(where: { $0.domain.id == domain }) else {
                fields += ["", "", "", ""]
                continue
            }
            fields += [JSONValue.number(row.burden).serialized(), JSONValue.number(row.strength).serialized(), JSONValue.number(row.supportNeed).serialized(), row.supportNeedLevel?.id ?? ""]
        }
        for kind in Flag.Kind.allCases { fields.append(String(result.flags.filter { $0.kind == kind }.count)) }
        fields += [String(result.flags.count), String(result.gaps.count), result.trialAndError.indicated ? "true" : "false"]
        return fields.map(Self.field).joined(separator: ",")
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
