import Foundation
import TotaalbeeldLoader
import TotaalbeeldText

/// Analyses the narrative evaluation corpus repeatedly for a few seconds with one shared analyzer
/// and reports sentences per second, the number of terms compiled and the matcher's work per token.
///
/// `swift run -c release totaalbeeld-bench narrative [seconds] [--passes <n>] [--repo <path>]`
///
/// With `--passes`, exactly that many passes after the warm-up, whatever the time: for instruction counts
/// (callgrind), where the difference of two pass counts is the cost of the passes alone.
enum NarrativeBenchmark {
    static func run(_ arguments: [String]) throws {
        var seconds = 3.0
        var passes: Int?
        var repository = FileManager.default.currentDirectoryPath
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--repo", let path = remaining.popFirst() {
                repository = path
            } else if argument == "--passes", let value = remaining.popFirst().flatMap({ Int($0) }), value > 0 {
                passes = value
            } else if let value = Double(argument), value > 0 {
                seconds = value
            } else {
                throw BenchmarkError("unexpected argument '\(argument)'")
            }
        }

        let schemas = try SchemaSet(directory: repository + "/Rulesets/schema")
        let ruleset = try RulesetLoader.load(contentsOf: repository + "/Rulesets/akc-2011.xml", schemas: schemas)
        let sentences = try corpusSentences(in: repository + "/Tests/TotaalbeeldTextTests/Corpus")
        guard !sentences.isEmpty else { throw BenchmarkError("no corpus sentences found") }

        let compileStart = Date()
        let analyzer = NarrativeAnalyzer(ruleset: ruleset)
        let compileTime = Date().timeIntervalSince(compileStart)

        // Warm up once, then run whole passes until the time is up.
        var hits = 0
        for sentence in sentences { hits += analyzer.analyze(sentence).count }
        var statistics = PhraseMatcher.MatchStatistics()
        var analysed = 0
        let start = Date()
        var elapsed = 0.0
        repeat {
            for sentence in sentences { _ = analyzer.analyze(sentence, statistics: &statistics) }
            analysed += sentences.count
            elapsed = Date().timeIntervalSince(start)
        } while passes.map { analysed < $0 * sentences.count } ?? (elapsed < seconds)

        let characters = sentences.reduce(0) { $0 + $1.unicodeScalars.count } * (analysed / sentences.count)
        print("narrative: \(analyzer.termCount) terms in \(ruleset.indicators.count) indicators, \(analyzer.contextPhraseCount) context phrases; \(analyzer.termMatcher.nodeCount) trie nodes; compiled in \(format(compileTime * 1000)) ms")
        print("narrative: \(sentences.count) corpus sentences, \(hits) hits per pass")
        print("narrative: \(analysed) sentences in \(format(elapsed)) s = \(format(Double(analysed) / elapsed)) sentences/s, \(format(Double(characters) / elapsed / 1_000_000)) M characters/s")
        print("narrative: \(format(Double(statistics.steps) / Double(max(1, statistics.tokens)))) matcher steps per token")
    }

    /// The `text` of every line of the corpus's JSON Lines files.
    static func corpusSentences(in directory: String) throws -> [String] {
        struct Line: Decodable { var text: String }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        var sentences: [String] = []
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                sentences.append(try JSONDecoder().decode(Line.self, from: Data(line.utf8)).text)
            }
        }
        return sentences
    }

    private static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
