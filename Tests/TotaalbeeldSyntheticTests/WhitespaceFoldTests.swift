@testable import TotaalbeeldLoader
@testable import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// The byte-wise whitespace fold that reading a dossier uses gives exactly the Character-wise fold, and leaves
/// every text it cannot be sure of to it.
final class WhitespaceFoldTests: XCTestCase {
    private func assertSameFold(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(text.collapsingWhitespace, text.collapsingWhitespaceByCharacter, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "), file: file, line: line)
    }

    func testEdgeCases() {
        let texts = [
            "", " ", "\n\t ", "a", " a ", "a  b", "a\r\nb", "\r\n", "cliënt   zegt:\n   “ik kan het niet”  .", "één twee", " é", "e\u{301} x",
            " \u{301}", "a \u{301}b", "x\u{00A0}y", "x \u{00A0} y", "a\u{2028}b", "a\u{3000}b", "\u{85}", "💁🏽 ok", "👩‍⚕️ arts", " \u{200D}x",
            "\u{0600} 1", "\u{0600}1", "x\u{0D4E} y", "ก ำ", " \u{0E33}", "Ελληνικά λέξη", "кириллица слово", "日本 語", "\u{1F3FB}", " \u{1F3FB}",
            "a\u{0}b", "tab\there", "\u{1C}\u{1D}", " ‘quoted’ ", "€ 12,50", " ≥ 3", "\u{FEFF}x y", "x \u{FF9E}",
        ]
        for text in texts { assertSameFold(text) }
        XCTAssertEqual("  één   twee\n drie ".collapsingWhitespace, "één twee drie")
        XCTAssertEqual("a \u{301}b".collapsingWhitespace, "a b")  // the accent rides on the space, as per Character
    }

    func testRandomTexts() {
        let pieces = ["a", "é", "e\u{301}", " ", "  ", "\n", "\r\n", "\t", "\u{00A0}", "“", "”", "’", "ë", "ß", "Ω", "я", "ก", "\u{0E33}", "\u{0600}",
                      "\u{200D}", "\u{301}", "👩🏽", "€", "1", ".", "\u{2009}", "\u{0D4E}", "日"]
        var random = SeededRandom(seed: 18, stream: 1)
        for _ in 0..<5_000 {
            let text = (0..<random.int(below: 13)).map { _ in pieces[random.int(below: pieces.count)] }.joined()
            assertSameFold(text)
        }
    }

    func testEveryNarrativeOfTheShippedCases() throws {
        for file in Fixtures.caseFiles {
            let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
            assertSameFold(text)
            for line in text.split(separator: "\n") { assertSameFold(String(line)) }
        }
    }
}

/// The per-line fold of narrative text (`lineText`) cuts lines on the bytes; it gives exactly the lines a split by
/// Character gives.
final class LineFoldTests: XCTestCase {
    private func assertSameLines(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(text.collapsingWhitespacePerLine, text.collapsingWhitespacePerLineByCharacter, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "), file: file, line: line)
    }

    func testEdgeCases() {
        let texts = [
            "", "\n", "\r", "\r\n", "\n\r", "\r\r\n\n", "a\nb", "a\r\nb", "a\rb", "a\n\n\nb", " a \n  \n b ", "\n\na\n\n", "a\u{2028}b", "a\u{85}b",
            "e\u{301}\n\u{301}x", "x\n\u{200D}y", "👩‍⚕️\r\n arts", "\u{0600}\n1", "één\t twee\n  drie  ",
        ]
        for text in texts { assertSameLines(text) }
        XCTAssertEqual("  Eerste regel  \n\n\n  tweede   regel\n".collapsingWhitespacePerLine, "Eerste regel\n\ntweede regel")
    }

    func testRandomTexts() {
        let pieces = ["a", "é", "e\u{301}", " ", "\n", "\r", "\r\n", "\t", "\u{00A0}", "\u{2028}", "\u{85}", "\u{200D}", "\u{301}", "👩🏽", "\u{0600}", "1", "."]
        var random = SeededRandom(seed: 18, stream: 2)
        for _ in 0..<5_000 {
            assertSameLines((0..<random.int(below: 16)).map { _ in pieces[random.int(below: pieces.count)] }.joined())
        }
    }

    func testEveryShippedCase() throws {
        for file in Fixtures.caseFiles { assertSameLines(try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)) }
    }
}
