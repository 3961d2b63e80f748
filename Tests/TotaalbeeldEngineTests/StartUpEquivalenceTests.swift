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

    /// The byte-wise check for a word repeated in neighbouring positions (ruleset lint since 1.24.2) against the
    /// Character-wise one it replaces at start-up: edge cases, and every term and context phrase of the shipped ruleset
    /// with and without a repeat made in it.
    func testRepeatedWordCheckOnBytesAnswersAsOnCharacters() throws {
        var terms = [
            "", "|", "||", "a|b", "a|b a", "a a|b", "a|b | a", "a|b  a", "a|b ||| a", "a||b b", "|a a", "a| a", "a|b … a|b",
            "a|b ... a", "…|a a", "a|… …", "bij een vriend|een maat", "zorg voor haar moeder|zijn moeder", "é|e e",
            "e\u{301}|x é", "é|x e\u{301}", "cliënt|client client", "a\r\nb|c c", "日本|a 日本", "a|b\u{200D} b\u{200D}",
            "geen gas|stroom|licht en water|licht|stroom", "werk … werk|baan", " a|b  b ",
        ]
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/akc-2011.xml"), encoding: .utf8)
        for match in text.matches(of: /<(term|trigger|pseudo|terminator|presupposition)[^>]*>([^<]*)</) {
            let term = String(match.2).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            terms.append(term)
            if let first = term.split(separator: " ").first { terms.append(term + " " + first) }
        }
        XCTAssertGreaterThan(terms.count, 2_000)
        var repeats = 0
        for term in terms {
            let expected = TermSyntax.characterSplitAlternative(in: term)
            XCTAssertEqual(TermSyntax.splitAlternative(in: term), expected, "term \"\(term)\"")
            if expected != nil { repeats += 1 }
        }
        XCTAssertGreaterThan(repeats, 50, "the made repeats are found (85 with ruleset 1.25.0)")
    }
}
