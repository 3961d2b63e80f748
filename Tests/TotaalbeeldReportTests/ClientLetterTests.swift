import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// Language level B1 by measure (seed 003: "schrijf in korte zinnen (maximaal 15 woorden per zin), gebruik
/// bekende en concrete woorden"), for the letter of every shipped case:
/// - average sentence length at most 15 words, and no sentence over 20;
/// - at most 10 % long words (four syllables or more, counted as vowel groups — Dutch "werkervaring" has four);
/// - none of the jargon of `Rulesets/plain-nl.xml` (word beginnings, so "traject" also finds "trajecten");
/// - no figures: no scores, levels or line numbers.
struct B1Measure: CustomStringConvertible {
    static let maximumAverageSentence = 15.0
    static let maximumSentence = 20
    static let maximumLongWordShare = 0.10

    var sentences: [[String]]
    var longWords: [String]
    var jargon: [String]
    var figures: [String]

    var words: Int { sentences.reduce(0) { $0 + $1.count } }
    var averageSentence: Double { sentences.isEmpty ? 0 : Double(words) / Double(sentences.count) }
    var longestSentence: Int { sentences.map(\.count).max() ?? 0 }
    var longWordShare: Double { words == 0 ? 0 : Double(longWords.count) / Double(words) }

    var passes: Bool {
        averageSentence <= Self.maximumAverageSentence && longestSentence <= Self.maximumSentence
            && longWordShare <= Self.maximumLongWordShare && jargon.isEmpty && figures.isEmpty
    }

    var description: String {
        String(format: "%d sentences, %d words, average %.1f, longest %d, long words %.1f %% (%@), jargon %@, figures %@",
               sentences.count, words, averageSentence, longestSentence, longWordShare * 100,
               longWords.joined(separator: " "), jargon.isEmpty ? "none" : jargon.joined(separator: ", "), figures.isEmpty ? "none" : figures.joined(separator: ", "))
    }

    /// Measures the letter's plain text. A sentence ends at . ! ? or :, and every line (a heading, a list
    /// item, the greeting) is a sentence of its own.
    init(_ text: String, plain: PlainLanguage) {
        var sentences: [[String]] = []
        for line in text.split(separator: "\n") {
            // Plain-text headings are underlined; the rule itself is no sentence.
            guard line.contains(where: \.isLetter) else { continue }
            var current: [String] = []
            var word = ""
            func endWord() {
                if word.contains(where: \.isLetter) || word.contains(where: \.isNumber) { current.append(word) }
                word = ""
            }
            for character in line {
                if character.isLetter || character.isNumber || character == "-" || character == "'" {
                    word.append(character)
                } else {
                    endWord()
                    if ".!?:".contains(character), !current.isEmpty {
                        sentences.append(current)
                        current = []
                    }
                }
            }
            endWord()
            if !current.isEmpty { sentences.append(current) }
        }
        self.sentences = sentences
        longWords = sentences.joined().filter { Self.syllables($0) >= 4 }
        jargon = plain.jargon(in: text)
        figures = sentences.joined().filter { $0.contains(where: \.isNumber) }
    }

    /// Syllables of a Dutch word, counted as groups of vowels (ij counts as a vowel; ë, ï start a new one).
    static func syllables(_ word: String) -> Int {
        var count = 0
        var inVowels = false
        let characters = Array(word.lowercased())
        for (index, character) in characters.enumerated() {
            let vowel = "aeiouyáéíóúàèâêîôûäöü".contains(character) || (character == "j" && index > 0 && characters[index - 1] == "i")
            let breaks = "ëï".contains(character)
            if breaks || (vowel && !inVowels) { count += 1 }
            inVowels = vowel || breaks
        }
        return max(count, 1)
    }
}

