import Foundation
@testable import TotaalbeeldReport
import XCTest

/// ReaderText's pre-check before the decimal-cutting expression (issue 18): whenever it says "none", the
/// expression finds nothing either, so skipping it leaves every text as it was.
final class ReaderTextFastPathTests: XCTestCase {
    private static let pattern = #"(?<![\w.])\d+\.\d{2,}(?![\w.])"#

    func testThePreCheckNeverHidesAFigureTheExpressionFinds() {
        var texts = [
            "", "1", "1.", "1.2", "1.23", "a 1.23 b", "1.2.3", "1..23", "x1.23", "1.23x", "12.345", ".12", "0.5 en 3.25",
            "١.٢٣", "1.٢٣", "٣.45", "score 9.1666 (ernstig)", "r. 85", "f-1 r.49", "3× lacune, 1× oordeelsrisico",
            "“4.55 uur” gezegd", "v1.2.34", "1.2 3.4", "€ 12.50", "12,50", "1. 23", "1.\u{0301}23",
        ]
        // Seeded, so every run checks the same texts.
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("0123456789..  ax١٢é-×“”")
        for _ in 0..<2_000 {
            texts.append(String((0..<next(13)).map { _ in alphabet[next(alphabet.count)] }))
        }
        for text in texts where !ReaderText.hasDigitPeriodTwoDigits(text) {
            XCTAssertNil(text.range(of: Self.pattern, options: .regularExpression), "\"\(text)\"")
            XCTAssertEqual(ReaderText.oneDecimal(text), text)
        }
        XCTAssertTrue(ReaderText.hasDigitPeriodTwoDigits("9.1666"))
        XCTAssertEqual(ReaderText.oneDecimal("score 9.1666 (ernstig)"), "score 9.2 (ernstig)")
    }

    /// The byte answer for ASCII characters is the Unicode one (`isLetter`, `isNumber`, one of `-_.:,;`) for every
    /// ASCII byte, the carriage return with line feed, and characters beyond ASCII.
    func testTokenCharactersAreJudgedAsTheUnicodePropertiesJudgeThem() {
        var characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        characters += ["\r\n", "é", "e\u{301}", "ë", "١", "²", "½", "×", "“", "”", "–", "\u{A0}", "ß", "Ⅻ", "😀", "\u{2028}"]
        for character in characters {
            let unicode = character.isLetter || character.isNumber || "-_.:,;".contains(character)
            XCTAssertEqual(ReaderText.isTokenCharacter(character), unicode, "\(character.unicodeScalars.map { $0.value })")
        }
    }
}
