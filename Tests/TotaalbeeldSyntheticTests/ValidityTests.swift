import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// Non-broken dossiers are valid against the schema and the ruleset, and screen without trouble.
final class ValidityTests: XCTestCase {
    func testThreeHundredDossiersLoadAndScreen() {
        let population = SyntheticPopulation(seed: 11, count: 300) { $0.assessmentShare = 0.5 }
        XCTAssertEqual(population.failures.count, 0, population.failures.prefix(3).map { "\($0.0): \($0.1)" }.joined(separator: "\n"))
        XCTAssertEqual(population.members.count, 300)
        for member in population.members {
            XCTAssertEqual(member.result.domains.count, Fixtures.defaultRuleset.domains.count)
        }
    }

    func testDatesAreConsistent() {
        for member in SyntheticPopulation.thousand.members {
            let dossier = member.result.dossier
            XCTAssertTrue((2009...2025).contains(dossier.date.year), "\(member.path): \(dossier.date)")
            for source in dossier.sources {
                guard let date = source.date else { continue }
                XCTAssertLessThanOrEqual(date, dossier.date, "\(member.path): source \(source.id)")
            }
        }
    }

    /// Age bands fit the regime: Wajong clients are mostly young, WIA clients are 30 or older.
    func testAgesFitTheRegime() {
        let members = SyntheticPopulation.thousand.members
        let wajong = members.filter { $0.generated.benefitRegime == "wajong" }
        let young = wajong.filter { $0.result.dossier.client.ageBand == "18-26" }
        XCTAssertGreaterThan(Double(young.count) / Double(max(1, wajong.count)), 0.5)
        for member in members where member.generated.benefitRegime == "wia" {
            if let age = member.result.dossier.client.age { XCTAssertGreaterThanOrEqual(age, 30) }
            XCTAssertNotEqual(member.result.dossier.client.ageBand, "18-26")
        }
    }

    /// No template machinery leaks into the prose: every placeholder filled, every term bracket resolved.
    func testNoUnfilledPlaceholders() {
        for member in SyntheticPopulation.thousand.members {
            let xml = member.generated.xml
            for marker in ["{", "}", "[", "]", "  .", " ,"] {
                XCTAssertFalse(xml.contains(marker), "\(member.generated.fileName) contains '\(marker)'")
            }
        }
    }

    /// Every id and term the generator writes comes from the ruleset it was given.
    func testIndicatorsComeFromTheRuleset() {
        let known = Set(Fixtures.defaultRuleset.indicators.map(\.id))
        for member in SyntheticPopulation.thousand.members.prefix(200) {
            for finding in member.result.dossier.findings { XCTAssertTrue(known.contains(finding.indicator)) }
            for mention in member.generated.mentions { XCTAssertTrue(known.contains(mention.indicator)) }
        }
    }
}
