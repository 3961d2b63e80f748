import TotaalbeeldText
import XCTest

final class TokenizerTests: XCTestCase {
    private func keys(_ text: String) -> [String] { Tokenizer.tokenize(text).map(\.key) }

    func testFoldsCaseAndDiacritics() {
        XCTAssertEqual(keys("ZIEKTÉ Cliënt taalbarrière ĳs"), ["ziekte", "client", "taalbarriere", "ijs"])
        // Decomposed input (e + combining acute) folds like the precomposed letter.
        XCTAssertEqual(keys("cli\u{0065}\u{0308}nt"), ["client"])
    }

    func testApostrophesInsideWordsAndElidedArticles() {
        XCTAssertEqual(keys("diploma's hobby’s ICT'er"), ["diplomas", "hobbys", "icter"])
        XCTAssertEqual(keys("’s ochtends en 's nachts"), ["s", "ochtends", "en", "s", "nachts"])
        // A quote around a word is not part of it.
        XCTAssertEqual(keys("‘normale jongeman’"), ["'", "normale", "jongeman", "'"])
    }

    func testHyphenatedCompounds() {
        XCTAssertEqual(keys("burn-out ICT-opleiding mede-asielzoekers"), ["burnout", "ictopleiding", "medeasielzoekers"])
        // The truncated first half of "nek- en armklachten" keeps its hyphen out of the key.
        let tokens = Tokenizer.tokenize("nek- en armklachten")
        XCTAssertEqual(tokens.map(\.key), ["nek", "en", "armklachten"])
        XCTAssertEqual(tokens[0].end, 4, "the hyphen belongs to the word's span")
        // A dash between spaces is punctuation.
        XCTAssertEqual(keys("werk – thuis"), ["werk", "-", "thuis"])
    }

    func testNumbersKeepTheirSeparators() {
        XCTAssertEqual(keys("van 05.00 tot 18.00 uur, 1,5 fte en 80-100 procent"), ["van", "05.00", "tot", "18.00", "uur", ",", "1,5", "fte", "en", "80100", "procent"])
    }

    func testAbbreviationsAreSingleTokens() {
        let tokens = Tokenizer.tokenize("o.a. dhr. J. Jansen, d.w.z. etc.")
        XCTAssertEqual(tokens.map(\.key), ["o.a.", "dhr.", "j.", "jansen", ",", "d.w.z.", "etc."])
        XCTAssertEqual(tokens.map(\.kind), [.abbreviation, .abbreviation, .abbreviation, .word, .punctuation, .abbreviation, .finalAbbreviation])
        // An ordinary word before a period is not an abbreviation.
        XCTAssertEqual(keys("Hij werkt."), ["hij", "werkt", "."])
    }

    func testOffsetsCountUnicodeScalars() {
        let text = "Cliënt 👍 drinkt"
        let tokens = Tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(tokens.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }, ["Cliënt", "👍", "drinkt"])
    }

    func testEllipsisIsOneToken() {
        XCTAssertEqual(keys("ik weet het niet... of wel…"), ["ik", "weet", "het", "niet", "…", "of", "wel", "…"])
    }
}
