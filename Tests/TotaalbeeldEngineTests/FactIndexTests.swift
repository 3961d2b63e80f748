@testable import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// The per-dossier fact index (issue 18) groups facts as the String-keyed grouping it replaces did.
final class FactIndexTests: XCTestCase {
    /// For every shipped case, all facts and each domain's: the same indicators, in id order, each with the same facts
    /// in the same order as `Dictionary(grouping:)` by indicator id with the keys sorted, for the ids the ruleset defines.
    func testGroupsAsTheGroupingByIdDid() throws {
        let ruleset = Fixtures.defaultRuleset
        let extractor = FactExtractor(ruleset: ruleset)
        let table = IndicatorTable(ruleset)
        for file in Fixtures.caseFiles {
            let facts = extractor.facts(in: try Fixtures.dossier(file))
            let index = FactIndex(facts, ruleset: ruleset)
            XCTAssertEqual(index.indicators.count, facts.count)
            var subsets = [Array(facts.indices)]
            for domain in ruleset.domains { subsets.append(facts.indices.filter { facts[$0].domain == domain.id }) }
            for positions in subsets {
                let grouped = Dictionary(grouping: positions) { facts[$0].indicator }
                let expected = grouped.keys.sorted().filter { ruleset.indicator(id: $0) != nil }.map { ($0, grouped[$0] ?? []) }
                let found = table.grouped(positions, index: index)
                XCTAssertEqual(found.map { ruleset.indicators[$0.indicator].id }, expected.map(\.0), file)
                XCTAssertEqual(found.map(\.facts), expected.map(\.1), file)
            }
            for (position, indicator) in ruleset.indicators.enumerated() where ruleset.indicatorPosition(id: indicator.id) == position {
                XCTAssertEqual(index.byIndicator[position], facts.indices.filter { facts[$0].indicator == indicator.id }, file)
            }
        }
    }
}
