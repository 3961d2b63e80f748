import Foundation
import TotaalbeeldModel
import TotaalbeeldText

/// Counts of one binary decision, and the precision, recall and F1 they give.
struct Confusion: CustomStringConvertible {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// Harmonic mean; 1 when there was nothing to find and nothing was found.
    var f1: Double {
        if truePositives + falsePositives + falseNegatives == 0 { return 1 }
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    mutating func add(gold: Bool, predicted: Bool) {
        switch (gold, predicted) {
        case (true, true): truePositives += 1
        case (false, true): falsePositives += 1
        case (true, false): falseNegatives += 1
        case (false, false): break
        }
    }

    static func + (lhs: Confusion, rhs: Confusion) -> Confusion {
        Confusion(truePositives: lhs.truePositives + rhs.truePositives, falsePositives: lhs.falsePositives + rhs.falsePositives, falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    var description: String {
        String(format: "%.3f  %.3f  %.3f  %4d %4d %4d", precision, recall, f1, truePositives, falsePositives, falseNegatives)
    }
}

/// The four ConText properties, each scored over matched gold/predicted pairs.
enum Property: String, CaseIterable {
    case negated, historical, hypothetical, experiencer

    func gold(_ hit: CorpusSentence.GoldHit) -> Bool {
        switch self {
        case .negated: hit.negated
        case .historical: hit.historical
        case .hypothetical: hit.hypothetical
        case .experiencer: hit.experiencer == "other"
        }
    }

    func predicted(_ hit: TextHit) -> Bool {
        switch self {
        case .negated: hit.negated
        case .historical: hit.historical
        case .hypothetical: hit.hypothetical
        case .experiencer: hit.experiencer == .other
        }
    }
}

/// Scores of the analyzer on a set of corpus sentences.
///
/// A predicted hit matches a gold hit when the indicator is the same and the spans overlap
/// (one-to-one, in text order); unmatched predictions are false positives, unmatched gold hits
/// false negatives. Properties are scored over matched pairs only, with the positive class
/// negated / historical / hypothetical / experiencer = other.
struct Evaluation {
    var detection = Confusion()
    var properties: [Property: Confusion] = [:]
    var perIndicator: [String: Confusion] = [:]
    var sentences = 0
    /// Human-readable disagreements, for tuning.
    var errors: [String] = []

    mutating func score(_ sentence: CorpusSentence, predicted: [TextHit]) {
        sentences += 1
        var unmatched = predicted
        for gold in sentence.hits {
            guard let span = sentence.span(of: gold) else {
                errors.append("\(sentence.id): gold text '\(gold.text)' not in sentence")
                continue
            }
            if let index = unmatched.firstIndex(where: { $0.indicator == gold.indicator && $0.start < span.upperBound && span.lowerBound < $0.end }) {
                let hit = unmatched.remove(at: index)
                detection.add(gold: true, predicted: true)
                perIndicator[gold.indicator, default: Confusion()].add(gold: true, predicted: true)
                for property in Property.allCases {
                    let (g, p) = (property.gold(gold), property.predicted(hit))
                    properties[property, default: Confusion()].add(gold: g, predicted: p)
                    if g != p {
                        errors.append("\(sentence.id) \(property.rawValue) gold=\(g) predicted=\(p): \(gold.indicator) '\(hit.matchedText)' [\(hit.triggers.map { "\($0.category.rawValue):\($0.phrase)" }.joined(separator: ", "))] — \(sentence.text)")
                    }
                }
            } else {
                detection.add(gold: true, predicted: false)
                perIndicator[gold.indicator, default: Confusion()].add(gold: true, predicted: false)
                errors.append("\(sentence.id) missed: \(gold.indicator) '\(gold.text)' — \(sentence.text)")
            }
        }
        for hit in unmatched {
            detection.add(gold: false, predicted: true)
            perIndicator[hit.indicator, default: Confusion()].add(gold: false, predicted: true)
            errors.append("\(sentence.id) spurious: \(hit.indicator) '\(hit.matchedText)' — \(sentence.text)")
        }
    }

    func property(_ property: Property) -> Confusion { properties[property] ?? Confusion() }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
