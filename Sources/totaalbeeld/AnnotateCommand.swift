import ArgumentParser
import Foundation
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldText

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Finds the ruleset's indicators in plain Dutch text, with negation, history, resolution, hypotheticals, uncertainty, experiencer and claims."
    )

    enum Format: String, ExpressibleByArgument { case json, text }

    @Argument(help: "A UTF-8 text file, or - (default) for standard input.")
    var file: String = "-"

    @Option(help: "Ruleset file (default: Rulesets/akc-2011.xml).")
    var ruleset: String?

    @Option(help: "Output format: json or text.")
    var format: Format = .json

    func run() throws {
        try exitOnFailure {
            let schemas = try Resources.schemas()
            let ruleset = try Resources.loadRuleset(self.ruleset, schemas: schemas)
            let text = try readText()
            let analyzer = NarrativeAnalyzer(ruleset: ruleset)
            warnAboutMorphology(analyzer)
            let hits = analyzer.analyze(text)
            switch format {
            case .json:
                try emit(AnnotationJSON.value(for: hits, ruleset: ruleset).serialized(pretty: true) + "\n", to: nil)
            case .text:
                let lines = hits.map { hit in
                    var properties: [String] = []
                    if hit.negated { properties.append("negated") }
                    if hit.historical { properties.append("historical") }
                    if hit.resolved { properties.append("resolved") }
                    if hit.hypothetical { properties.append("hypothetical") }
                    if hit.uncertain { properties.append("uncertain") }
                    if hit.experiencer == .other { properties.append("other") }
                    if hit.assertion == .claim { properties.append("claim") }
                    let domain = ruleset.indicator(id: hit.indicator)?.domain ?? ""
                    let spelling = hit.spelling.isEmpty ? "" : "\tspelling: " + hit.spelling.map(\.description).joined(separator: ", ")
                    return "\(hit.start)-\(hit.end)\t\(hit.indicator)\t\(domain)\t\(hit.matchedText)\t\(properties.isEmpty ? "affirmed" : properties.joined(separator: ","))" + spelling
                }
                try emit(lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", to: nil)
            }
        }
    }

    private func readText() throws -> String {
        let name = file == "-" ? "<stdin>" : file
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try readInputFile(file, limit: 16 << 20)
        }
        guard let text = String(validatingUTF8Data: data) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw Failure(status: ExitStatus.dataError, lines: ["\(name):\(line):\(column): input is not valid UTF-8"])
        }
        return text
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}

/// Line and column (1-based, in characters) of the first byte that breaks UTF-8.
func firstInvalidUTF8(in data: Data) -> (Int, Int) {
    var line = 1, column = 1
    var iterator = data.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        case .emptyInput:
            return (line, column)
        case .error:
            return (line, column)
        }
    }
}
