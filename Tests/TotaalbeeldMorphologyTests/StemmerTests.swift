import TotaalbeeldMorphology
import XCTest

/// What the Snowball Dutch stemmer conflates, and what it does not, for typical indicator words.
/// Both lists are asserted so that this file documents the behaviour of the installed libstemmer.
final class StemmerTests: XCTestCase {
    /// Inflected and derived forms that meet their lemma: regular plurals (-en, -s), infinitives,
    /// -heid nouns, the weak past tense's -te, and diacritics.
    func testRegularFormsConflate() {
        let groups: [[String]] = [
            ["schuld", "schulden"],
            ["klacht", "klachten"],
            ["conflict", "conflicten"],
            ["drank", "dranken"],
            ["pest", "pesten", "pestte"],
            ["uitkering", "uitkeringen"],
            ["eenzaam", "eenzaamheid"],
            ["werkloos", "werkloosheid"],
            ["vermoeid", "vermoeidheid"],
            ["somber", "somberheid"],
            ["slaap", "slapen"],
            ["verslaafd", "verslaafde"],
            ["cliënt", "client", "cliënten"],
            ["geëist", "geeist"],
        ]
        for group in groups {
            let stems = Set(group.map(Shared.stemmer.stem))
            XCTAssertEqual(stems.count, 1, "\(group) → \(group.map(Shared.stemmer.stem))")
        }
    }

    /// Forms Snowball leaves apart: it strips no "ge-" prefix and no "-t" of the present tense,
    /// has no vowel changes of strong verbs, and stems derivations with different suffixes to
    /// different stems. A matcher that needs these must list them as terms.
    func testFormsThatDoNotConflate() {
        let pairs: [(String, String)] = [
            ("gepest", "pesten"),          // ge- participle
            ("drinkt", "drinken"),         // -t present tense
            ("dronk", "drinken"),          // strong past tense
            ("gedronken", "drinken"),      // strong participle
            ("slaapt", "slapen"),
            ("gokt", "gokken"),
            ("angstig", "angst"),          // -ig adjective
            ("verslaafd", "verslaving"),   // participle vs -ing noun
            ("depressief", "depressieve"), // f/v alternation
            ("ruzie", "ruzies"),           // -s plural after -ie
            ("moe", "moeheid"),
            ("scheiding", "scheiden"),
        ]
        for (form, lemma) in pairs {
            XCTAssertNotEqual(Shared.stemmer.stem(form), Shared.stemmer.stem(lemma), "\(form) / \(lemma)")
        }
    }

    func testStemsOfSomeIndicatorWords() {
        let expected = [
            "schulden": "schuld", "klachten": "klacht", "verslaving": "verslav", "drinken": "drink",
            "problemen": "problem", "gepest": "gepest", "Schulden": "schuld", "": "",
        ]
        for (word, stem) in expected {
            XCTAssertEqual(Shared.stemmer.stem(word), stem, word)
        }
    }

    /// Every instance owns its own libstemmer object; two give the same answers.
    func testSeparateInstancesAgree() throws {
        let other = try DutchStemmer()
        for word in ["schulden", "klachten", "verslaafde", "eenzaamheid"] {
            XCTAssertEqual(other.stem(word), Shared.stemmer.stem(word))
        }
    }
}
