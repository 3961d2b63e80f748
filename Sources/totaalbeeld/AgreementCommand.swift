import ArgumentParser
import Foundation
import TotaalbeeldAgreement
import TotaalbeeldReport

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Krippendorff's alpha for a reliability matrix (CSV: one row per rater, one column per unit, empty = missing)."
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "Measurement level: nominal, ordinal, interval or ratio.")
    var level: MeasurementLevel

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        try exitOnFailure {
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
            case .text:
                let alpha = result.alpha.map { JSONValue.number($0).serialized() } ?? "undefined (\(result.undefinedReason?.description ?? "no data"))"
                try emit("Krippendorff's alpha (\(level.rawValue)): \(alpha)\nunits: \(result.units), raters: \(result.raters), pairable values: \(result.pairable)\n", to: nil)
            }
        }
    }

    /// True when every non-empty cell after a possible header row and label column parses as a number.
    private static func looksNumeric(_ text: String) -> Bool {
        (try? ReliabilityMatrix.parseCSV(text, categorical: false)) != nil
    }
}

extension MeasurementLevel: ExpressibleByArgument {}
