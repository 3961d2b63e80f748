import ArgumentParser
import Foundation
import TotaalbeeldAgreement
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Krippendorff's alpha for a reliability matrix (CSV: one row per rater, one column per unit, empty = missing), or pooled over the evaluations of many intervision cases (--evaluations).",
        discussion: """
        With --evaluations, every *.evaluation.xml directly in the given folders (not their subfolders) or the files given is read; evaluations are grouped by the dossier they are of, each cell of each case is a unit, and alpha is computed per judgement family over all cases with a 95% bootstrap interval (1000 samples, seed 20110101), then per rater: the distance to the others, whether it exceeds the distance among the others (systematically, with at least 5 units), the shift in level steps on ordinal families, the alpha without the rater, and the cells where the rater stands furthest from the group.
        """
    )

    enum Format: String, ExpressibleByArgument { case text, markdown, json }

    @Argument(help: "The CSV file (not with --evaluations).")
    var file: String?

    @Option(help: "Measurement level of the CSV: nominal, ordinal, interval or ratio.")
    var level: MeasurementLevel?

    @Option(parsing: .upToNextOption, help: "Evaluation files or folders of intervision cases to pool (a folder gives the *.evaluation.xml directly in it).")
    var evaluations: [String] = []

    @Option(help: "Ruleset the evaluations use (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Output format: text, markdown (with --evaluations) or json.")
    var format: Format = .text

    @Option(help: "Report language with --evaluations: nl or en.")
    var lang: Language = .nl

    func validate() throws {
        if evaluations.isEmpty {
            guard file != nil else { throw ValidationError("give a CSV file, or --evaluations with evaluation files or folders") }
            guard level != nil else { throw ValidationError("--level is required with a CSV file") }
            if format == .markdown { throw ValidationError("--format markdown needs --evaluations") }
        } else {
            if file != nil { throw ValidationError("give either a CSV file or --evaluations, not both") }
            if level != nil { throw ValidationError("--level applies to a CSV file; with --evaluations each family has its own level") }
        }
    }

    func run() throws {
        try exitOnFailure {
            if !evaluations.isEmpty { return try pooled() }
            let file = self.file!, level = self.level!
            let data = try readInputFile(file, limit: 64 << 20)
            guard let text = String(data: data, encoding: .utf8) else {
                let (line, column) = firstInvalidUTF8(in: data)
                throw Failure(status: ExitStatus.dataError, lines: ["\(file):\(line):\(column): input is not valid UTF-8"])
            }
            let matrix: ReliabilityMatrix
            do throws(ReliabilityInputError) {
                // Nominal data may be category labels rather than numbers.
                matrix = try ReliabilityMatrix.parseCSV(text, categorical: level == .nominal && !Self.looksNumeric(text))
            } catch {
                throw Failure(status: ExitStatus.dataError, lines: ["\(file):\(error.line):\(error.column): \(error.reason)"])
            }
            let result = KrippendorffAlpha.compute(matrix, level: level)
            switch format {
            case .json:
                let value: JSONValue = .object([
                    ("alpha", result.alpha.map(JSONValue.number) ?? .null),
                    ("units", .integer(result.units)),
                    ("raters", .integer(result.raters)),
                    ("pairable", .integer(result.pairable)),
                    ("level", .string(level.rawValue)),
                ])
                try emit(value.serialized() + "\n", to: nil)
            case .text, .markdown:
                let alpha = result.alpha.map { JSONValue.number($0).serialized() } ?? "undefined (\(result.undefinedReason?.description ?? "no data"))"
                try emit("Krippendorff's alpha (\(level.rawValue)): \(alpha)\nunits: \(result.units), raters: \(result.raters), pairable values: \(result.pairable)\n", to: nil)
            }
        }
    }

    /// `--evaluations`: every evaluation loaded (schema and ruleset references; all problems at once), grouped by
    /// dossier, a rater listed twice for one dossier refused, then pooled.
    private func pooled() throws {
        let schemas = try Resources.schemas()
        let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
        var files: [String] = []
        for argument in evaluations {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw Failure(status: ExitStatus.noInput, lines: ["\(argument): no such file or folder"])
            }
            if isDirectory.boolValue {
                // The evaluations in the folder itself, not in its subfolders: Cases/intervisie is the seed-faithful
                // set, and its labelled extension in uitbreiding/ is pooled only when named.
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.filter { $0.hasSuffix(".evaluation.xml") }.sorted().map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        guard !files.isEmpty else { throw Failure(status: ExitStatus.noInput, lines: ["no *.evaluation.xml in " + evaluations.joined(separator: " ")]) }
        var loaded: [Evaluation] = []
        var problems: [LocatedProblem] = []
        for path in files {
            do throws(LoadError) {
                loaded.append(try EvaluationLoader.load(contentsOf: path, ruleset: ruleset, dossier: nil, schemas: schemas))
            } catch {
                if case .missingInput = error { throw Failure(status: ExitStatus.noInput, lines: [error.description]) }
                problems += error.problems
            }
        }
        var byDossier: [String: [Evaluation]] = [:]
        for evaluation in loaded {
            if let first = byDossier[evaluation.dossier]?.first(where: { $0.rater == evaluation.rater }) {
                problems.append(LocatedProblem(evaluation.raterLocation, "rater '\(evaluation.rater)' evaluates dossier '\(evaluation.dossier)' twice (also in \(first.raterLocation)); each professional gives one evaluation per case"))
                continue
            }
            byDossier[evaluation.dossier, default: []].append(evaluation)
        }
        if !problems.isEmpty { throw Failure(status: ExitStatus.dataError, lines: problems.sorted { $0.location < $1.location }.map(\.description)) }
        let pooled = PooledAgreement(cases: byDossier.keys.sorted().map { ($0, byDossier[$0]!) }, ruleset: ruleset)
        let report = PooledAgreementReport(language: lang)
        let text: String = switch format {
        case .json: report.json(pooled).serialized(pretty: true) + "\n"
        case .text: PlainTextRenderer().render(report.document(pooled))
        case .markdown: MarkdownRenderer().render(report.document(pooled))
        }
        try emit(text, to: nil)
    }

    /// True when every non-empty cell after a possible header row and label column parses as a number.
    private static func looksNumeric(_ text: String) -> Bool {
        (try? ReliabilityMatrix.parseCSV(text, categorical: false)) != nil
    }
}

extension MeasurementLevel: ExpressibleByArgument {}
