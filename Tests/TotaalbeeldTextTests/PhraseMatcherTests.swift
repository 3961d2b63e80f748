import TotaalbeeldText
import XCTest

final class PhraseMatcherTests: XCTestCase {
    /// The surface strings of all matches of `terms` in `text`, in text order.
    private func found(_ terms: [String], in text: String, gap: Int = 3) -> [String] {
        let matcher = PhraseMatcher(patterns: terms.map(PhrasePattern.init), termGap: gap)
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return matcher.matches(in: tokens)
            .sorted { ($0.first, $0.last) < ($1.first, $1.last) }
            .map { String(String.UnicodeScalarView(scalars[tokens[$0.first].start..<tokens[$0.last].end])) }
    }

    func testCaseAndDiacriticsInsensitive() {
        XCTAssertEqual(found(["ziekte"], in: "Ziekte, ZIEKTE en ZIEKTÉ."), ["Ziekte", "ZIEKTE", "ZIEKTÉ"])
        XCTAssertEqual(found(["taalbarrière"], in: "een taalbarriere"), ["taalbarriere"])
    }

    func testNumberClassesMatchYearsAndPeriodsOnly() {
        XCTAssertEqual(found(["tot #jaar"], in: "tot 2019, tot 20 uur, tot 200, tot 1850, tot 2019-2020"), ["tot 2019"])
        XCTAssertEqual(found(["#jaren"], in: "2015-2017, 2017-2015, 2015-17, 20152017, 2015"), ["2015-2017", "20152017"])
        XCTAssertEqual(found(["#jaar – #jaar"], in: "van 2012 – 2016"), ["2012 – 2016"])
        XCTAssertEqual(NumberClass.of("2099"), .year)
        XCTAssertNil(NumberClass.of("2100"))
        XCTAssertNil(NumberClass.of("jaar"))
    }

    func testWordBoundaries() {
        XCTAssertEqual(found(["schulden"], in: "Hij is onschuldig en heeft schuldenlast."), [])
        XCTAssertEqual(found(["schuld*"], in: "Hij is onschuldig."), [], "a wildcard extends the end of a word, never its start")
        XCTAssertEqual(found(["angst"], in: "faalangst"), [])
    }

    func testTrailingWildcard() {
        XCTAssertEqual(found(["schuld*"], in: "schuld, schulden en schuldsanering"), ["schuld", "schulden", "schuldsanering"])
        XCTAssertEqual(found(["gevoelig* voor prikkels"], in: "gevoeliger voor prikkels"), ["gevoeliger voor prikkels"])
    }

    func testApostrophesAndHyphensFoldInTermsAndText() {
        XCTAssertEqual(found(["geen diploma's"], in: "geen diploma’s, geen diplomas"), ["geen diploma’s", "geen diplomas"])
        XCTAssertEqual(found(["burn-out"], in: "een burnout of een Burn-out"), ["burnout", "Burn-out"])
        XCTAssertEqual(found(["tia's"], in: "een paar tia’s"), ["tia’s"])
    }

    func testGapTermsKeepOrderAndLimit() {
        let terms = ["ziet … tegen op"]
        XCTAssertEqual(found(terms, in: "Hij ziet tegen op."), ["ziet tegen op"])
        XCTAssertEqual(found(terms, in: "Hij ziet er erg tegen op."), ["ziet er erg tegen op"])
        XCTAssertEqual(found(terms, in: "Hij ziet er echt heel erg tegen op."), [], "four words exceed a gap of three")
        XCTAssertEqual(found(terms, in: "Hij ziet op tegen."), [], "the parts keep their order")
        XCTAssertEqual(found(terms, in: "Hij ziet, zegt hij, tegen op."), [], "a gap does not cross punctuation")
    }

    func testGapCrossesTheColonOfALabelledNote() {
        let terms = ["zelfbeeld … laag|negatief"]
        XCTAssertEqual(found(terms, in: "Zelfbeeld: laag"), ["Zelfbeeld: laag"])
        XCTAssertEqual(found(terms, in: "Zelfbeeld: erg laag."), ["Zelfbeeld: erg laag"])
        XCTAssertEqual(found(terms, in: "Zelfbeeld; laag"), [], "only a colon, no other punctuation")
        XCTAssertEqual(found(["zelfbeeld laag"], in: "Zelfbeeld: laag"), [], "a term without a gap still reads its words as written")
    }

    func testGapRecordsSkippedTokens() {
        let matcher = PhraseMatcher(patterns: [PhrasePattern("slaapt … slecht")], termGap: 3)
        let match = matcher.matches(in: Tokenizer.tokenize("Hij slaapt niet slecht"))
        XCTAssertEqual(match.map(\.skipped), [[2]])
        XCTAssertTrue(match[0].owns(1))
        XCTAssertFalse(match[0].owns(2))
    }

    func testAlternatives() {
        XCTAssertEqual(PhrasePattern("met|bij zijn|haar vader").elements.count, 3)
        XCTAssertEqual(found(["met|bij zijn|haar vader|moeder"], in: "bij haar moeder, met zijn vader, voor zijn vader"), ["bij haar moeder", "met zijn vader"])
    }

    func testOverlappingAndNestedPatternsAreAllReported() {
        XCTAssertEqual(found(["weinig werkervaring", "werkervaring"], in: "weinig werkervaring"), ["weinig werkervaring", "werkervaring"])
    }

    /// The matcher's work per token does not grow with the number of terms: count it, don't time it.
    func testCostGrowsWithTextNotWithTerms() {
        let text = String(repeating: "Cliënt heeft geen schulden maar wel een drankprobleem en weinig werkervaring. ", count: 20)
        let tokens = Tokenizer.tokenize(text)
        let base = ["schuld*", "drankprobleem", "weinig werkervaring", "ziet … tegen op"]
        // Thousands of extra terms that share prefixes with the text but never complete.
        let noise = (0..<5000).flatMap { ["schuld\($0)x", "weinig zin\($0)", "drank\($0)* pot", "cliënt heeft \($0)"] }
        func steps(_ terms: [String]) -> (steps: Int, matches: Int) {
            let matcher = PhraseMatcher(patterns: terms.map(PhrasePattern.init), termGap: 3)
            var statistics = PhraseMatcher.MatchStatistics()
            let matches = matcher.matches(in: tokens, range: tokens.indices, statistics: &statistics)
            return (statistics.steps, matches.count)
        }
        let small = steps(base), large = steps(base + noise)
        XCTAssertEqual(small.matches, large.matches)
        XCTAssertEqual(small.matches, 60)
        // The large matcher may follow a few more partial paths ("cliënt heeft …"), but not one per term.
        XCTAssertLessThanOrEqual(large.steps, small.steps * 2, "steps: \(small.steps) with \(base.count) terms, \(large.steps) with \(base.count + noise.count)")
        // And doubling the text doubles the work.
        let doubled = Tokenizer.tokenize(text + text)
        var statistics = PhraseMatcher.MatchStatistics()
        _ = PhraseMatcher(patterns: (base + noise).map(PhrasePattern.init), termGap: 3).matches(in: doubled, range: doubled.indices, statistics: &statistics)
        XCTAssertEqual(statistics.steps, 2 * large.steps)
    }
}
