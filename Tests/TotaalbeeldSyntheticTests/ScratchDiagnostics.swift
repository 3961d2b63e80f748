import TotaalbeeldEngine
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

final class ScratchDiagnostics: XCTestCase {
    func testPrintDiagnostics() {
        let members = SyntheticPopulation.thousand.members
        var spurious: [String: Int] = [:]
        var misses: [String: Int] = [:]
        for member in members {
            let narrativeIDs = Set(member.result.dossier.narratives.map(\.id))
            let mentions = member.generated.mentions.filter { narrativeIDs.contains($0.elementID) }
            let facts = member.result.facts.filter(\.isNarrative)
            for fact in facts where !mentions.contains(where: { $0.elementID == fact.elementID && $0.indicator == fact.indicator }) {
                let planned = mentions.filter { $0.elementID == fact.elementID }.map(\.indicator).joined(separator: ",")
                spurious["\(fact.indicator) '\(fact.quote)' [planned: \(planned)]", default: 0] += 1
            }
            for mention in mentions {
                let c = facts.filter { $0.elementID == mention.elementID && $0.indicator == mention.indicator }
                if !c.contains(where: { VarietyTests.reading(of: $0) == mention.context }) {
                    let sentence: String
                    if case .narrative(_, _, let s, _)? = c.first?.origin { sentence = s } else { sentence = member.result.dossier.narratives.first { $0.id == mention.elementID }?.text ?? "" }
                    misses["\(mention.indicator) \(mention.context) -> \(c.map { VarietyTests.reading(of: $0).rawValue }) :: \(sentence)", default: 0] += 1
                }
            }
        }
        print("=== SPURIOUS"); for (k, v) in spurious.sorted(by: { $0.value > $1.value }).prefix(40) { print(v, k) }
        print("=== MISSES"); for (k, v) in misses.sorted(by: { $0.value > $1.value }).prefix(40) { print(v, k) }
        print("=== MULTI")
        for profile in ["multi-problem", "crisis", "sparse", "moderate", "contested"] {
            var reasons: [String: Int] = [:]
            for m in members where m.generated.profile == profile {
                let r = m.result.trialAndError.reasons.map { $0.en ?? $0.nl }
                let key = r.map { String($0.prefix(60)) }.joined(separator: " | ")
                reasons[key, default: 0] += 1
            }
            print("--", profile); for (k, v) in reasons.sorted(by: { $0.value > $1.value }).prefix(8) { print(v, k) }
        }
    }
}
