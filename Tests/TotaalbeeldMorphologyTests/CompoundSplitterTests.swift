import TotaalbeeldMorphology
import XCTest

final class CompoundSplitterTests: XCTestCase {
    /// Compounds typical of intake dossiers, with every part; the last part is the head.
    /// Linking morphemes are shown as written ("arbeids", "kinder") and checked separately.
    static let compounds: [(word: String, parts: [String])] = [
        ("huurschuld", ["huur", "schuld"]),
        ("huurachterstand", ["huur", "achterstand"]),
        ("energieschuld", ["energie", "schuld"]),
        ("schuldeisers", ["schuld", "eisers"]),
        ("schuldsanering", ["schuld", "sanering"]),
        ("schuldhulpverlening", ["schuld", "hulp", "verlening"]),
        ("betalingsachterstand", ["betalings", "achterstand"]),
        ("bijstandsuitkering", ["bijstands", "uitkering"]),
        ("geldzorgen", ["geld", "zorgen"]),
        ("rugklachten", ["rug", "klachten"]),
        ("rugpijnklachten", ["rug", "pijn", "klachten"]),
        ("nekklachten", ["nek", "klachten"]),
        ("knieklachten", ["knie", "klachten"]),
        ("hoofdpijnklachten", ["hoofd", "pijn", "klachten"]),
        ("stressklachten", ["stress", "klachten"]),
        ("gezondheidsklachten", ["gezondheids", "klachten"]),
        ("vermoeidheidsklachten", ["vermoeidheids", "klachten"]),
        ("slaapproblemen", ["slaap", "problemen"]),
        ("relatieproblemen", ["relatie", "problemen"]),
        ("concentratieproblemen", ["concentratie", "problemen"]),
        ("paniekaanvallen", ["paniek", "aanvallen"]),
        ("faalangst", ["faal", "angst"]),
        ("alcoholvrij", ["alcohol", "vrij"]),
        ("alcoholverslaving", ["alcohol", "verslaving"]),
        ("gokverslaving", ["gok", "verslaving"]),
        ("drankenhandel", ["dranken", "handel"]),
        ("drankprobleem", ["drank", "probleem"]),
        ("koffiedrinken", ["koffie", "drinken"]),
        ("werkervaring", ["werk", "ervaring"]),
        ("werkgever", ["werk", "gever"]),
        ("arbeidsongeschikt", ["arbeids", "ongeschikt"]),
        ("arbeidsongeschiktheid", ["arbeids", "ongeschiktheid"]),
        ("bedrijfsarts", ["bedrijfs", "arts"]),
        ("mantelzorgtaken", ["mantel", "zorg", "taken"]),
        ("kinderopvangtoeslag", ["kinder", "opvang", "toeslag"]),
        ("dagbesteding", ["dag", "besteding"]),
        ("ziekenhuisopname", ["zieken", "huis", "opname"]),
        ("thuissituatie", ["thuis", "situatie"]),
        ("cliëntsysteem", ["cliënt", "systeem"]),
        ("taalbarrière", ["taal", "barrière"]),
    ]

    func testCompoundsOfIntakeDossiers() {
        for (word, parts) in Self.compounds {
            let split = Shared.splitter.split(word)
            XCTAssertEqual(split.parts.map(\.text), parts, word)
            XCTAssertEqual(split.head, parts.last, word)
            XCTAssertTrue(split.isCompound, word)
            XCTAssertEqual(split.parts.map(\.text).joined(), word, "parts spell the word")
        }
    }

    /// Simple words, inflections and derivations that end in a word must stay whole, as must
    /// particle-verb derivations and anything too short for two parts.
    func testNonCompoundsDoNotSplit() {
        let words = [
            "verslaving", "schulden", "diploma", "geregeld", "klachten", "ervaring", "begeleiding", "eenzaamheid",
            "kennis", "kantoor", "moeten", "dieren", "gekregen", "gesprek", "momenteel", "termijn", "procent",
            "wandeling", "deskundige",
            // Particle verbs and prefixed derivations.
            "uitkering", "toeslag", "achterstand", "verlening", "aanvraag", "onderzoek", "terugval", "overleg",
            // Too short, or not letters only.
            "rug", "pijn", "huur", "op", "ab", "", "huurschuld2021", "burn-out", "diploma's",
        ]
        for word in words {
            let split = Shared.splitter.split(word)
            XCTAssertFalse(split.isCompound, "\(word) → \(split)")
            XCTAssertEqual(split.parts.map(\.text), [word], word)
            XCTAssertEqual(split.head, word)
            XCTAssertEqual(split.heads, [])
            XCTAssertEqual(split.splitOffsets, [])
        }
    }

