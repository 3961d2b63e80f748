import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// How a reading is weighed (ruleset 1.13.0): a relapse risk stated as a fear or a condition counts in full, the
/// reading staying hypothetical; a dated job counts as the work experience it is; a supposition still counts nothing.
final class ContextWeightingTests: XCTestCase {
    private let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)

    private func facts(_ narrative: String, domain: String = "ziekte") throws -> [Fact] {
        let sources = #"<source id="s-client" kind="client" role="cliënt" date="2026-10-01"/><source id="s-ad" kind="professional" role="arbeidsdeskundige" date="2026-10-01"/>"#
        let body = #"<narratives><narrative id="n" domain="\#(domain)" source="s-ad">\#(narrative)</narrative></narratives>"#
        let path = temporaryDirectory().write("d.dossier.xml", dossierXML(date: "2026-11-01", client: #"<client ageBand="36-45" benefitRegime="wia"/>"#, sources: sources, body: body))
        return evaluator.screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)).facts
    }

    private func fact(_ narrative: String, _ indicator: String, domain: String = "ziekte", file: StaticString = #filePath, line: UInt = #line) throws -> Fact {
        try XCTUnwrap(try facts(narrative, domain: domain).first { $0.indicator == indicator }, "\(indicator) in '\(narrative)'", file: file, line: line)
    }

    func testAFearedRelapseIsARiskThatCounts() throws {
        for text in ["Cliënt is bang dat hij weer gaat drinken als hij onder druk komt te staan.", "Hij vreest dat hij weer gaat drinken als het werk zwaar wordt."] {
            let risk = try fact(text, "terugvalrisico")
            XCTAssertTrue(risk.hypothetical, "the reading stays: \(text)")
            XCTAssertEqual(risk.countFactor, 1, "a relapse risk is stated as a fear: \(text)")
        }
        // A supposition about another indicator still counts nothing.
        let debts = try fact("Als hij schulden krijgt, stopt het traject.", "schulden", domain: "prive")
        XCTAssertTrue(debts.hypothetical)
        XCTAssertEqual(debts.countFactor, 0)
    }

    func testADatedJobCountsAsTheExperienceItIs() throws {
        let work = try fact("Cliënt heeft tot 2019 als orderpicker gewerkt bij een groothandel.", "werkervaring", domain: "arbeidsverleden")
        XCTAssertFalse(work.historical)
        XCTAssertEqual(work.countFactor, 1)
        let debts = try fact("Vroeger had hij schulden bij de bank.", "schulden", domain: "prive")
        XCTAssertTrue(debts.historical)
        XCTAssertLessThan(debts.countFactor, 1)
    }
}
