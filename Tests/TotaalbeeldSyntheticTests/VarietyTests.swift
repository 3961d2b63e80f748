import TotaalbeeldEngine
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// A population is varied: every regime and profile, every reading of a narrative hit, assessments,
/// gaps where the profile leaves them, and prose the analyser reads the way it was meant.
final class VarietyTests: XCTestCase {
    var members: [SyntheticPopulation.Member] { SyntheticPopulation.thousand.members }

    func testEveryRegimeAndProfileOccurs() {
        XCTAssertEqual(SyntheticPopulation.thousand.failures.count, 0)
        let regimes = Set(members.map(\.generated.benefitRegime))
        XCTAssertEqual(regimes, ["wajong", "wia", "wao", "ziektewet", "ww", "letselschade", "participatiewet", "geen", "anders"])
        XCTAssertEqual(Set(members.map(\.generated.profile)), ["simple", "moderate", "multi-problem", "crisis", "sparse", "contested"])
        // The loaded dossier says the same as the generator's bookkeeping.
        for member in members { XCTAssertEqual(member.result.dossier.client.benefitRegime, member.generated.benefitRegime) }
    }

    func testNarrativeHitsHaveEveryReading() {
        let hits = members.flatMap(\.result.facts).filter(\.isNarrative)
        XCTAssertGreaterThan(hits.count, 5000)
        let negated = hits.filter { !$0.present }.count
        let historical = hits.filter(\.historical).count
        let hypothetical = hits.filter(\.hypothetical).count
        let other = hits.filter { $0.experiencer == .other }.count
        for (name, count) in [("negated", negated), ("historical", historical), ("hypothetical", hypothetical), ("other", other)] {
            XCTAssertGreaterThan(count, 0, name)
            XCTAssertLessThan(Double(count) / Double(hits.count), 0.5, name)
        }
        print("narrative hits: \(hits.count); negated \(negated), historical \(historical), hypothetical \(hypothetical), other \(other)")
    }

    func testSomeDossiersHaveAssessmentsInEveryStyle() {
        let assessed = members.filter { $0.result.dossier.assessment != nil }
        XCTAssertEqual(Double(assessed.count) / Double(members.count), 0.3, accuracy: 0.05)
        XCTAssertTrue(assessed.allSatisfy(\.generated.hasAssessment))
        XCTAssertTrue(assessed.contains { !($0.result.dossier.assessment?.supportNeeds.isEmpty ?? true) }, "argued: Schema 2 filled in")
        XCTAssertTrue(assessed.contains { $0.result.dossier.assessment?.placement?.willing == .no }, "unwillingness")
        XCTAssertTrue(assessed.contains { $0.result.flags.contains { $0.rule == "tunnelvisie" || $0.rule == "verankering" } }, "tunnel vision flagged")
    }

    func testSparseProfilesHaveGapsAndSimpleOnesNone() {
        let sparse = members.filter { $0.generated.profile == "sparse" }
        XCTAssertFalse(sparse.isEmpty)
        XCTAssertTrue(sparse.allSatisfy { !$0.result.gaps.isEmpty })
        let averageSparse = Double(sparse.map(\.result.gaps.count).reduce(0, +)) / Double(sparse.count)
        XCTAssertGreaterThan(averageSparse, 2.5)
        let simple = members.filter { $0.generated.profile == "simple" && $0.result.dossier.sources.contains { $0.kind == "client" } }
        XCTAssertGreaterThan(simple.filter { $0.result.gaps.isEmpty }.count, simple.count * 9 / 10)
    }

    func testMultiProblemDossiersCarryBurdenInSeveralDomains() {
        let multi = members.filter { $0.generated.profile == "multi-problem" }
        let burdened = multi.map { $0.result.domains.filter { $0.burden > 0 }.count }
        XCTAssertGreaterThanOrEqual(Double(burdened.reduce(0, +)) / Double(multi.count), 3)
        let simple = members.filter { $0.generated.profile == "simple" }.map { $0.result.domains.filter { $0.burden > 0 }.count }
        XCTAssertLessThan(Double(simple.reduce(0, +)) / Double(simple.count), 2.5)
    }