    /// Known wrong answers, asserted so that a change of dictionary or algorithm shows up here.
    /// Lexicalised words whose pieces pass both tests split; compounds whose modifier Hunspell
    /// neither flags nor knows as a noun, or whose diacritics were folded away, do not.
    func testKnownWrongSplits() {
        let wrong: [(String, [String])] = [
            ("winkeldiefstal", ["winkel", "dief", "stal"]), // diefstal is one word
            ("gesprekken", ["gesp", "rekken"]),
            ("combinatie", ["combi", "natie"]),
            ("handhaven", ["hand", "haven"]),
            ("wellicht", ["wel", "licht"]),
            ("vijftiende", ["vijf", "tiende"]),
            // Missed splits.
            ("zelfvertrouwen", ["zelfvertrouwen"]),   // "zelf" is no noun
            ("overgewicht", ["overgewicht"]),         // "over" is a particle
            ("clientsysteem", ["clientsysteem"]),     // folded: Hunspell knows "cliënt"
            ("taalbarriere", ["taalbarriere"]),
        ]
        for (word, parts) in wrong {
            XCTAssertEqual(Shared.splitter.split(word).parts.map(\.text), parts, word)
        }
    }

    func testLinkingMorphemes() {
        let expected: [(word: String, modifier: String, linking: String, base: String)] = [
            ("arbeidsongeschikt", "arbeids", "s", "arbeid"),
            ("bedrijfsarts", "bedrijfs", "s", "bedrijf"),
            ("gezondheidsklachten", "gezondheids", "s", "gezondheid"),
            ("kinderopvangtoeslag", "kinder", "er", "kind"),
            // A modifier that is a word by itself has none, even when it ends like one.
            ("drankenhandel", "dranken", "", "dranken"),
            ("ziekenhuisopname", "zieken", "", "zieken"),
            ("huurschuld", "huur", "", "huur"),
        ]
        for item in expected {
            let first = Shared.splitter.split(item.word).parts[0]
            XCTAssertEqual(first.text, item.modifier, item.word)
            XCTAssertEqual(first.linkingMorpheme, item.linking, item.word)
            XCTAssertEqual(first.base, item.base, item.word)
        }
        XCTAssertEqual(Shared.splitter.split("arbeidsongeschikt").description, "arbeid(s)+ongeschikt")
        XCTAssertEqual(Shared.splitter.split("kinderopvangtoeslag").description, "kind(er)+opvang+toeslag")
        XCTAssertEqual(Shared.splitter.split("verslaving").description, "verslaving")
        // The head never carries a linking morpheme.
        XCTAssertEqual(Shared.splitter.split("slaapproblemen").parts.last?.linkingMorpheme, "")
    }

    /// Every split point is reported, and the head at each of them.
    func testHeadsAndOffsets() {
        let split = Shared.splitter.split("schuldhulpverlening")
        XCTAssertEqual(split.heads, ["hulpverlening", "verlening"])
        XCTAssertEqual(split.splitOffsets, [6, 10])
        XCTAssertEqual(split.parts.map(\.offset), [0, 6, 10])
        XCTAssertEqual(split.modifiers.map(\.text), ["schuld", "hulp"])
        XCTAssertEqual(Shared.splitter.split("rugpijnklachten").heads, ["pijnklachten", "klachten"])
        // Offsets count Unicode scalars, like the tokenizer's.
        XCTAssertEqual(Shared.splitter.split("cliëntsysteem").splitOffsets, [6])
    }

    func testInputIsLowerCased() {
        let split = Shared.splitter.split("HuurSchuld")
        XCTAssertEqual(split.word, "huurschuld")
        XCTAssertEqual(split.parts.map(\.text), ["huur", "schuld"])
        XCTAssertEqual(Shared.splitter.split("ARBEIDSONGESCHIKT").description, "arbeid(s)+ongeschikt")
    }

    func testMinimumPartLength() {
        let splitter = CompoundSplitter(dictionary: Shared.dictionary, minimumPartLength: 4)
        XCTAssertEqual(splitter.split("rugklachten").parts.map(\.text), ["rugklachten"])
        XCTAssertEqual(splitter.split("huurschuld").parts.map(\.text), ["huur", "schuld"])
    }

    func testCacheHoldsWhatItReturns() {
        let splitter = CompoundSplitter(dictionary: Shared.dictionary, cacheLimit: 2)
        XCTAssertEqual(splitter.cachedWordCount, 0)
        let first = splitter.split("huurschuld")
        XCTAssertEqual(splitter.cachedWordCount, 1)
        XCTAssertEqual(splitter.split("huurschuld"), first)
        XCTAssertEqual(splitter.split("Huurschuld"), first, "one entry per lower-cased word")
        XCTAssertEqual(splitter.cachedWordCount, 1)
        _ = splitter.split("faalangst")
        _ = splitter.split("rugklachten")
        XCTAssertEqual(splitter.cachedWordCount, 2, "the limit holds")
        XCTAssertEqual(splitter.split("rugklachten").parts.map(\.text), ["rug", "klachten"], "beyond the limit, still split")
        XCTAssertEqual(splitter.splitUncached("huurschuld"), first)
        splitter.removeCachedSplits()
        XCTAssertEqual(splitter.cachedWordCount, 0)

        let uncaching = CompoundSplitter(dictionary: Shared.dictionary, cacheLimit: 0)
        _ = uncaching.split("huurschuld")
        XCTAssertEqual(uncaching.cachedWordCount, 0)
    }
}
