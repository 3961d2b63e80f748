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

/// The context properties, each scored over matched gold/predicted pairs. The 2011 files annotate
/// the first four (and, after their re-annotation for the 2026 scheme, `uncertain`); a property a
/// gold hit does not annotate is not scored for it.
enum Property: String, CaseIterable {
    case negated, historical, hypothetical, uncertain, resolved, experiencer, assertion

    /// The gold value, `nil` when the hit's scheme does not annotate the property.
    func gold(_ hit: CorpusSentence.GoldHit) -> Bool? {
        switch self {
        case .negated: hit.negated
        case .historical: hit.historical
        case .hypothetical: hit.hypothetical
        case .uncertain: hit.uncertain
        case .resolved: hit.resolved
        case .experiencer: hit.experiencer == "other"
        case .assertion: hit.assertion.map { $0 == "claim" }
        }
    }

    func predicted(_ hit: TextHit) -> Bool {
        switch self {
        case .negated: hit.negated
        case .historical: hit.historical
        case .hypothetical: hit.hypothetical
        case .uncertain: hit.uncertain
        case .resolved: hit.resolved
        case .experiencer: hit.experiencer == .other
        case .assertion: hit.assertion == .claim
        }
    }

    /// The positive class, for reports.
    var positive: String {
        switch self {
        case .experiencer: "other"
        case .assertion: "claim"
        default: rawValue
        }
    }
}

/// Scores of the analyzer on a set of corpus sentences.
///
/// A predicted hit matches a gold hit when the indicator is the same (or the ruleset declares it a
/// narrower kind of the gold one: eviction for acute crisis) and the spans overlap
/// (one-to-one, in text order); unmatched predictions are false positives, unmatched gold hits
/// false negatives. Properties are scored over matched pairs only, with the positive class
/// negated / historical / hypothetical / uncertain / resolved / experiencer = other / assertion = claim.
///
/// Sense traps (2026 scheme): a trap sentence is *read correctly* when no hit of any of its trap
/// concepts is predicted, whatever its properties; a *high-precision assertion* is a predicted hit of a
/// high-precision indicator in a trap sentence that matches no gold hit and is not negated.
struct Evaluation {
    var detection = Confusion()
    var properties: [Property: Confusion] = [:]
    var perIndicator: [String: Confusion] = [:]
    var sentences = 0
    var traps = 0
    var trapsReadCorrectly = 0
    var highPrecisionAssertedInTraps = 0
    /// Human-readable disagreements, for tuning.
    var errors: [String] = []

    mutating func score(_ sentence: CorpusSentence, predicted: [TextHit], highPrecision: Set<String> = [], broader: [String: Set<String>] = [:]) {
        sentences += 1
        func isA(_ hit: TextHit, _ concept: String) -> Bool { hit.indicator == concept || broader[hit.indicator]?.contains(concept) == true }
        var unmatched = predicted
        var matched: [TextHit] = []
        for gold in sentence.hits {
            guard let span = sentence.span(of: gold) else {
                errors.append("\(sentence.id): gold text '\(gold.text)' not in sentence")
                continue
            }
            let overlapping = { (hit: TextHit) in hit.start < span.upperBound && span.lowerBound < hit.end }
            // A narrower hit is also a mention of each broader concept: when the annotation names both on
            // the same words ("relatieproblemen" and "thuissituatie-belastend" on "de scheiding"), the one
            // narrower reading the analyzer keeps answers both.
            let reused = matched.first { $0.indicator != gold.indicator && isA($0, gold.indicator) && overlapping($0) }
            if let hit = unmatched.firstIndex(where: { $0.indicator == gold.indicator && overlapping($0) }).map({ unmatched.remove(at: $0) })
                ?? unmatched.firstIndex(where: { isA($0, gold.indicator) && overlapping($0) }).map({ unmatched.remove(at: $0) })
                ?? reused {
                matched.append(hit)
                detection.add(gold: true, predicted: true)
                perIndicator[gold.indicator, default: Confusion()].add(gold: true, predicted: true)
                for property in Property.allCases {
                    guard let g = property.gold(gold) else { continue }
                    let p = property.predicted(hit)
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
        if let trap = sentence.trap {
            traps += 1
            let wrong = predicted.filter { hit in trap.contains { isA(hit, $0) } }
            if wrong.isEmpty {
                trapsReadCorrectly += 1
            } else {
                errors.append("\(sentence.id) trap: \(wrong.map { "\($0.indicator) '\($0.matchedText)'\($0.negated ? " (negated)" : "")" }.joined(separator: ", ")) — \(sentence.text)")
            }
            if unmatched.contains(where: { hit in !hit.negated && highPrecision.contains { isA(hit, $0) } }) {
                highPrecisionAssertedInTraps += 1
            }
        }
    }

    func property(_ property: Property) -> Confusion { properties[property] ?? Confusion() }

    static func + (lhs: Evaluation, rhs: Evaluation) -> Evaluation {
        var sum = lhs
        sum.detection = lhs.detection + rhs.detection
        for property in Property.allCases where lhs.properties[property] != nil || rhs.properties[property] != nil {
            sum.properties[property] = lhs.property(property) + rhs.property(property)
        }
        sum.perIndicator.merge(rhs.perIndicator) { $0 + $1 }
        sum.sentences += rhs.sentences
        sum.traps += rhs.traps
        sum.trapsReadCorrectly += rhs.trapsReadCorrectly
        sum.highPrecisionAssertedInTraps += rhs.highPrecisionAssertedInTraps
        sum.errors += rhs.errors
        return sum
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
