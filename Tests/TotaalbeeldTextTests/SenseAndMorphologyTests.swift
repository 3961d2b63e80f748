import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Inflected forms and compound heads of one-word terms, and sense constraints (issue 13).
final class SenseAndMorphologyTests: XCTestCase {
    private func senses(_ sets: [(String, [String])]) -> [SenseSet] {
        sets.map { SenseSet(id: $0.0, label: LocalizedText(nl: $0.0), terms: $0.1, location: Location(file: "test", line: 1, column: 1)) }
    }

    private func analyzer(_ rules: [(String, [TermRule])], senses: [SenseSet] = [], wordForms: WordForms? = .shared) -> NarrativeAnalyzer {
        NarrativeAnalyzer(indicators: rules.map { (id: $0.0, rules: $0.1) }, senses: senses, context: .empty, wordForms: wordForms)
    }

    func testInflectedFormsOfAOneWordTermMatch() {
        let reading = analyzer([("schulden", [TermRule(text: "schulden")]), ("klachten", [TermRule(text: "klacht")])])
        XCTAssertEqual(reading.analyze("Hij heeft een schuld en twee klachten.").map(\.indicator), ["schulden", "klachten"])
    }

    func testCompoundsWhoseHeadIsTheTermMatch() throws {
        let reading = analyzer([("schulden", [TermRule(text: "schuld")]), ("klachten", [TermRule(text: "klachten")])])
        let hits = reading.analyze("Hij heeft een huurschuld en rugpijnklachten.")
        XCTAssertEqual(hits.map(\.matchedText), ["huurschuld", "rugpijnklachten"])
        XCTAssertEqual(hits.map(\.indicator), ["schulden", "klachten"])
        // A compound whose head is another word does not match: "schuldgevoel" is a feeling.
        XCTAssertTrue(reading.analyze("Hij heeft een schuldgevoel.").isEmpty)
    }

    func testExactTermsMatchOnlyAsWritten() {
        let reading = analyzer([("netwerk", [TermRule(text: "netwerk", exact: true)])])
        XCTAssertTrue(reading.analyze("Hij beheert het computernetwerk en de netwerken.").isEmpty)
        XCTAssertEqual(reading.analyze("Hij heeft een netwerk.").count, 1)
    }

    func testAWrittenTermBeatsAStemOrCompoundMatchOnTheSameWords() {
        let reading = analyzer([("angst", [TermRule(text: "angst")]), ("faalangst", [TermRule(text: "faalangst*")])])
        XCTAssertEqual(reading.analyze("Hij heeft faalangst.").map(\.indicator), ["faalangst"])
        XCTAssertEqual(reading.analyze("Hij heeft verlatingsangst.").map(\.indicator), ["angst"])
    }

    func testRequiredSenseWithinTheWindow() {
        let drinking = TermRule(text: "drinkt", require: ["alcohol"], exclude: ["frisdrank"], window: 4)
        let reading = analyzer([("verslaving", [drinking])], senses: senses([("alcohol", ["bier*", "wijn"]), ("frisdrank", ["koffie*", "thee"])]))
        XCTAssertEqual(reading.analyze("Hij drinkt elke avond bier.").map(\.indicator), ["verslaving"])
        XCTAssertTrue(reading.analyze("Hij drinkt graag koffie met zijn vader.").isEmpty, "no alcohol word: not drinking in the addiction sense")
        XCTAssertTrue(reading.analyze("Hij drinkt koffie en soms een bier.").isEmpty, "an excluded word near it wins")
        XCTAssertTrue(reading.analyze("Hij drinkt op zaterdagavond in de kroeg met vrienden een biertje.").isEmpty, "the alcohol word is outside the window")
    }