    func testInconsistenciesOccur() {
        let rules = Set(members.flatMap(\.result.flags).filter { $0.kind == .inconsistency }.map(\.rule))
        for rule in ["ontkenning-tegenover-derden", "ongeschikt-tegenover-arts", "beperking-tegenover-observatie", "test-tegenover-diploma"] {
            XCTAssertTrue(rules.contains(rule), rule)
        }
    }

    /// The analyser reads at least 95 % of the planned narrative mentions the way the generator meant them,
    /// and finds few indicators the generator did not plan. Signals (rule inputs without weight: a claim of a
    /// limitation, an external cause) are not indicators and the generator plans none; they are counted apart.
    func testAnalyserReadsPlannedMentionsAsPlanned() {
        var planned = 0, agreed = 0, spurious = 0, narrativeHits = 0, signalHits = 0
        var misses: [String] = []
        var unplanned: [String: Int] = [:]
        // A narrower reading of the planned concept (eviction for a housing problem) reads it as planned.
        let broader = Fixtures.defaultRuleset.broaderIndicatorsByID
        func reads(_ fact: Fact, as indicator: String) -> Bool { fact.indicator == indicator || broader[fact.indicator]?.contains(indicator) == true }
        for member in members {
            let narrativeIDs = Set(member.result.dossier.narratives.map(\.id))
            let mentions = member.generated.mentions.filter { narrativeIDs.contains($0.elementID) }
            // Narrative mentions only: the benefit ground's cause is read too, but the generator plans no mentions there.
            let facts = member.result.facts.filter { $0.isNarrative && narrativeIDs.contains($0.elementID) }
            for mention in mentions {
                planned += 1
                let candidates = facts.filter { $0.elementID == mention.elementID && reads($0, as: mention.indicator) }
                if candidates.contains(where: { Self.reading(of: $0) == mention.context }) {
                    agreed += 1
                } else if misses.count < 15 {
                    let text = member.result.dossier.narratives.first { $0.id == mention.elementID }?.text ?? ""
                    misses.append("\(mention.indicator) planned \(mention.context), read \(candidates.map { Self.reading(of: $0).rawValue }): \(text)")
                }
            }
            for fact in facts {
                if Fixtures.defaultRuleset.indicator(id: fact.indicator)?.role == .signal {
                    signalHits += 1
                    continue
                }
                narrativeHits += 1
                if !mentions.contains(where: { $0.elementID == fact.elementID && reads(fact, as: $0.indicator) }) {
                    spurious += 1
                    unplanned["\(fact.indicator) “\(fact.quote)”", default: 0] += 1
                }
            }
        }
        let agreement = Double(agreed) / Double(planned), spuriousShare = Double(spurious) / Double(narrativeHits)
        print("planned narrative mentions: \(planned), read as planned: \(agreed) (\(Int(agreement * 1000)) ‰); unplanned hits: \(spurious) of \(narrativeHits); signal hits apart: \(signalHits)")
        XCTAssertGreaterThan(agreement, 0.95, misses.joined(separator: "\n"))
        let common = unplanned.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15).map { "\($0.value)× \($0.key)" }
        // Measured 2.7 % with ruleset 1.12.0 once signals were counted apart (5.6 % with them, under 5 % before 1.12.0).
        XCTAssertLessThan(spuriousShare, 0.04, "most frequent unplanned hits:\n" + common.joined(separator: "\n"))
    }

    /// The generator's "hypothetical" frames are the 2011 scheme's: conditional and possible alike ("Mogelijk is
    /// er sprake van …"); since ruleset 1.1.0 the reader calls the possible ones uncertain.
    static func reading(of fact: Fact) -> MentionContext {
        if !fact.present { return .negated }
        if fact.hypothetical || fact.uncertain { return .hypothetical }
        if fact.historical { return .historical }
        if fact.experiencer == .other { return .other }
        return .affirmed
    }
}
