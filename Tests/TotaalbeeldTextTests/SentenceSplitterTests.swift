import TotaalbeeldText
import XCTest

final class SentenceSplitterTests: XCTestCase {
    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars, tokens: Tokenizer.tokenize(scalars))
            .map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    func testSplitsAtTerminalPunctuation() {
        XCTAssertEqual(sentences("Hij heeft schulden. Zij niet! Waarom? Geen idee"), ["Hij heeft schulden.", "Zij niet!", "Waarom?", "Geen idee"])
    }

    func testAbbreviationsDoNotEndASentence() {
        let text = "Dhr. Jansen heeft o.a. schulden, bijv. bij de bank. Mevr. De Vries werkt ca. 20 uur, d.w.z. m.b.t. de winkel i.v.m. haar rug."
        XCTAssertEqual(sentences(text), [
            "Dhr. Jansen heeft o.a. schulden, bijv. bij de bank.",
            "Mevr. De Vries werkt ca. 20 uur, d.w.z. m.b.t. de winkel i.v.m. haar rug.",
        ])
    }

    func testFinalAbbreviationEndsASentenceOnlyBeforeACapital() {
        XCTAssertEqual(sentences("Hij sport, fietst etc. Zij niet."), ["Hij sport, fietst etc.", "Zij niet."])
        XCTAssertEqual(sentences("Hobby's, sport etc. vindt hij leuk."), ["Hobby's, sport etc. vindt hij leuk."])
    }

    func testClosingQuotesStayWithTheirSentence() {
        XCTAssertEqual(sentences("Hij zegt: 'Ik mankeer niks.' Zijn moeder twijfelt."), ["Hij zegt: 'Ik mankeer niks.'", "Zijn moeder twijfelt."])
        XCTAssertEqual(sentences("‘Waar blijkt dat uit?’ Volgens haar nergens."), ["‘Waar blijkt dat uit?’", "Volgens haar nergens."])
    }

    func testEllipses() {
        // An omission inside a quote, and an ellipsis followed by lower case, continue the sentence.
        XCTAssertEqual(sentences("Eigenlijk zie ik het (…) als mijn taak. Klaar."), ["Eigenlijk zie ik het (…) als mijn taak.", "Klaar."])
        XCTAssertEqual(sentences("Nou ja... hij belt wel. Hij pakt niet door… Dan niet."), ["Nou ja... hij belt wel.", "Hij pakt niet door…", "Dan niet."])
    }

    func testNumbersAndTimesDoNotSplit() {
        XCTAssertEqual(sentences("Hij werkt van 05.00 tot 18.00 uur. Dat is lang."), ["Hij werkt van 05.00 tot 18.00 uur.", "Dat is lang."])
    }

    func testNewlines() {
        // Wrapped prose stays one sentence; a blank line or a list item starts a new one.
        XCTAssertEqual(sentences("Hij woont in bij\nzijn ouders"), ["Hij woont in bij\nzijn ouders"])
        XCTAssertEqual(sentences("Schulden\n\nGeen vaste woonplek"), ["Schulden", "Geen vaste woonplek"])
        XCTAssertEqual(sentences("Knelpunten:\n- schulden\n- geen werk"), ["Knelpunten:", "- schulden", "- geen werk"])
    }

    func testOffsetsPointIntoTheText() {
        let text = "Eén. Twéé."
        let scalars = Array(text.unicodeScalars)
        let split = SentenceSplitter.split(scalars, tokens: Tokenizer.tokenize(scalars))
        XCTAssertEqual(split.map(\.start), [0, 5])
        XCTAssertEqual(split.map(\.end), [4, 10])
    }
}
