import Foundation
import TotaalbeeldLoader
import TotaalbeeldText

/// One run-on sentence with 1k, 2k, 4k and 8k hits ("Hij heeft, geen schulden, geen schulden, …"):
/// time per analysis with the ruleset's sentence limit, and with cutting switched off so the indexed
/// context scopes alone are measured. Near-linear growth is the point; before indexing, 2,340 hits took
/// 12 s in `annotate` (cubic).
///
/// `swift run -c release totaalbeeld-bench long-sentence [--repo <path>]`
enum LongSentenceBenchmark {
    static func run(_ arguments: [String]) throws {
        var repository = FileManager.default.currentDirectoryPath
        if let index = arguments.firstIndex(of: "--repo"), index + 1 < arguments.count { repository = arguments[index + 1] }
        let schemas = try SchemaSet(directory: repository + "/Rulesets/schema")
        let ruleset = try RulesetLoader.load(contentsOf: repository + "/Rulesets/akc-2011.xml", schemas: schemas)
        var uncut = ruleset
        uncut.context.maxSentenceWords = Int.max / 2
        for (label, analyzer) in [("cut at \(ruleset.context.maxSentenceWords) words", NarrativeAnalyzer(ruleset: ruleset)), ("not cut", NarrativeAnalyzer(ruleset: uncut))] {
            var previous: Double?
            for hits in [1000, 2000, 4000, 8000] {
                let text = "Hij heeft" + String(repeating: ", geen schulden", count: hits) + "."
                var best = Double.infinity
                var found = 0
                for _ in 0..<5 {
                    let start = Date()
                    found = analyzer.analyze(text).count
                    best = min(best, Date().timeIntervalSince(start))
                }
                let growth = previous.map { String(format: ", ×%.2f for ×2 hits", best / $0) } ?? ""
                print(String(format: "long-sentence (%@): %5d hits in %.1f ms%@", label, found, best * 1000, growth))
                previous = best
            }
        }
    }
}
