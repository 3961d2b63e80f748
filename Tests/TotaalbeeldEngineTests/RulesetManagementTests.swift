import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// The ruleset as a managed artefact (issue 17.3): a dated change log with rising versions, the ruleset's own version
/// and date those of its newest entry, and parked rules and indicators that are kept but never applied.
final class RulesetManagementTests: XCTestCase {
    private func shippedText() throws -> String { try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8) }

    /// The element `<tag id="id" …>…</tag>` as written in the shipped ruleset.
    private func element(_ tag: String, id: String, in text: String) throws -> String {
        let start = try XCTUnwrap(text.range(of: "<\(tag) id=\"\(id)\""), "\(tag) \(id)")
        let end = try XCTUnwrap(text.range(of: "</\(tag)>", range: start.upperBound..<text.endIndex))
        return String(text[start.lowerBound..<end.upperBound])
    }

    /// The shipped ruleset with one more change-log entry (`version`, `date`, `entry`) as its newest, the ruleset's
    /// version and date set to it, and `parked` inserted after the change log.
    private func managed(_ text: String, version: String, date: String, entry: String, parked: String = "") throws -> String {
        var text = text
        let header = try XCTUnwrap(text.range(of: #"<ruleset xmlns="urn:totaalbeeld:ruleset:1" id="akc-2011" version=""#))
        let headerEnd = try XCTUnwrap(text.range(of: ">", range: header.upperBound..<text.endIndex))
        text.replaceSubrange(header.lowerBound..<headerEnd.upperBound, with: #"<ruleset xmlns="urn:totaalbeeld:ruleset:1" id="akc-2011" version="\#(version)" date="\#(date)">"#)
        text = text.replacingOccurrences(of: "  </changelog>", with: #"    <change version="\#(version)" date="\#(date)">\#(entry)</change>"# + "\n  </changelog>" + parked)
        return text
    }

    /// `text` with the ruleset element's version and date replaced.
    private func header(_ text: String, version: String, date: String) throws -> String {
        var text = text
        let start = try XCTUnwrap(text.range(of: "<ruleset "))
        let end = try XCTUnwrap(text.range(of: ">", range: start.upperBound..<text.endIndex))
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: #"<ruleset xmlns="urn:totaalbeeld:ruleset:1" id="akc-2011" version="\#(version)" date="\#(date)">"#)
        return text
    }

    private func load(_ text: String) throws -> Ruleset {
        try RulesetLoader.load(contentsOf: temporaryDirectory().write("ruleset.xml", text), schemas: Fixtures.schemas)
    }

    private func problems(_ text: String) throws -> [LocatedProblem] {
        do {
            _ = try load(text)
            XCTFail("expected lint problems")
            return []
        } catch let error as LoadError {
            return error.problems
        }
    }

    private func line(of needle: String, in text: String) throws -> Int {
        let range = try XCTUnwrap(text.range(of: needle), needle)
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    func testTheShippedRulesetIsManaged() throws {
        let ruleset = Fixtures.defaultRuleset
        XCTAssertFalse(ruleset.changes.isEmpty)
        XCTAssertEqual(ruleset.version, ruleset.changes.last?.version)
        XCTAssertEqual(ruleset.date, ruleset.changes.last?.date.description)
        let versions = ruleset.changes.compactMap { SemanticVersion($0.version) }
        XCTAssertEqual(versions.count, ruleset.changes.count)
        XCTAssertEqual(versions, versions.sorted())
        XCTAssertEqual(Set(versions).count, versions.count)
        XCTAssertEqual(ruleset.changes.map(\.date), ruleset.changes.map(\.date).sorted())
        XCTAssertFalse(ruleset.parked.isEmpty, "at least one parked item")
        XCTAssertNotNil(ruleset.parking(of: "korte-banen-doorzettingsvermogen"))
        XCTAssertNil(ruleset.rules.first { $0.id == "korte-banen-doorzettingsvermogen" }, "parked, not applied")
        for entry in ruleset.parked {
            XCTAssertFalse(entry.reason.nl.isEmpty)
            for id in entry.ids {
                XCTAssertNil(ruleset.rules.first { $0.id == id })
                XCTAssertNil(ruleset.indicator(id: id))
                XCTAssertTrue(ruleset.changes.contains { $0.date == entry.since && $0.text.contains(id) }, "\(id) is logged")
            }
        }
        XCTAssertEqual(ruleset.changes(since: "1.0.0").first?.version, ruleset.changes.dropFirst().first?.version)
        XCTAssertTrue(ruleset.changes(since: ruleset.version).isEmpty)
    }

    func testVersionsCompareNumerically() {
        XCTAssertLessThan(SemanticVersion("1.9.0")!, SemanticVersion("1.10.0")!)
        XCTAssertLessThan(SemanticVersion("1.0.9")!, SemanticVersion("1.1.0")!)
        XCTAssertNil(SemanticVersion("1.0"))
    }

    func testAVersionThatDoesNotMatchTheNewestEntryIsRefused() throws {
        let text = try managed(try shippedText(), version: "9.0.0", date: "2030-01-01", entry: "Test.")
        // The version rose without a log entry.
        let unlogged = try header(text, version: "9.1.0", date: "2030-01-01")
        let found = try problems(unlogged)
        XCTAssertEqual(found.count, 1, "\(found)")
        guard found.count == 1 else { return }
        XCTAssertTrue(found[0].message.contains("the ruleset's version 9.1.0 is not that of its newest change-log entry (9.0.0"), found[0].message)
        XCTAssertTrue(found[0].message.contains("add an entry for 9.1.0"))
        XCTAssertEqual(found[0].location.line, try line(of: "<ruleset ", in: unlogged))
        // The version fell behind the log.
        let behind = try header(text, version: "8.0.0", date: "2030-01-01")
        XCTAssertTrue(try problems(behind).contains { $0.message.contains("set version to 9.0.0") })
        // The release date is the date of the newest entry.
        let date = try header(text, version: "9.0.0", date: "2030-02-01")
        XCTAssertTrue(try problems(date).contains { $0.message.contains("the ruleset's date 2030-02-01 is not that of its newest change-log entry (2030-01-01") })
        XCTAssertNoThrow(try load(text))
    }

    func testEntriesRunOldestFirstWithRisingVersions() throws {
        let shipped = try shippedText()
        let first = try XCTUnwrap(Fixtures.defaultRuleset.changes.first)
        // An entry dated before the one above it.
        let early = try managed(shipped, version: "9.0.0", date: "2020-01-01", entry: "Te vroeg.")
        let problem = try XCTUnwrap(try problems(early).first { $0.message.contains("is dated 2020-01-01, before the entry above it") })
        XCTAssertEqual(problem.location.line, try line(of: #"<change version="9.0.0""#, in: early))
        // A version that does not rise.
        let same = try managed(shipped, version: first.version, date: "2030-01-01", entry: "Dezelfde versie.")
        XCTAssertTrue(try problems(same).contains { $0.message.contains("follows") && $0.message.contains("each names a higher version") })
    }

    func testAParkedRuleIsKeptButNotApplied() throws {
        let shipped = try shippedText()
        let rule = try element("rule", id: "verankering", in: shipped)
        let parked = """

          <parked since="2030-01-01">
            <reason xml:lang="nl">Test: geparkeerd.</reason>
            <rules>
              \(rule)
            </rules>
          </parked>
        """
        let text = try managed(shipped.replacingOccurrences(of: rule, with: ""), version: "9.0.0", date: "2030-01-01", entry: "Regel verankering geparkeerd.", parked: parked)
        let ruleset = try load(text)
        XCTAssertNil(ruleset.rules.first { $0.id == "verankering" })
        XCTAssertEqual(ruleset.parking(of: "verankering")?.since.description, "2030-01-01")
        XCTAssertEqual(ruleset.parked.first?.rules.first?.message.nl, Fixtures.defaultRuleset.rules.first { $0.id == "verankering" }?.message.nl, "kept whole")
        let case1 = try Fixtures.dossier("Cases/akc-focusgroep/case1-ict-wens.dossier.xml")
        XCTAssertTrue(Evaluator(ruleset: Fixtures.defaultRuleset).screen(case1).flags.contains { $0.rule == "verankering" })
        XCTAssertFalse(Evaluator(ruleset: ruleset).screen(try Fixtures.dossier("Cases/akc-focusgroep/case1-ict-wens.dossier.xml", ruleset: ruleset)).flags.contains { $0.rule == "verankering" })

        // Parked and still active, or parked without a change-log entry of that day naming it: refused.
        let twice = try managed(shipped, version: "9.0.0", date: "2030-01-01", entry: "Regel verankering geparkeerd.", parked: parked)
        XCTAssertTrue(try problems(twice).contains { $0.message.contains("'verankering' is parked and also active") })
        let unlogged = try managed(shipped.replacingOccurrences(of: rule, with: ""), version: "9.0.0", date: "2030-01-01", entry: "Iets anders.", parked: parked)
        XCTAssertTrue(try problems(unlogged).contains { $0.message.contains("no change-log entry of that date names it") })
    }

    func testAParkedIndicatorIsNotCountedAndRulesMayNotUseIt() throws {
        let shipped = try shippedText()
        let indicator = try element("indicator", id: "kinderopvang", in: shipped)
        let parked = """

          <parked since="2030-01-01">
            <reason xml:lang="nl">Test: geparkeerd.</reason>
            <indicators>
              \(indicator)
            </indicators>
          </parked>
        """
        let text = try managed(shipped.replacingOccurrences(of: indicator, with: ""), version: "9.0.0", date: "2030-01-01", entry: "Indicator kinderopvang geparkeerd.", parked: parked)
        let ruleset = try load(text)
        XCTAssertNil(ruleset.indicator(id: "kinderopvang"))
        // A dossier that records it still loads; the finding is listed as not counted, with the reason.
        let directory = temporaryDirectory()
        let path = directory.write("d.dossier.xml", dossierXML(body: #"<findings><finding id="f-opvang" indicator="kinderopvang" source="s-client">Geen opvang.</finding></findings>"#))
        let result = Evaluator(ruleset: ruleset).screen(try DossierLoader.load(contentsOf: path, ruleset: ruleset, schemas: Fixtures.schemas))
        let prive = try XCTUnwrap(result.domains.first { $0.domain.id == "prive" })
        XCTAssertEqual(prive.burden, 0)
        XCTAssertEqual(prive.uncounted.map(\.elementID), ["f-opvang"])
        XCTAssertEqual(prive.uncounted.first?.countReason.nl, "indicator geparkeerd sinds 2030-01-01")
        // An active rule that uses a parked indicator is refused, naming the parking.
        let used = text.replacingOccurrences(of: #"<facts name="risico" indicators="verslaving" status="now"/>"#, with: #"<facts name="risico" indicators="verslaving kinderopvang" status="now"/>"#)
        XCTAssertNotEqual(used, text)
        XCTAssertTrue(try problems(used).contains { $0.message.contains("refers to indicator 'kinderopvang', which is parked (since 2030-01-01)") })
    }
}
