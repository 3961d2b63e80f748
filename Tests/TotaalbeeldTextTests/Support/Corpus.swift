import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldText

/// One hand-annotated sentence of `Corpus/*.jsonl` (format and guidelines: `Corpus/README.md`).
struct CorpusSentence: Decodable {
    enum Split: String, Decodable, CaseIterable { case tuning, heldout }

    struct GoldHit: Decodable {
        var indicator: String
        /// The surface string of the term occurrence in the sentence.
        var text: String
        /// Which occurrence of `text` is meant, 1-based, when it occurs more than once.
        var occurrence: Int?
        var negated: Bool
        var historical: Bool
        var hypothetical: Bool
        var experiencer: String
    }

    var id: String
    var split: Split
    var origin: String
    var text: String
    var hits: [GoldHit]

    /// "written", "seed004" or "cases", for reporting by source.
    var originGroup: String {
        origin.hasPrefix("case:") ? "cases" : origin == "seed004" ? "seed004" : "written"
    }

    /// Unicode-scalar span of a gold hit, like ``TextHit``'s.
    func span(of hit: GoldHit) -> Range<Int>? {
        let scalars = Array(text.unicodeScalars), needle = Array(hit.text.unicodeScalars)
        var seen = 0
        guard needle.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - needle.count) where Array(scalars[start..<(start + needle.count)]) == needle {
            seen += 1
            if seen == (hit.occurrence ?? 1) { return start..<(start + needle.count) }
        }
        return nil
    }
}

enum TestPaths {
    /// The repository root, found from this file's location (`Tests/TotaalbeeldTextTests/Support/`).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("repository root not found above \(#filePath)")
    }()

    static var corpusDirectory: URL {
        Bundle.module.url(forResource: "Corpus", withExtension: nil)
            ?? URL(fileURLWithPath: root + "/Tests/TotaalbeeldTextTests/Corpus")
    }

    static func loadDefaultRuleset() throws -> Ruleset {
        let schemas = try SchemaSet(directory: root + "/Rulesets/schema")
        return try RulesetLoader.load(contentsOf: root + "/Rulesets/akc-2011.xml", schemas: schemas)
    }

    static func loadCorpus() throws -> [CorpusSentence] {
        let files = try FileManager.default.contentsOfDirectory(at: corpusDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var sentences: [CorpusSentence] = []
        let decoder = JSONDecoder()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                do {
                    sentences.append(try decoder.decode(CorpusSentence.self, from: Data(line.utf8)))
                } catch {
                    throw CorpusError(message: "\(file.lastPathComponent):\(number + 1): \(error)")
                }
            }
        }
        return sentences
    }
}

struct CorpusError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
