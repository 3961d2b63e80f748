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

    /// Line-by-line notes: a line break ends a note; numbered and lettered items and "label:" lines start one.
    func testLineByLineNotes() {
        XCTAssertEqual(sentences("Hij heeft geen schulden\nvroeger dronk hij"), ["Hij heeft geen schulden", "vroeger dronk hij"])
        XCTAssertEqual(sentences("Schulden: nee\nAlcohol: af en toe\nRijbewijs: ja"), ["Schulden: nee", "Alcohol: af en toe", "Rijbewijs: ja"])
        XCTAssertEqual(sentences("Afspraken:\n1. schuldhulp\n2) taalcursus\na) later"), ["Afspraken:", "1. schuldhulp", "2) taalcursus", "a) later"])
        XCTAssertEqual(sentences("Hij is moe.\nzij niet"), ["Hij is moe.", "zij niet"])
    }

    /// A heading line is not part of the sentence under it.
    func testAHeadingLineIsASentenceOfItsOwn() {
        XCTAssertEqual(sentences("Sociale situatie\nHij heeft weinig contact met zijn familie."), ["Sociale situatie", "Hij heeft weinig contact met zijn familie."])
        XCTAssertEqual(sentences("Voorgeschiedenis:\ngeen schulden bekend."), ["Voorgeschiedenis:", "geen schulden bekend."])
    }

    /// Wrapped prose: a line that runs to the block's width continues on the next line, and so does a line
    /// that ends in a comma, a hyphen or a word that cannot end a sentence.
    func testWrappedProseStaysOneSentence() {
        let wrapped = "Cliënt heeft na zijn ontslag bij de groothandel in bouwmaterialen geen\n"
            + "schulden opgebouwd, maar hij heeft wel moeite om met zijn uitkering rond te\n"
            + "komen en hij leent geregeld geld van zijn broer."
        XCTAssertEqual(sentences(wrapped).count, 1)
        XCTAssertEqual(sentences("Hij woont in bij\nzijn ouders"), ["Hij woont in bij\nzijn ouders"])
        XCTAssertEqual(sentences("Hij heeft schulden,\nmaar geen werk."), ["Hij heeft schulden,\nmaar geen werk."])
        // A short line inside a wide block could not have been wrapped: the next word would have fitted.
        let note = "Cliënt heeft na zijn ontslag bij de groothandel in bouwmaterialen een baan gevonden.\n"
            + "Schulden geen\n"
            + "vroeger wel"
        XCTAssertEqual(sentences(note).count, 3)
    }

    func testOffsetsPointIntoTheText() {
        let text = "Eén. Twéé."
        let scalars = Array(text.unicodeScalars)
        let split = SentenceSplitter.split(scalars, tokens: Tokenizer.tokenize(scalars))
        XCTAssertEqual(split.map(\.start), [0, 5])
        XCTAssertEqual(split.map(\.end), [4, 10])
    }
}