    func testARequiredSenseIsNeverMetByTheTermsOwnWords() {
        // "dronken" is itself an alcohol word: a term that requires alcohol must find it beside the match.
        let drunk = TermRule(text: "dronken", require: ["alcohol"], window: 4)
        let user = TermRule(text: "gebruiker", require: ["verslaving"], window: 4)
        let reading = analyzer(
            [("verslaving", [drunk, user])],
            senses: senses([("alcohol", ["dronken", "bier*", "wijn"]), ("verslaving", ["gebruiker*", "drugs"])])
        )
        XCTAssertTrue(reading.analyze("Ik was dronken van geluk toen ik het hoorde.").isEmpty)
        XCTAssertTrue(reading.analyze("Hij was de vaste gebruiker van de heftruck.").isEmpty)
        XCTAssertEqual(reading.analyze("Hij was dronken van de wijn.").map(\.matchedText), ["dronken"])
        XCTAssertEqual(reading.analyze("Hij is een gebruiker van harddrugs.").map(\.matchedText), ["gebruiker"], "a compound's part still carries its sense")
        // An excluded sense still reads the term's own words (and the required one then fails anyway).
        let excluded = analyzer([("verslaving", [TermRule(text: "bier*", exclude: ["ambacht"], window: 3)])], senses: senses([("ambacht", ["bierbrouwer"])]))
        XCTAssertTrue(excluded.analyze("Hij is bierbrouwer.").isEmpty)
    }

    func testANarrowerHitInsideALongerBroaderOneKeepsTheWords() {
        // The broader indicator's longer term holds the narrower one's: the narrower reading hides the broader
        // one, and must not itself be dropped as contained, or "slaapt op straat" would be read as nothing.
        let reading = NarrativeAnalyzer(
            indicators: [("crisis", [TermRule(text: "slaapt op straat")]), ("woonnood", [TermRule(text: "op straat")])],
            senses: [], context: .empty, broader: ["woonnood": ["crisis"]], wordForms: nil
        )
        XCTAssertEqual(reading.analyze("Hij slaapt op straat.").map(\.indicator), ["woonnood"])
        // Without the declaration the longer, more specific phrase wins as before.
        let plain = NarrativeAnalyzer(
            indicators: [("crisis", [TermRule(text: "slaapt op straat")]), ("woonnood", [TermRule(text: "op straat")])],
            senses: [], context: .empty, wordForms: nil
        )
        XCTAssertEqual(plain.analyze("Hij slaapt op straat.").map(\.indicator), ["crisis"])
    }

    func testAnExcludedSenseOnTheTermsOwnWordOrAsTheFirstPartOfTheCompound() {
        let reading = analyzer(
            [("verslaving", [TermRule(text: "drinken", exclude: ["frisdrank"], window: 3)])], senses: senses([("frisdrank", ["koffie", "thee*"])])
        )
        XCTAssertTrue(reading.analyze("Het koffiedrinken met collega's bevalt hem.").isEmpty)
        XCTAssertTrue(reading.analyze("Na het theedrinken gaat hij naar huis.").isEmpty)
    }

    func testACompoundCarriesItsSenseInItsFirstPart() {
        let reading = analyzer([("schulden", [TermRule(text: "schuld", require: ["geld"], window: 5)])], senses: senses([("geld", ["huur", "euro"])]))
        XCTAssertEqual(reading.analyze("Hij heeft een huurschuld.").map(\.matchedText), ["huurschuld"])
        XCTAssertEqual(reading.analyze("Hij heeft een schuld van 300 euro.").map(\.matchedText), ["schuld"])
        XCTAssertTrue(reading.analyze("Het is zijn schuld niet.").isEmpty)
        XCTAssertTrue(reading.analyze("Hij heeft een studieschuld.").isEmpty, "'studie' is not a money word in this sense set")
    }

