import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

/// Runs the default ruleset's analyzer over the hand-annotated corpus and checks the scores.
///
/// Prints precision, recall and F1 for indicator detection and for each ConText property, overall
/// and per split (tuning / held-out), and detection per indicator. Set `CORPUS_ERRORS=tuning`
/// (or `heldout`, `all`) to also print every disagreement of that split. The held-out split is
/// for reporting only: rules and terms are tuned on the tuning split.
final class CorpusEvaluationTests: XCTestCase {
    /// Thresholds on the whole corpus (the targets).
    static let minimumF1: [(what: String, value: Double)] = [
        ("detection", 0.90), ("negated", 0.92), ("experiencer", 0.95), ("historical", 0.75), ("hypothetical", 0.75),
    ]

    func testCorpusScoresMeetTheTargets() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        let analyzer = NarrativeAnalyzer(ruleset: ruleset)
        let corpus = try TestPaths.loadCorpus()
        XCTAssertGreaterThanOrEqual(corpus.count, 300, "the corpus should hold at least 300 sentences")
        let heldOut = corpus.filter { $0.split == .heldout }.count
        XCTAssertGreaterThanOrEqual(Double(heldOut), 0.25 * Double(corpus.count), "at least a quarter of the corpus is held out")
        XCTAssertEqual(Set(corpus.map(\.id)).count, corpus.count, "sentence ids are unique")

        var overall = Evaluation()
        var bySplit: [CorpusSentence.Split: Evaluation] = [:]
        var byOrigin: [String: Evaluation] = [:]
        // Signals (rule inputs without weight) are not annotated in the corpus; the analyzer still
        // finds them, as in the engine, but they are left out of the scores.
        let signals = Set(ruleset.indicators.filter { $0.role == .signal }.map(\.id))
        for sentence in corpus {
            let predicted = analyzer.analyze(sentence.text).filter { !signals.contains($0.indicator) }
            overall.score(sentence, predicted: predicted)
            bySplit[sentence.split, default: Evaluation()].score(sentence, predicted: predicted)
            byOrigin[sentence.originGroup, default: Evaluation()].score(sentence, predicted: predicted)
        }
        XCTAssertFalse(overall.errors.contains { $0.contains("not in sentence") }, "every gold text occurs in its sentence")

        print(report(overall: overall, bySplit: bySplit, byOrigin: byOrigin, terms: analyzer.termCount))
        if let wanted = ProcessInfo.processInfo.environment["CORPUS_ERRORS"] {
            let evaluations = wanted == "all" ? [overall] : CorpusSentence.Split(rawValue: wanted).flatMap { bySplit[$0] }.map { [$0] } ?? []
            for error in evaluations.flatMap(\.errors) { print(error) }
        }

        let scores: [String: Double] = [
            "detection": overall.detection.f1,
            "negated": overall.property(.negated).f1,
            "experiencer": overall.property(.experiencer).f1,
            "historical": overall.property(.historical).f1,
            "hypothetical": overall.property(.hypothetical).f1,
        ]
        for (what, minimum) in Self.minimumF1 {
            XCTAssertGreaterThanOrEqual(scores[what] ?? 0, minimum, "\(what) F1 on the whole corpus")
        }
    }

    private func report(overall: Evaluation, bySplit: [CorpusSentence.Split: Evaluation], byOrigin: [String: Evaluation], terms: Int) -> String {
        var lines = ["", "Narrative corpus evaluation (\(overall.sentences) sentences, \(terms) terms)", ""]
        let header = "".padded(32) + "precision  recall     F1     tp   fp   fn"
        let parts: [(String, Evaluation)] = [("overall", overall)]
            + CorpusSentence.Split.allCases.compactMap { split in bySplit[split].map { ("\(split.rawValue) (\($0.sentences))", $0) } }
            + byOrigin.sorted { $0.key < $1.key }.map { ("origin \($0.key) (\($0.value.sentences))", $0.value) }
        for (name, evaluation) in parts {
            lines.append("== \(name)")
            lines.append(header)
            lines.append("  " + "detection".padded(30) + evaluation.detection.description)
            for property in Property.allCases {
                lines.append("  " + property.rawValue.padded(30) + evaluation.property(property).description)
            }
            lines.append("")
        }
        lines.append("== detection per indicator (overall)")
        lines.append(header)
        for (indicator, confusion) in overall.perIndicator.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + indicator.padded(30) + confusion.description)
        }
        return lines.joined(separator: "\n")
    }
}

/// Every sentence of the shipped dossiers' narratives must be in the corpus, so the evaluation
/// covers the text the engine actually reads. A new dossier needs its sentences annotated.
final class CorpusCoverageTests: XCTestCase {
    func testEveryCaseNarrativeSentenceIsAnnotated() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        let schemas = try SchemaSet(directory: TestPaths.root + "/Rulesets/schema")
        let analyzer = NarrativeAnalyzer(ruleset: ruleset)
        func normalised(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let annotated = Set(try TestPaths.loadCorpus().map { normalised($0.text) })

        let cases = URL(fileURLWithPath: TestPaths.root + "/Cases").resolvingSymlinksInPath().path
        let files = (FileManager.default.enumerator(atPath: cases)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".dossier.xml") }.sorted()
        XCTAssertFalse(files.isEmpty, "no dossiers under \(cases)")
        var missing: [String] = []
        for file in files {
            let dossier = try DossierLoader.load(contentsOf: cases + "/" + file, ruleset: ruleset, schemas: schemas)
            for narrative in dossier.narratives {
                for sentence in analyzer.sentences(in: narrative.text) where !annotated.contains(normalised(sentence)) {
                    missing.append("\(file)#\(narrative.id): \(sentence)")
                }
            }
        }
        XCTAssertTrue(missing.isEmpty, "narrative sentences not in the corpus:\n" + missing.joined(separator: "\n"))
    }
}
