import Foundation
import TotaalbeeldBatch
import TotaalbeeldLoader
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest

/// The anonymisation guard: every kind of direct identifier found, near-misses let through, the shipped
/// cases and generated dossiers pass, and nothing reported carries a value.
final class GuardTests: XCTestCase {
    static let rules = try! IdentifierRulesLoader.load(contentsOf: Fixtures.path("Rulesets/identifiers-nl.xml"), schemas: Fixtures.schemas)
    let identifierGuard = IdentifierGuard(rules: GuardTests.rules)

    private func kinds(_ text: String) -> Set<IdentifierKind> { Set(identifierGuard.scan(text: text).map(\.kind)) }

    private func assertFinds(_ kind: IdentifierKind, _ samples: [String], file: StaticString = #filePath, line: UInt = #line) {
        for sample in samples { XCTAssertEqual(kinds(sample), [kind], sample, file: file, line: line) }
    }

    private func assertClean(_ samples: [String], file: StaticString = #filePath, line: UInt = #line) {
        for sample in samples { XCTAssertEqual(kinds(sample), [], sample, file: file, line: line) }
    }

    func testCitizenServiceNumbersThatPassTheElevenTest() {
        // 111222333: 9+8+7+12+10+8+9+6 -3 = 66, a multiple of 11. 123456782 likewise.
        assertFinds(.bsn, ["BSN 111222333.", "bsn: 123456782", "sofinummer 1234.56.782", "nummer 123 456 782 bekend", "BSN123456782"])
    }

    func testNineDigitNumbersFailingTheElevenTestAreNotServiceNumbers() {
        // 123456789: 9+16+21+24+25+24+21+16 -9 = 147 = 11·13 + 4.
        XCTAssertFalse(UnitScannerProbe.passesElevenTest("123456789"))
        XCTAssertTrue(UnitScannerProbe.passesElevenTest("123456782"))
        assertClean(["dossiernummer 123456789", "zaak 111222334", "1234.56.789", "000000000", "1234567820 (tien cijfers)", "ref 12-123456782", "123456782-12"])
    }

    func testEmailAddresses() {
        assertFinds(.email, ["mail naar j.jansen@voorbeeld.nl graag", "contact: iemand+werk@sub.domein.com.", "<email>a_b-c@x.org</email>"])
        assertClean(["xmlns urn:totaalbeeld:dossier:1", "op @twitter gezien", "user@localhost"])
    }

    func testDutchPhoneNumbers() {
        assertFinds(.phone, [
            "tel. 06-12345678", "bel 06 12345678", "06 1234 5678", "0612345678", "+31 6 12345678", "+31612345678",
            "+31 (0)6 12345678", "0031 6 12345678", "020-1234567", "020 123 4567", "0345-123456", "(020) 1234567", "+31 20 123 4567",
        ])
        assertClean([
            "op 06-12-2010 12 weken verzuim", "van 2010 tot 2012", "uitkering 80-100%", "dossier 01-02-2010", "0612345", "6 uur per dag, 5 dagen",
            "bedrag 0,50 euro", "periode 2008-2010", "012345678901",
        ])
    }

    func testPostcodesWithHouseNumbers() {
        assertFinds(.postcode, ["woont op 1234 AB 12", "adres 1234AB, 12a", "Dorpsstraat 12, 1234 AB Utrecht", "Kerkweg 7 6543 ZX Ede"])
        // A postcode alone names a street; a year followed by two capitals is not a postcode.
        assertClean(["regio 1234 AB", "in 2010 WW aangevraagd", "1234 SS 12", "sinds 2009 ICT 3 jaar"])
    }

