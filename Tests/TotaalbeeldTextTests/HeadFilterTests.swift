import Foundation
@testable import TotaalbeeldText
import XCTest

/// A word is split into compound heads only when one of its possible heads could match a term or name a
/// sense (`TermReading.mayHaveMatchingHead`, issue 18): for every other word the heads must add nothing, so
/// skipping the split changes no reading.
final class HeadFilterTests: XCTestCase {
    /// Every distinct word of the narrative corpus and the shipped cases, read with the shipped ruleset:
    /// a word the filter lets pass unsplit matches exactly what it matches with its heads.
    func testWordsLeftUnsplitMatchAsWithTheirHeads() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        let reading = analyzer.reading
        let forms = try XCTUnwrap(reading.wordForms)
        XCTAssertTrue(forms.splitsCompounds, "the test machine has the Dutch dictionary (apt-get install hunspell-nl)")
        var texts = try TestPaths.loadCorpus().map(\.text)
        let cases = URL(fileURLWithPath: TestPaths.root + "/Cases")
        for case let url as URL in FileManager.default.enumerator(at: cases, includingPropertiesForKeys: nil)! where url.path.hasSuffix(".dossier.xml") {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        var words = Set<String>()
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for token in Tokenizer.tokenize(scalars) where token.kind == .word && token.end - token.start >= 3 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[token.start..<token.end])
                words.insert(String(view).lowercased())
            }
        }
        words.formUnion(["huurschuld", "rugpijnklachten", "ict-opleiding", "koffiedrinken", "alcoholverslaving", "werkervaring"])
        XCTAssertGreaterThan(words.count, 2_000)
        var unsplit = 0
        for word in words.sorted() where !reading.mayHaveMatchingHead(word, forms) {
            unsplit += 1
            let whole = forms.forms(of: word)
            XCTAssertEqual(forms.stem(ofWord: word), whole.stem, word)
            let withHeads = reading.matches(of: word, forms: whole)
            let withoutHeads = reading.matches(of: word, forms: WordForms.Forms(stem: whole.stem, heads: []))
            XCTAssertEqual(withHeads.inflected, withoutHeads.inflected, word)
            XCTAssertEqual(withHeads.compound.map(\.pattern), withoutHeads.compound.map(\.pattern), word)
            XCTAssertEqual(withHeads.compound.map(\.modifier), withoutHeads.compound.map(\.modifier), word)
            XCTAssertEqual(withHeads.headSenses, withoutHeads.headSenses, word)
        }
        // The filter must leave most words unsplit to be worth having, and must split the compounds that matter.
        XCTAssertGreaterThan(unsplit, words.count / 2)
        for compound in ["huurschuld", "rugpijnklachten", "ict-opleiding", "alcoholverslaving", "werkervaring"] {
            XCTAssertTrue(reading.mayHaveMatchingHead(compound, forms), compound)
        }
    }

    /// The possible heads are the suffixes of at least three characters that leave something before them.
    func testPossibleHeads() {
        XCTAssertEqual(WordForms.possibleHeads(of: "Huurschuld"), ["uurschuld", "urschuld", "rschuld", "schuld", "chuld", "huld", "uld"])
        XCTAssertEqual(WordForms.possibleHeads(of: "ict-pc"), ["ct-pc", "t-pc", "-pc"])
        XCTAssertEqual(WordForms.possibleHeads(of: "cliënt"), ["liënt", "iënt", "ënt"])
        XCTAssertEqual(WordForms.possibleHeads(of: "pijn"), ["ijn"])
        XCTAssertEqual(WordForms.possibleHeads(of: "rug"), [])
    }
}
