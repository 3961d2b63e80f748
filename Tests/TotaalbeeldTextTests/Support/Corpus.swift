import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldText

/// One hand-annotated sentence of `Corpus/*.jsonl` (format and guidelines: `Corpus/README.md`), or of
/// the 2026 folders in the extended scheme (`Corpus/heldout-2026/README.md`): the 2026 fields are
/// optional, and a property a sentence does not annotate is not scored on it.
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
        /// 2026 scheme (and the 2011 files re-annotated for it): possible or probable, not established.
        var uncertain: Bool?
        /// 2026 scheme: arranged or solved since.
        var resolved: Bool?
        /// 2026 scheme: "claim" (the client's own statement) or "finding".
        var assertion: String?
    }

    var id: String
    var split: Split
    var origin: String
    var text: String
    var hits: [GoldHit]
    /// 2026 scheme: the register the sentence is written in.
    var register: String?
    /// 2026 scheme, sense traps only: concept ids a risky word might wrongly suggest.
    var trap: [String]?

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

    /// The 2011-scheme corpus: the `*.jsonl` files directly in `Corpus/` (tuning and held-out splits).
    static func loadCorpus() throws -> [CorpusSentence] { try loadCorpus(folder: nil) }

    /// The sentences of one corpus folder: `nil` for the top level, or `"tuning-2026"`, `"heldout-2026"`.
    static func loadCorpus(folder: String?) throws -> [CorpusSentence] { try loadCorpus(folder: folder, file: nil) }

    /// The sentences of one corpus folder, or of one file in it (`file`: its name without `.jsonl`).
    static func loadCorpus(folder: String?, file: String?) throws -> [CorpusSentence] {
        let directory = folder.map { corpusDirectory.appendingPathComponent($0) } ?? corpusDirectory
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" && (file == nil || $0.deletingPathExtension().lastPathComponent == file) }
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
