import TotaalbeeldModel
@testable import TotaalbeeldText
import XCTest

/// ``TypoIndex/neighbourhood(_:)`` cuts the one-deletion forms out of the word's UTF-8 bytes; these tests
/// hold it to the forms made scalar by scalar, as before, on edge cases and every word of the shipped terms.
final class TypoNeighbourhoodTests: XCTestCase {
    /// The word and its one-deletion forms, each a shorter scalar array appended to a String.
    private func scalarWise(_ word: [Unicode.Scalar]) -> [String] {
        func string(_ scalars: [Unicode.Scalar]) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        var keys = [string(word)]
        for index in word.indices {
            var shorter = word
            shorter.remove(at: index)
            keys.append(string(shorter))
        }
        return keys
    }

    private func assertSame(_ word: String, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(word.unicodeScalars)
        let keys = TypoIndex.neighbourhood(scalars)
        let expected = scalarWise(scalars)
        XCTAssertEqual(keys, expected, word, file: file, line: line)
        XCTAssertEqual(keys.map { Array($0.utf8) }, expected.map { Array($0.utf8) }, word, file: file, line: line)
    }

    func testEdgeCases() {
        for word in ["", "a", "ab", "klachten", "één", "coöperatie", "naïef", "\u{133}sselmeer", "caf\u{65}\u{301}", "za\u{308}ken", "中文字", "a😀b", "werkervaringsplaatsen"] {
            assertSame(word)
        }
    }

    func testEveryWordOfTheShippedTerms() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        var words = Set<String>()
        var texts: [String] = ruleset.senses.flatMap { (sense: SenseSet) in sense.terms }
        for indicator in ruleset.indicators {
            texts += indicator.termRules.map { (rule: TermRule) in rule.text }
            texts += indicator.readings.flatMap { (reading: Reading) in reading.terms }
        }
        for text in texts {
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) { words.insert(String(word)) }
        }
        XCTAssertGreaterThan(words.count, 1_000)
        for word in words.sorted() { assertSame(word) }
    }
}