    func testWithoutMorphologyTermsMatchAsWritten() {
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: nil)
        XCTAssertTrue(reading.analyze("Hij heeft een huurschuld.").isEmpty)
        XCTAssertEqual(reading.analyze("Hij heeft een schuld.").count, 1)
    }

    func testAMissingDictionaryDegradesWithAStatedWarning() {
        let forms = WordForms(searching: ["/nonexistent-hunspell-directory"])
        XCTAssertFalse(forms.splitsCompounds)
        XCTAssertNotNil(forms.warning)
        XCTAssertTrue(forms.warning?.contains("hunspell-nl") == true, forms.warning ?? "")
        XCTAssertEqual(forms.stem("schulden"), "schuld", "stems still work: libstemmer is linked")
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: forms)
        XCTAssertEqual(reading.morphologyWarning, forms.warning)
        XCTAssertEqual(reading.analyze("Hij heeft schulden.").count, 1, "inflections still match")
        XCTAssertTrue(reading.analyze("Hij heeft een huurschuld.").isEmpty, "compounds only as written")
        XCTAssertNil(WordForms.shared.warning, "the test machine has the Dutch dictionary (apt-get install hunspell-nl)")
    }

    /// The forms of each distinct word are looked up once: more text with the same words adds no lookups.
    func testMorphologyIsLookedUpOncePerDistinctWord() {
        let forms = WordForms()
        let reading = analyzer([("schulden", [TermRule(text: "schuld")])], wordForms: forms)
        let sentence = "Hij heeft een huurschuld en een studieschuld bij de bank. "
        _ = reading.analyze(sentence)
        let afterOne = forms.cachedWordCount
        _ = reading.analyze(String(repeating: sentence, count: 200))
        XCTAssertEqual(forms.cachedWordCount, afterOne)
        XCTAssertGreaterThan(afterOne, 0)
    }

    /// Each case's indicator is among the readings of its text exactly when the case says so.
    private func assertReadings(_ cases: [(text: String, indicator: String, read: Bool)], by readings: (String) -> Set<String>, line: UInt = #line) {
        for (text, indicator, read) in cases {
            XCTAssertEqual(readings(text).contains(indicator), read, "\(indicator) in: \(text)", line: line)
        }
    }

    func testDefaultRulesetOnRiskyWords() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func indicators(_ text: String) -> [String] { analyzer.analyze(text).map(\.indicator) }
        // Item 1: coffee, alcohol-free beer and a drinks wholesaler are not addiction.
        XCTAssertFalse(indicators("Hij drinkt graag koffie met zijn vader.").contains("verslaving"))
        XCTAssertFalse(indicators("Hij drinkt alleen alcoholvrije biertjes.").contains("verslaving"))
        XCTAssertFalse(indicators("Vroeger werkte hij bij een drankenhandel.").contains("verslaving"))
        XCTAssertFalse(indicators("Zij werkt als verpleegkundige bij de verslavingszorg.").contains("verslaving"))
        XCTAssertTrue(indicators("Hij drinkt elke dag zes blikjes bier.").contains("verslaving"))
        XCTAssertTrue(indicators("Zijn alcoholverslaving is nooit behandeld.").contains("verslaving"))
        // Relapse is not a fall in income, and falling back on someone is support.
        XCTAssertFalse(indicators("Door de terugval in inkomen moet hij verhuizen.").contains("terugvalrisico"))
        XCTAssertFalse(indicators("Hij kan terugvallen op zijn broer.").contains("terugvalrisico"))
        // Physical trauma is not psychological trauma; a crisis in the economy is no acute crisis.
        XCTAssertFalse(indicators("Na het knietrauma liep hij met krukken.").contains("trauma"))
        XCTAssertFalse(indicators("Tijdens de coronacrisis werkte hij thuis.").contains("acute-crisis"))
        XCTAssertFalse(indicators("Hij voelt zich schuldig.").contains("schulden"))
    }

    /// Ruleset 1.12.0: the life-first, high-precision indicators read a risky word in its own sense only; each
    /// ordinary use beside a use that must still be read (sentences written for this test).
    func testHighPrecisionIndicatorsReadRiskyWordsInTheirOwnSense() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func asserted(_ text: String) -> Set<String> {
            Set(analyzer.analyze(text).filter { !$0.negated && !$0.hypothetical && $0.experiencer == .client }.map(\.indicator))
        }
        let cases: [(text: String, indicator: String, read: Bool)] = [
            ("Hij is verslaafd aan zijn racefiets en traint elke dag.", "verslaving", false),
            ("Hij is sinds zijn twintigste verslaafd aan cocaïne.", "verslaving", true),
            ("Onder invloed van zijn nieuwe leidinggevende bloeide hij op.", "verslaving", false),
            ("Hij kwam onder invloed van alcohol op zijn werk.", "verslaving", true),
            ("Ik was dronken van geluk toen de uitslag kwam.", "verslaving", false),
            ("Hij drinkt 's middags een grote beker rooibosthee.", "verslaving", false),
            ("Hij drinkt elke avond een fles wijn leeg.", "verslaving", true),
            ("Mijn zus noemt me een chocoladejunk.", "verslaving", false),
            ("Als hobby brouwt hij zijn eigen bier in de schuur.", "verslaving", false),
            ("Hij bezorgt al tien jaar kranten op straat.", "woonnood", false),
            ("Sinds de scheiding slaapt hij op straat.", "woonnood", true),
            ("Voor de nieuwbouw deed hij de uitzettingen met de landmeter.", "woonnood", false),
            ("De woningcorporatie heeft de uitzetting voor volgende week aangekondigd.", "woonnood", true),
            ("Na het overlijden van haar moeder heeft zij het huis ontruimd en verkocht.", "woonnood", false),
            ("Zij heeft aangifte gedaan van een inbraak in haar schuur.", "justitie", false),
            ("Hij is in 2022 veroordeeld voor een inbraak bij een buurman.", "justitie", true),
            ("Bij het volleyballen scheurde hij zijn enkelband.", "justitie", false),
            ("Zijn zoon heeft op school een klasgenoot geslagen.", "huiselijk-geweld", false),
            ("Haar man heeft haar vorige week geslagen.", "huiselijk-geweld", true),
            ("Het team is teruggevallen naar de derde plek in de competitie.", "terugvalrisico", false),
            ("Cliënt is bang om terug te vallen in zijn oude gebruik.", "terugvalrisico", true),
            ("Hij heeft een broer om op terug te vallen.", "terugvalrisico", false),
            ("Het water was een paar uur afgesloten vanwege werkzaamheden aan de leidingen.", "afsluiting-voorzieningen", false),
            ("Het energiebedrijf heeft het gas afgesloten wegens een achterstand.", "afsluiting-voorzieningen", true),
            ("Sinds de scheiding woont hij in zijn auto.", "woonnood", true),
            ("Het team wil een eind maken aan de lange wachttijden.", "acute-crisis", false),
            ("Hij is met spoed opgenomen voor een ontstoken blindedarm.", "acute-crisis", false),
            ("Vorige maand is zij met spoed opgenomen op de psychiatrie.", "acute-crisis", true),
        ]
        assertReadings(cases, by: asserted)
    }

    /// Ruleset 1.19.0: who helps whom, and what a word means beside its neighbours (sentences written for this test, after
    /// a new user's intake drew them): the client caring for his wife is informal care, a relative helping the client is
    /// his network; a gloomy view of the job market is an outlook, not a low mood; the client minding his sister's
    /// children or volunteering at the food bank is his activity, not help he gets or poverty.
    func testWhoHelpsWhomAndWhatAWordMeansBesideItsNeighbours() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func read(_ text: String) -> Set<String> {
            Set(analyzer.analyze(text).filter { !$0.negated && !$0.hypothetical }.map(\.indicator))
        }
        let cases: [(text: String, indicator: String, read: Bool)] = [
            ("Zijn vrouw heeft MS en hij helpt haar dagelijks met aankleden en het huishouden.", "mantelzorg", true),
            ("Zijn vrouw heeft MS en hij helpt haar dagelijks met aankleden en het huishouden.", "steunend-netwerk", false),
            ("Hij helpt zijn vrouw bij het douchen.", "mantelzorg", true),
            ("Haar dochter helpt haar met het aankleden.", "mantelzorg", false),
            ("Haar dochter helpt haar met het aankleden.", "steunend-netwerk", true),
            ("Cliënt ziet het somber in.", "psychische-klachten", false),
            ("Cliënt ziet het somber in.", "verlies-perspectief", true),
            ("Ze is somber over haar kansen op de arbeidsmarkt.", "psychische-klachten", false),
            ("Hij is somber en slaapt slecht.", "psychische-klachten", true),
            ("Ze voelt zich somber in de ochtend.", "psychische-klachten", true),
            ("Hij past twee middagen per week op de kinderen van zijn zus.", "steunend-netwerk", false),
            ("Zijn moeder past op de kinderen als hij werkt.", "steunend-netwerk", true),
            ("Zij doet vrijwilligerswerk bij de voedselbank.", "financiele-problemen", false),
            ("Het gezin is aangewezen op de voedselbank.", "financiele-problemen", true),
            ("Hij heeft een grote vriendenkring.", "steunend-netwerk", true),
            ("Elke zaterdag loopt hij met zijn kleinzoon een rondje van een uur door het bos.", "lopen-verteld", true),
            // 1.20.0: a reservation is no physician's fitness; a prognosis still is none either.
            ("Als vrouw is ze minder geschikt voor het zware werk in de bouw.", "arbeidsgeschikt-verklaard", false),
            ("De verzekeringsarts acht hem geschikt voor aangepast werk.", "arbeidsgeschikt-volgens-arts", true),
            // 1.20.0: leaving one's home in the words of a report; an estate cleared after a death is not.
            ("Het gezin moet binnen twee weken de woning verlaten vanwege huurachterstand.", "woonnood", true),
            ("Hij zwerft al twee weken op straat.", "woonnood", true),
            ("Na het overlijden van haar moeder moet zij het huis verlaten en leeg opleveren.", "woonnood", false),
            // 1.20.0: a drink with colleagues now and then is no substance use; drinking too much still is.
            ("Na sluitingstijd ging hij met een paar mensen nog weleens wat drinken.", "verslaving", false),
            ("Hij drinkt weleens te veel.", "verslaving", true),
        ]
        assertReadings(cases, by: read)
    }

    /// Ruleset 1.22.0 (the twelfth and thirteenth writers' long clean controls): ordinary sentences that drew a referral
    /// first — a heartbeat read as a blow, a relapse the psychologist says is preventable, a prevention plan he still
    /// uses, one beer after the club, a topic the physician asked about, a crisis told in the past — each beside the
    /// sentence that must still be read.
    func testOrdinarySentencesThatReferredCleanDossiersFirst() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        let analyzer = NarrativeAnalyzer(ruleset: ruleset)
        func current(_ text: String) -> Set<String> {
            Set(analyzer.analyze(text).filter { !$0.negated && !$0.historical && !$0.hypothetical && $0.experiencer == .client }.map(\.indicator))
        }
        let cases: [(text: String, indicator: String, read: Bool)] = [
            ("Als ik aan een klas met dertig kinderen denk, slaat mijn hart al over.", "huiselijk-geweld", false),
            ("Als haar man thuiskomt, slaat hij haar.", "huiselijk-geweld", true),
            ("Terugval is te voorkomen door niet terug te keren naar structureel overwerk.", "terugvalrisico", false),
            ("Hij heeft een terugvalpreventieplan dat hij nog gebruikt.", "verslaving", false),
            ("Hij gebruikt weer cocaïne.", "verslaving", true),
            ("Biljartclub op vrijdagavond, met na afloop een biertje.", "verslaving", false),
            ("Hij drinkt elke avond vijf biertjes.", "verslaving", true),
            ("Naar alcohol- en middelengebruik gevraagd: drinkt af en toe een biertje.", "verslaving", false),
            ("Gevraagd naar drugsgebruik: blowt elke avond.", "verslaving", true),
            ("Er was een crisissituatie rond de woning met een dreigende huisuitzetting.", "woonnood", false),
            ("Hij wordt over twee weken uit huis gezet.", "woonnood", true),
            ("'Ik heb altijd gewerkt, ik wil niet thuis zitten.'", "verlies-dagritme", false),
            ("In zijn vrije tijd knapt hij scooters op voor vrienden.", "herstel-in-gang", false),
            ("Hij knapt langzaam op na de operatie.", "herstel-in-gang", true),
            ("Het bedrijf kwam door de gestegen rente niet meer uit de schulden.", "lopen-verteld", false),
            ("Hij rent elke ochtend een rondje.", "lopen-verteld", true),
            ("Cliënt heeft het vmbo verlaten zonder diploma en heeft daarna geen opleiding meer gevolgd.", "geen-diploma", true),
            ("E-mail met bijlage versturen: niet gelukt binnen de tijd.", "faalervaring-werk", false),
            ("'Ik kan best werken, maar niet in een kantoortuin waar iedereen door elkaar praat.'", "kunnen-hoog-geclaimd", false),
            ("'Dat kan ik best, ik ben nooit ziek.'", "kunnen-hoog-geclaimd", true),
            ("'Iets met metaal, daar ben ik goed in.'", "vaardigheid-hoog-geclaimd", true),
            ("'Iets met metaal, daar ben ik goed in.'", "kunnen-hoog-geclaimd", false),
            // A clause-final negation that its place does not allow swallows no shorter one.
            ("Het faillissement was een klap, maar hij is er niet somber van.", "psychische-klachten", false),
        ]
        assertReadings(cases, by: current)
        // A report about a relative who tells names the client with the relative's own possessive.
        let daughter = analyzer.speaker(role: "dochter", clientGender: "man", tellsOfHimself: true)
        let hears = analyzer.analysis(of: "Dochter vertelt dat haar vader slecht hoort.", speaker: daughter).hits
        XCTAssertEqual(hears.filter { $0.indicator == "lichamelijke-klachten" }.map(\.experiencer), [.client], "her father is the client")
        let son = analyzer.speaker(role: "zoon", clientGender: "man", tellsOfHimself: true)
        let other = analyzer.analysis(of: "Zoon vertelt dat haar vader slecht hoort.", speaker: son).hits
        XCTAssertEqual(other.filter { $0.indicator == "lichamelijke-klachten" }.map(\.experiencer), [.other], "a son's \"haar vader\" is someone else")
        XCTAssertTrue(ruleset.context.speakers.contains { $0.possessives != nil })
    }

    /// Ruleset 1.19.0: a physical complaint its own sentence calls occasional or passing carries the signal that sets it
    /// to zero (qualifier licht-voorbijgaand); a complaint that is occasional but severe does not.
    func testAnOccasionalOrPassingComplaintCarriesItsQualifier() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func read(_ text: String) -> Set<String> { Set(analyzer.analyze(text).map(\.indicator)) }
        for text in ["Ze heeft soms last van haar rug na een lange dag, maar dat gaat over met rust.",
                     "Geen chronische aandoeningen; incidenteel lage rugklachten.",
                     "Alleen mijn knie doet soms pijn bij traplopen."] {
            XCTAssertTrue(read(text).isSuperset(of: ["lichamelijke-klachten", "licht-voorbijgaand"]), text)
        }
        XCTAssertFalse(read("Hij heeft soms zoveel pijn dat hij niet kan lopen.").contains("licht-voorbijgaand"))
        XCTAssertFalse(read("Hij heeft dagelijks rugpijn.").contains("licht-voorbijgaand"))
    }
}
