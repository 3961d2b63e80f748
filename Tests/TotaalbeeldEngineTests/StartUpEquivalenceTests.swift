import Foundation
@testable import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// The start-up shortcuts of `screen` (issue 18) answer exactly as the code they replace.
final class StartUpEquivalenceTests: XCTestCase {
    /// The byte-wise term syntax check against the Character-wise one: edge cases and every term and context
    /// phrase of the shipped ruleset.
    func testTermSyntaxOnBytesAnswersAsOnCharacters() throws {
        var terms = [
            "", " ", "  ", "*", "a*", "*a", "a*b", "a* b", "a|b", "a*|b*", "a|*", "|", "a||b", "*|a", "a|b*c", "… a", "a …", "a … b",
            "... a", "a ...", "a ... b", "…", "...", "..", "....", "a .. b", "schuld* … afgelost", "taalbarrière*", "cliënt|client",
            "é*", "*é", "ë|*", "a\u{301}*", "*\u{301}", "a *\u{301}", "\u{301}", "a\r\nb", "*\r\n", "a\u{200D}*", "naïef* …", "a  b",
            "ziet … tegen op", "a|…", "…|a", "a … … b", "€*", "a*€", "日本*", "日*本",
        ]
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        for match in text.matches(of: /<(term|trigger|pseudo|terminator|presupposition)[^>]*>([^<]*)</) {
            terms.append(String(match.2).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        XCTAssertGreaterThan(terms.count, 1_000)
        for term in terms {
            XCTAssertEqual(TermSyntax.problem(in: term), TermSyntax.characterProblem(in: term), "term \"\(term)\"")
        }
    }
}
