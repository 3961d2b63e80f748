import Foundation
import TotaalbeeldBatch
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest

/// No byte of a dossier reaches errors.jsonl or stderr unless it is on the whitelist of message words and
/// names — also when libxml2 cuts a long value before its closing quote, or names something without quotes.
final class ErrorRedactionTests: XCTestCase {
    /// Planted in every broken dossier: an e-mail address and a marker that no pattern recognises.
    private static let secrets = ["jan.jansen@voorbeeld.nl", "GEHEIM", "geheim", "xxxxxxxxxx"]

    private static func dossier(client: String = #"<client ageBand="18-26" benefitRegime="wajong"/>"#, body: String = "", summary: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <dossier xmlns="urn:totaalbeeld:dossier:1" id="test" date="2010-06-15">
          \(summary)\(client)
          <sources><source id="s-client" kind="client" role="cliënt"/><source id="s-ad" kind="professional" role="arbeidsdeskundige"/></sources>
        \(body)</dossier>

        """
    }

    func testNoDossierValueReachesErrorsOrStderrWhateverItsLength() throws {
        let scratch = makeScratchDirectory()
        let planted = "GEHEIM-DIAGNOSE jan.jansen@voorbeeld.nl "
        let long = planted + String(repeating: "x", count: 110_000)
        let cases: [String: String] = [
            // A 100 KB+ attribute value: libxml2 cuts its message before the closing quote.
            "long-enumeration": Self.dossier(client: #"<client ageBand="18-26" benefitRegime=""# + long + #""/>"#),
            "long-pattern": Self.dossier(client: #"<client ageBand=""# + long + #"" benefitRegime="wajong"/>"#),
            "long-integer": Self.dossier(client: #"<client ageBand="18-26" benefitRegime="wajong" age=""# + long + #""/>"#),
            // Element text: where no text belongs, with an undefined entity, with markup inside a simple element, cut off.
            "text-in-element-only": Self.dossier(body: "  <findings>" + long + "</findings>\n"),
            "text-entity": Self.dossier(summary: "<summary>Gesprek met &geheimJansen; via jan.jansen@voorbeeld.nl</summary>\n  "),
            "text-simple": Self.dossier(summary: "<summary>" + long + "<b>GEHEIM</b></summary>\n  "),
            "text-unterminated": Self.dossier(summary: "<summary>" + planted + "\n"),
            // Names the document chose, which libxml2 prints unquoted or the loader quotes.
            "tag-mismatch": Self.dossier(body: "  <geheimA>tekst</geheimB>\n"),
            "duplicate-id": Self.dossier(body: #"  <findings><finding id="geheim-1" indicator="angst" source="s-ad"/><finding id="geheim-1" indicator="angst" source="s-ad"/></findings>"# + "\n"),
            "unknown-reference": Self.dossier(body: #"  <findings><finding id="f-1" indicator="geheim.jansen" source="geheimbron"/></findings>"# + "\n"),
            "invalid-utf8": Self.dossier(summary: "<summary>GEHEIM \u{FFFD}</summary>\n  ").replacingOccurrences(of: "\u{FFFD}", with: "\u{1}"),
        ]
        try FileManager.default.createDirectory(atPath: scratch.path + "/in", withIntermediateDirectories: true)
        for (name, text) in cases { _ = scratch.write("in/\(name).dossier.xml", text) }
        // Invalid UTF-8 holding a value: a byte dump in libxml2's message would spell it.
        var latin1 = Array(Self.dossier(summary: "<summary>GEHEIM caf\u{E9}</summary>\n  ").utf8)
        if let e = latin1.firstIndex(of: 0xC3) { latin1.replaceSubrange(e...(e + 1), with: [0xE9]) }
        _ = FileManager.default.createFile(atPath: scratch.path + "/in/latin1.dossier.xml", contents: Data(latin1))

        for anonymised in [false, true] {
            let out = scratch.path + (anonymised ? "/anonymised" : "/plain")
            let run = try CLI.run(["batch", scratch.path + "/in", "--out", out, "--jobs", "2"] + (anonymised ? ["--anonymised"] : []), timeout: 300)
            XCTAssertEqual(run.status, 65, run.stderr)
            let errors = try String(contentsOfFile: out + "/errors.jsonl", encoding: .utf8)
            let records = errors.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
            XCTAssertEqual(Set(records.compactMap { $0["file"] as? String }).count, cases.count + 1, "every broken dossier is reported")
            for record in records {
                let message = record["message"] as? String ?? ""
                for secret in Self.secrets { XCTAssertFalse(message.contains(secret), "\(secret) in \(record)") }
                XCTAssertLessThan(message.utf8.count, 1000, "\(record)")
            }
            for secret in Self.secrets { XCTAssertFalse(run.stderr.contains(secret), run.stderr) }
            // Still says what is wrong.
            XCTAssertTrue(errors.contains("attribute 'benefitRegime'"), errors)
            XCTAssertTrue(errors.contains("Opening and ending tag mismatch"), errors)
        }
    }

    func testTheRedactorKeepsOnlyWhitelistedWords() {
        let redactor = MessageRedactor(names: Fixtures.schemas.vocabulary)
        let kept = [
            "Element '{urn:totaalbeeld:dossier:1}client', attribute 'ageBand': [facet 'pattern'] The value '«…»' is not accepted by the pattern '\\d{1,2}-\\d{1,2}|\\d{2}\\+'.",
            "Element '{urn:totaalbeeld:dossier:1}sources': Character content other than whitespace is not allowed because the content type is 'element-only'.",
            "Couldn't find end of Start Tag source line 12",
            "Premature end of data in tag dossier line 2",
        ]
        for message in kept { XCTAssertEqual(redactor.redact(message), message) }
        let cases: [(String, String)] = [
            ("Element 'client', attribute 'ageBand': [facet 'pattern'] The value 'Jansen 06-12345678 and on and on", "Element 'client', attribute 'ageBand': [facet 'pattern'] The value '«…»'"),
            ("Opening and ending tag mismatch: jansen line 5 and pietersen", "Opening and ending tag mismatch: «…» line 5 and «…»"),
            ("ID geheim already defined", "ID «…» already defined"),
            ("Entity 'Hoogendoorn' not defined", "Entity '«…»' not defined"),
            ("Input is not proper UTF-8, indicate encoding ! Bytes: 0x4A 0x61 0x6E", "Input is not proper UTF-8, indicate encoding ! Bytes: «…»"),
            ("The value has a length of '123'; this exceeds the allowed maximum length of '80'.", "The value has a length of '123'; this exceeds the allowed maximum length of '80'."),
            ("geboren 3-4-1980 te Utrecht", "«…»"),
            (#"AttValue: " or ' expected"#, #"AttValue: " or ' expected"#),
        ]
        for (message, expected) in cases { XCTAssertEqual(redactor.redact(message), expected, message) }
    }

    func testMessagesOfGeneratedBrokenDossiersKeepTheirWording() throws {
        let scratch = makeScratchDirectory()
        let set = BatchFixtures.population(in: scratch.path, count: 160, seed: 23, brokenShare: 0.6)
        let run = try CLI.run(["batch", set, "--out", scratch.path + "/o", "--keep-going", "--quiet"], timeout: 300)
        XCTAssertEqual(run.status, 0, run.stderr)
        let messages = BatchFixtures.lines(scratch.path + "/o/errors.jsonl").compactMap { ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["message"] as? String }
        XCTAssertGreaterThan(messages.count, 40)
        for message in messages {
            let words = message.split(separator: " ")
            let redacted = words.filter { $0.contains(MessageRedactor.placeholder) }
            XCTAssertGreaterThanOrEqual(words.count - redacted.count, 3, message)
            XCTAssertLessThanOrEqual(redacted.count, 2, "only values are taken out: \(message)")
        }
    }
}