    func testFullDatesOfBirthButNotIntakeDates() {
        assertFinds(.birthDate, ["geboren op 3-4-1980", "Geboortedatum: 1980-04-03", "geb. 03/04/1980", "is geboren op 3 april 1980 in Zwolle", "born 12 March 1975"])
        XCTAssertEqual(Set(identifierGuard.scan(Array(#"<x birthDate="1980-04-03" date="2010-01-01"/>"#.utf8)).map(\.kind)), [.birthDate])
        XCTAssertEqual(Set(identifierGuard.scan(Array("<r><geboortedatum>3-4-1980</geboortedatum></r>".utf8)).map(\.kind)), [.birthDate])
        assertClean([
            "intake op 3-4-2010", "gesprek 2010-06-21 met cliënt", "sinds 12 maart 2009 ziek", "geboren in 1980", "heeft na de geboorte van haar zoon",
            "geboorteland Marokko; op 3 mei 2010 gesproken met de casemanager over de reintegratie",
        ])
        XCTAssertEqual(Set(identifierGuard.scan(Array(#"<source id="s-client" kind="client" role="cliënt" date="2010-04-13"/>"#.utf8)).map(\.kind)), [])
    }

    func testNamesFromTheListWithCareForOrdinaryWords() {
        assertFinds(.name, [
            "gesprek met Jansen over werk", "Piet Bakker vertelt", "mevrouw Visser belde", "dhr. Hoogendoorn (niet in de lijst)",
            "volgens de heer Kok", "mevrouw van der Meer", "zijn collega de Vries", "Fatima werkt", "Zoë is 23",
        ])
        assertClean([
            "Bakker van beroep, nu werkloos.", "Hij werkte als bakker en visser.", "Post kwam niet aan.", "De boer en de smit.",
            "Roos in de tuin.", "Storm op zee.", "Frank en vrij vertellen.", "jan. 2010", "de jongen van de buren",
            "Max. vier uur per dag.", "Volgens de bedrijfsarts", "Wajong sinds 2010", "RIBW en UWV",
        ])
    }

    func testIBANsThatPassTheMod97Check() {
        assertFinds(.iban, [
            "IBAN NL91ABNA0417164300", "rekening NL91 ABNA 0417 1643 00 (ING)", "iban: nl91abna0417164300", "NL02ABNA0123456789",
            "Belgisch: BE68 5390 0754 7034", "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "FR14 2004 1010 0505 0001 3M02 606",
            "Turks: TR33 0006 1005 1978 6457 8413 26", "MA64 0115 1900 0001 2050 0053 4921", "NL91-ABNA-0417-1643-00",
        ])
        assertClean(["NL91ABNA0417164301", "NL91ABNA041716430", "de 12 maanden waarin hij werkte", "in NL sinds 2009", "XX91ABNA0417164300", "NL91ABNA0417164300123"])
        // A failing check digit or a wrong grouping is no IBAN (its digits may still be another kind: "0417 1643 01" is a phone number).
        for sample in ["NL91 ABNA 0417 1643 01", "ABNA 0417 1643 00", "NL91 ABNA 04171 64300"] { XCTAssertFalse(kinds(sample).contains(.iban), sample) }
    }

    func testNamesWrittenInLowerCase() {
        assertFinds(.name, ["gesprek met jan jansen", "piet de vries belde", "volgens fatima el amrani", "mevrouw jansen", "dhr. de vries", "met eva bakker"])
        assertClean([
            "een ton schulden", "jan. 2010", "hij is huisman", "jan en alleman", "de bakker en de visser", "zwart-wit denken",
            "met rob", "meneer zegt dat", "max. vier uur",
        ])
    }

    func testDatesOfBirthFurtherThanTheWindowFromTheirWord() {
        assertFinds(.birthDate, [
            "Cliënte is geboren in het Sint-Antoniusziekenhuis te Nieuwegein op 12-03-1980.",
            "Hij werd geboren in Den Haag, in het Bronovo Ziekenhuis, op 3 april 1975",
        ])
        assertClean([
            "Hij is geboren in Turkije en kwam als tiener naar Nederland; sinds 1-3-2010 werkt hij niet meer.",
            "Geboren in Turkije, kwam als tiener naar Nederland en werkt sinds 01-03-2010 niet meer.",
            "Geboren en getogen in Rotterdam, in de WW sinds 12-05-2009.",
        ])
    }

    func testDatesOfBirthWrittenInWords() {
        assertFinds(.birthDate, [
            "geboren op twaalf maart 1980", "geboren op twaalf maart negentienhonderdtachtig", "geb. eenendertig december negentienhonderdzevenenzestig",
            "geboortedatum: de tweeëntwintigste juni 1971", "geboren 12 maart negentienhonderd tachtig",
            "Born March 12, 1980", "born on March 12th, 1980 in Leeds", "date of birth: 12th of March 1980",
        ])
        assertClean([
            "sinds twaalf maart 2010 ziek", "op twaalf maart 2010 gesproken", "Since March 12, 2010 on sick leave", "twaalf maanden geleden geboren",
            "geboren in het jaar negentienhonderdtachtig",
        ])
    }

    func testObfuscatedEmailAddresses() {
        assertFinds(.email, [
            "mail naam at provider dot org", "naam [at] provider [punt] nl", "j.jansen(at)voorbeeld(dot)com", "naam [at] provider.nl",
            "naam apenstaartje provider punt nl", "naam @ provider . nl", "NAAM AT PROVIDER DOT NL",
        ])
        assertClean([
            "Op dit punt is er geen verbetering.", "at work", "werkt bij een provider", "hij zit op het punt van opgeven",
            "Het gesprek at home liep goed; punt twee", "kijkt naar het punt nl", "at school dot",
        ])
    }

    func testEveryHitHasALineAndColumnButNoValue() {
        let xml = "<?xml version=\"1.0\"?>\n<d>\n  <n>bel 06-12345678</n>\n  <!-- mail: a@b.nl -->\n</d>\n"
        let hits = identifierGuard.scan(Array(xml.utf8))
        XCTAssertEqual(hits.map(\.kind), [.phone, .email])
        XCTAssertEqual(hits.map(\.line), [3, 4])
        XCTAssertEqual(hits[0].column, 10)
    }

    func testRedactedMessagesCarryNoValues() {
        let redactor = MessageRedactor(names: Fixtures.schemas.vocabulary)
        let message = "Element 'client', attribute 'note': The value 'bel 06-12345678 of 123456782' is not accepted; 'j@x.nl'"
        let redacted = ErrorRecord.redacted(message, redactor: redactor, guard: identifierGuard)
        XCTAssertFalse(redacted.contains("12345678"), redacted)
        XCTAssertFalse(redacted.contains("j@x.nl"), redacted)
        XCTAssertTrue(redacted.contains("'client'"), "names from the vocabulary stay: \(redacted)")
        XCTAssertFalse(ErrorRecord.redacted("Input is not proper UTF-8 Bytes: 0xFF 0xC3", redactor: redactor, guard: nil).contains("0xFF"))
        XCTAssertFalse(ErrorRecord.redacted("bel 06-12345678 nu", redactor: redactor, guard: identifierGuard).contains("12345678"))
    }

    func testShippedCasesAndGeneratedDossiersPass() throws {
        for file in Fixtures.caseFiles {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file))))
            XCTAssertEqual(identifierGuard.scan(bytes), [], file)
        }
        let generator = DossierGenerator(options: GeneratorOptions(seed: 4242, assessmentShare: 0.5), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        for index in 0..<400 {
            let dossier = generator.dossier(at: index)
            XCTAssertEqual(identifierGuard.scan(dossier.bytes), [], dossier.fileName)
        }
        // Another seed, as `totaalbeeld generate` writes them (every profile and regime, broken ones included).
        let generated = DossierGenerator(options: GeneratorOptions(seed: 2011, brokenShare: 0.1), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        for index in 0..<1200 {
            let dossier = generated.dossier(at: index)
            XCTAssertEqual(identifierGuard.scan(dossier.bytes), [], dossier.fileName)
        }
    }

    func testTheListIsValidatedThroughTheLoader() throws {
        let scratch = TemporaryDirectory()
        let original = try String(contentsOfFile: Fixtures.path("Rulesets/identifiers-nl.xml"), encoding: .utf8)
        let doubled = scratch.write("ids.xml", original.replacingOccurrences(of: "<family>Jansen</family>", with: "<family>Jansen</family>\n    <family>Jansen</family>"))
        XCTAssertThrowsError(try IdentifierRulesLoader.load(contentsOf: doubled, schemas: Fixtures.schemas)) { error in
            XCTAssertTrue("\(error)".contains("listed twice"), "\(error)")
        }
        let invalid = scratch.write("bad.xml", original.replacingOccurrences(of: "window=\"40\"", with: "window=\"veel\""))
        XCTAssertThrowsError(try IdentifierRulesLoader.load(contentsOf: invalid, schemas: Fixtures.schemas))
        XCTAssertEqual(GuardTests.rules.months["mrt"], 3)
        XCTAssertTrue(GuardTests.rules.names.contains { $0.text == "Bakker" && $0.commonWord })
    }
}

/// The 11-test through the public guard: a nine-digit number is a BSN exactly when it passes.
enum UnitScannerProbe {
    static func passesElevenTest(_ digits: String) -> Bool {
        let identifierGuard = IdentifierGuard(rules: GuardTests.rules)
        return identifierGuard.scan(text: "nummer \(digits) ").contains { $0.kind == .bsn }
    }
}
