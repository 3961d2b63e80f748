import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// What typo tolerance (`typoDistance`) is worth on text typed fast, measured on the tuning sets only: each
/// sentence and its gold spans get the same deterministic typing errors (in about one word in three of
/// eight letters or more, two neighbouring letters after the first swapped), and detection is scored
/// with tolerance off and on. Held-out sets are never used here. Prints the figures; asserts only that
/// tolerance recovers hits and costs no precision on the tuning sets.
final class TypingErrorEvaluationTests: XCTestCase {
    /// The same word always gets the same error, so a gold span and its sentence stay aligned.
    static func mistype(_ word: Substring) -> String {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 8 else { return String(word) }
        let hash = letters.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        guard hash % 3 == 0 else { return String(word) }
        let at = 1 + hash % (letters.count - 2)
        guard letters[at] != letters[at + 1] else { return String(word) }
        var typed = letters
        typed.swapAt(at, at + 1)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: typed)
        return String(view)
    }

    static func mistypeText(_ text: String) -> String {
        var result = "", word = ""
        for character in text {
            if character.isLetter { word.append(character); continue }
            result += mistype(word[...]) + String(character)
            word = ""
        }
        return result + mistype(word[...])
    }

    func testTypingErrorsOnTheTuningSets() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        var off = ruleset
        off.context.typoDistance = 0
        let analyzers = [("off", NarrativeAnalyzer(ruleset: off)), ("on", NarrativeAnalyzer(ruleset: ruleset))]
        let signals = Set(ruleset.indicators.filter { $0.role == .signal }.map(\.id)).subtracting(CorpusEvaluationTests.concepts2026)
        let highPrecision = CorpusEvaluationTests.highPrecision(ruleset)
        let broader = ruleset.broaderIndicatorsByID
        var lines = ["", "Typing errors on the tuning sets (detection; one long word in three mistyped)"]
        var figures: [String: Confusion] = [:]
        for set in try CorpusEvaluationTests.sets() where !set.heldOut {
            let typed = set.sentences.map { sentence -> CorpusSentence in
                var copy = sentence
                copy.text = Self.mistypeText(sentence.text)
                copy.hits = sentence.hits.map { var hit = $0; hit.text = Self.mistypeText(hit.text); return hit }
                return copy
            }
            for (name, analyzer) in analyzers {
                for (label, sentences) in [("as written", set.sentences), ("mistyped", typed)] {
                    var evaluation = Evaluation()
                    for sentence in sentences {
                        let predicted = analyzer.analyze(sentence.text).filter {
                            (!signals.contains($0.indicator) || broader[$0.indicator].map { !$0.isSubset(of: signals) } == true)
                                && (set.scheme2026 || !CorpusEvaluationTests.concepts2026.contains($0.indicator))
                        }
                        evaluation.score(sentence, predicted: predicted, highPrecision: highPrecision, broader: broader)
                    }
                    figures["\(set.name) \(label) \(name)"] = evaluation.detection
                    lines.append("  " + "\(set.name), \(label), tolerance \(name)".padded(44) + evaluation.detection.description)
                }
            }
        }
        print(lines.joined(separator: "\n"))
        for set in ["tuning-2011", "tuning-2026"] {
            let typedOff = try XCTUnwrap(figures["\(set) mistyped off"]), typedOn = try XCTUnwrap(figures["\(set) mistyped on"])
            XCTAssertGreaterThan(typedOn.truePositives, typedOff.truePositives, "\(set): tolerance recovers mistyped terms")
            let writtenOff = try XCTUnwrap(figures["\(set) as written off"]), writtenOn = try XCTUnwrap(figures["\(set) as written on"])
            XCTAssertLessThanOrEqual(writtenOn.falsePositives, writtenOff.falsePositives, "\(set): no new false hit in text as written")
        }
    }
}