final class ClientLetterTests: XCTestCase {
    func testTheLetterOfEveryShippedCaseIsB1() throws {
        var lines: [String] = []
        for file in Fixtures.caseFiles {
            let result = try ReportFixtures.screen(file)
            let letter = ClientLetter(language: .nl, plain: ReportFixtures.plain).document(for: result)
            let text = PlainTextRenderer().render(letter)
            let measure = B1Measure(text, plain: ReportFixtures.plain)
            XCTAssertTrue(measure.passes, "\(file): \(measure)\n\(text)")
            // The running sentences alone (no headings, no list items) must meet the same bar.
            let prose = letter.blocks.compactMap { block -> String? in
                if case .paragraph(let runs) = block { return runs.map(\.text).joined() }
                return nil
            }.joined(separator: "\n")
            let proseMeasure = B1Measure(prose, plain: ReportFixtures.plain)
            XCTAssertTrue(proseMeasure.passes, "\(file) prose: \(proseMeasure)")
            lines.append("\(ReportFixtures.name(file)): whole letter \(measure); running sentences only: average \(String(format: "%.1f", proseMeasure.averageSentence)), longest \(proseMeasure.longestSentence)")
        }
        // The figures per case, for the record (README and the issue's report).
        print("B1 per shipped case:\n" + lines.joined(separator: "\n"))
    }

    func testTheLetterSaysWhatWasLookedAtWhatGoesWellWhatIsUnclearAndWhatHappensNext() throws {
        let result = try ReportFixtures.screen("Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml")
        let text = PlainTextRenderer().render(ClientLetter(language: .nl, plain: ReportFixtures.plain).document(for: result))
        for heading in ["Wat ik heb bekeken", "Wat goed gaat", "Wat nog niet duidelijk is", "Wat er nu gebeurt"] {
            XCTAssertTrue(text.contains(heading), heading)
        }
        XCTAssertTrue(text.contains("uw gezondheid"))
        XCTAssertTrue(text.contains("hoe u woont en hoe het thuis gaat"), "a missing theme is something to discuss together")
        XCTAssertTrue(text.contains("Eerst kijkt een andere deskundige met u mee"), "refer-first, without naming the referral")
        // Nothing of the reasoning about the client: no flag message, no indicator label, no level.
        for flag in result.flags { XCTAssertFalse(text.contains(flag.message[.nl]), flag.rule) }
        for level in result.ruleset.scoring.levels where level.id != "geen" { XCTAssertFalse(text.contains(" \(level.label[.nl])"), level.id) }
    }

    func testAReadyCaseSaysTheAdviceIsDiscussedFirst() throws {
        let result = try ReportFixtures.screen("Cases/eenvoudig/wia-chauffeur-planner.dossier.xml")
        let text = PlainTextRenderer().render(ClientLetter(language: .nl, plain: ReportFixtures.plain).document(for: result))
        XCTAssertTrue(text.contains("Ik schrijf nu mijn advies. Dat bespreek ik eerst met u."), text)
    }

    func testTheMeasureCatchesLongSentencesLongWordsAndJargon() {
        let text = "Op grond van de ondersteuningsbehoefte en de belastbaarheid adviseer ik een re-integratietraject met intensieve begeleiding en frequente evaluatiemomenten in de komende periode. Score 6."
        let measure = B1Measure(text, plain: ReportFixtures.plain)
        XCTAssertFalse(measure.passes)
        XCTAssertGreaterThan(measure.longestSentence, B1Measure.maximumSentence)
        XCTAssertTrue(measure.jargon.contains("ondersteuningsbehoefte") && measure.jargon.contains("re-integratie") && measure.jargon.contains("score"), "\(measure.jargon)")
        XCTAssertEqual(measure.figures, ["6"])
        XCTAssertEqual(B1Measure.syllables("werkervaring"), 4)
        XCTAssertEqual(B1Measure.syllables("gezondheid"), 3)
        XCTAssertEqual(B1Measure.syllables("ideeën"), 3)
    }

    func testThePlainWordsAreCheckedAgainstTheRuleset() throws {
        let directory = temporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("Rulesets/plain-nl.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"<domain id="ziekte">"#, with: #"<domain id="ziekt">"#)
        let path = directory.write("plain.xml", text)
        XCTAssertThrowsError(try PlainLanguageLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)) { error in
            let message = (error as? LoadError)?.problems.first?.description ?? ""
            XCTAssertTrue(message.contains("domain 'ziekt' is not in ruleset 'akc-2011'") && message.contains("did you mean 'ziekte'"), message)
        }
    }
}
