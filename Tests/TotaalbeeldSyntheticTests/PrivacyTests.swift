import Foundation
import TotaalbeeldSynthetic
import XCTest

/// Synthetic dossiers are anonymous by construction: a scan for direct identifiers finds nothing.
final class PrivacyTests: XCTestCase {
    static let identifiers: [(name: String, pattern: String)] = [
        ("e-mail address", #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#),
        ("nine-digit number (BSN)", #"(?<![0-9])[0-9](?:[ .]?[0-9]){8}(?![0-9])"#),
        ("postcode and house number", #"\b[1-9][0-9]{3} ?[A-Z]{2}\b\s*[0-9]+"#),
        ("phone number", #"(?:\+31|\b0)[1-9](?:[ -]?[0-9]){8}\b"#),
        ("birth date wording", #"(?i)\b(geboren|geboortedatum|geb\.)"#),
        ("written date", #"\b[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19|20)[0-9]{2}\b"#),
        ("date in words", #"(?i)\b[0-9]{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (19|20)[0-9]{2}\b"#),
        ("name with title", #"\b(?:dhr|mevr|mw|de heer|mevrouw)\.? [A-Z][a-z]+"#),
    ]

    func testNoDirectIdentifiersInAThousandDossiers() throws {
        let expressions = try Self.identifiers.map { ($0.name, try NSRegularExpression(pattern: $0.pattern)) }
        let iso = try NSRegularExpression(pattern: #"\b((?:19|20)[0-9]{2})-[0-9]{2}-[0-9]{2}\b"#)
        let generator = DossierGenerator(options: GeneratorOptions(seed: 4242, assessmentShare: 0.5), indicatorCatalogue: SyntheticPopulation.catalogue)
        for index in 0..<1000 {
            let text = generator.dossier(at: index).xml
            let whole = NSRange(text.startIndex..., in: text)
            for (name, expression) in expressions {
                if let match = expression.firstMatch(in: text, range: whole), let range = Range(match.range, in: text) {
                    XCTFail("dossier \(index): \(name) '\(text[range])'")
                }
            }
            // Full dates occur only as dossier and source dates: none lies far enough back to be a birth date.
            let years = iso.matches(in: text, range: whole).compactMap { Range($0.range(at: 1), in: text).flatMap { Int(text[$0]) } }
            if let latest = years.max(), let earliest = years.min() {
                XCTAssertLessThanOrEqual(latest - earliest, 6, "dossier \(index): dates span \(earliest)–\(latest)")
            }
        }
    }

    /// The scan itself works: it finds identifiers planted in an otherwise generated dossier.
    func testTheScanFindsPlantedIdentifiers() throws {
        let planted = ["mail: iemand@voorbeeld.nl", "BSN 123456782", "woont op 1234 AB 12", "tel. 06-12345678", "geboren op 3-4-1980", "dhr. Jansen"]
        for sample in planted {
            let found = try Self.identifiers.contains { try NSRegularExpression(pattern: $0.pattern).firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil }
            XCTAssertTrue(found, sample)
        }
    }
}
