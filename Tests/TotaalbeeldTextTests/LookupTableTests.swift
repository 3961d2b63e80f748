@testable import TotaalbeeldText
import TotaalbeeldModel
import XCTest

/// The matchers' own hash tables (``IDTable``, ``KeyTable``) against a Dictionary, and the span limit of a
/// partial match that their plain-value states bring.
final class LookupTableTests: XCTestCase {
    func testIDTableFindsEveryInsertedKeyAndNoOtherThroughGrowth() {
        var table = IDTable()
        var reference: [UInt64: Int32] = [:]
        // Keys shaped like the trie's: small node numbers shifted up, kinds and labels in the low bits.
        var state: UInt64 = 2026
        while reference.count < 5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = (state >> 24) << 2
            guard reference[key] == nil else { continue }
            reference[key] = Int32(reference.count)
            table.insert(Int32(reference.count - 1), for: key)
        }
        for (key, value) in reference {
            XCTAssertEqual(table.value(of: key), value)
            if reference[key | 1] == nil { XCTAssertEqual(table.value(of: key | 1), -1) }
        }
        XCTAssertEqual(IDTable().value(of: 0), -1)
        XCTAssertEqual(IDTable(reference).value(of: reference.keys.first!), reference.values.first!)
    }

    func testKeyTableAnswersLikeADictionaryForTheRulesetsWords() {
        let words = ["schuld", "schulden", "cliënt", "zij", "ze", "", "2015-2017", "o.a.", "…", "ictopleiding", "taalbarrière"]
        let entries = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($0.element, Int32($0.offset)) })
        let table = KeyTable(entries)
        XCTAssertEqual(table.count, entries.count)
        for (word, id) in entries { XCTAssertEqual(table.value(of: word, hash: KeyTable.hash(word)), id, word) }
        for absent in ["schul", "schuldenn", "client", "z", "zijn"] {
            XCTAssertEqual(table.value(of: absent, hash: KeyTable.hash(absent)), -1, absent)
        }
        // A wrong hash never finds a word, a right hash with another word never either.
        XCTAssertEqual(table.value(of: "schuld", hash: KeyTable.hash("schulden")), -1)
        let set = KeyTable(["maar", "omdat"])
        XCTAssertTrue(set.contains("maar", hash: KeyTable.hash("maar")))
        XCTAssertFalse(set.contains("dat", hash: KeyTable.hash("dat")))
    }

    func testATokenKeepsItsHashWithItsKey() {
        var token = Tokenizer.tokenize("Schulden")[0]
        XCTAssertEqual(token.keyHash, KeyTable.hash("schulden"))
        // A typing error read as a term word takes that word's key (NarrativeAnalyzer.correct).
        token.key = "schuld"
        XCTAssertEqual(token.keyHash, KeyTable.hash("schuld"))
        XCTAssertEqual(token, Token(kind: .word, start: 0, end: 8, key: "schuld"))
    }

    /// The per-category arrays of a sentence's cues are indexed by this: every category has its own place.
    func testEachContextCategoryHasItsOwnOrdinal() {
        for category in ContextCategory.allCases { XCTAssertEqual(ContextCategory.allCases[category.ordinal], category) }
    }

    /// Skipped tokens are bits counted from a match's first token: a gap may pass over words among the first 64
    /// tokens of the match, not beyond.
    func testAGapReachesAsFarAsTheSkipReach() {
        let matcher = PhraseMatcher(patterns: [PhrasePattern("begin … einde")], termGap: 100)
        func match(fillers: Int) -> PhraseMatcher.Match? {
            let text = (["begin"] + Array(repeating: "woord", count: fillers) + ["einde"]).joined(separator: " ")
            return matcher.matches(in: Tokenizer.tokenize(text)).first
        }
        let reach = PhraseMatcher.skipReach
        let reached = match(fillers: reach - 1)
        XCTAssertEqual(reached?.last, reach)
        XCTAssertEqual(reached?.skipped, Array(1..<reach))
        XCTAssertNil(match(fillers: reach))
        XCTAssertNil(match(fillers: 100))
    }
}
