import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// Seed 004 asks for a screening instrument that is selective: it "must not refer too many clients to the
/// extended track". On a varied synthetic population the default ruleset must refer a share inside the band
/// the ruleset itself documents (`trialAndError/@referralShareMin…@referralShareMax`).
final class SelectivityTests: XCTestCase {
    func testReferralShareStaysInsideTheRulesetsDocumentedBand() throws {
        let ruleset = Fixtures.defaultRuleset
        let rules = try XCTUnwrap(ruleset.trialAndError)
        let catalogue = try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: ruleset, schemas: Fixtures.schemas)
        let generator = DossierGenerator(options: GeneratorOptions(seed: 2011, brokenShare: 0, assessmentShare: 0.3), indicatorCatalogue: IndicatorCatalogue(ruleset: ruleset))
        let evaluator = Evaluator(ruleset: ruleset, catalogue: catalogue)
        let scratch = TemporaryDirectory()

        let population = 600
        var indicated = 0, referredFirst = 0
        var perRegime: [String: (total: Int, indicated: Int)] = [:]
        var perProfile: [String: (total: Int, indicated: Int)] = [:]
        for index in 0..<population {
            let generated = generator.dossier(at: index)
            let path = scratch.path + "/" + generated.fileName
            try Data(generated.bytes).write(to: URL(fileURLWithPath: path))
            let result = evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas)).trialAndError
            if result.indicated { indicated += 1 }
            if !result.indicated && !result.tracks.isEmpty { referredFirst += 1 }
            perRegime[generated.benefitRegime, default: (0, 0)].total += 1
            perProfile[generated.profile, default: (0, 0)].total += 1
            if result.indicated {
                perRegime[generated.benefitRegime, default: (0, 0)].indicated += 1
                perProfile[generated.profile, default: (0, 0)].indicated += 1
            }
        }
        let share = Double(indicated) / Double(population)
        print("\nTrial-and-error referral on \(population) synthetic dossiers (seed 2011): \(indicated) indicated = \(percent(share)); band \(percent(rules.referralShare.lowerBound))–\(percent(rules.referralShare.upperBound)); referred to assessment first: \(referredFirst)")
        print("  per benefit regime:")
        for regime in perRegime.keys.sorted() {
            let (total, count) = perRegime[regime]!
            print("    \(regime.padding(toLength: 16, withPad: " ", startingAt: 0)) \(count)/\(total) = \(percent(Double(count) / Double(total)))")
        }
        print("  per profile:")
        for profile in perProfile.keys.sorted() {
            let (total, count) = perProfile[profile]!
            print("    \(profile.padding(toLength: 16, withPad: " ", startingAt: 0)) \(count)/\(total) = \(percent(Double(count) / Double(total)))")
        }
        XCTAssertTrue(rules.referralShare.contains(share), "referral share \(percent(share)) outside the documented band")
        // Selective, not arbitrary: simple, consistent dossiers are (almost) never referred.
        if let simple = perProfile["simple"], simple.total > 0 {
            XCTAssertLessThanOrEqual(Double(simple.indicated) / Double(simple.total), 0.05, "simple cases should get ordinary advice")
        }
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
