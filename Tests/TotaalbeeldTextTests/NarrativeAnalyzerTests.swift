import Foundation
import TotaalbeeldModel
import TotaalbeeldText
import XCTest

final class NarrativeAnalyzerTests: XCTestCase {
    func testOverlapsOfOneIndicatorBecomeTheLongestHit() {
        let analyzer = NarrativeAnalyzer(terms: ["werkervaring": ["jarenlang gewerkt", "gewerkt als"]])
        let hits = analyzer.analyze("Hij heeft jarenlang gewerkt als chauffeur.")
        XCTAssertEqual(hits.map(\.matchedText), ["jarenlang gewerkt"])
    }

    func testAHitStrictlyInsideAnotherIndicatorsHitIsDropped() {
        let analyzer = NarrativeAnalyzer(terms: ["faalangst": ["angst om te falen"], "angst": ["angst"], "kort": ["tijdelijk contract"], "faal": ["contract niet verlengd"]])
        XCTAssertEqual(analyzer.analyze("Zijn angst om te falen is groot.").map(\.indicator), ["faalangst"])
        // Partial overlap: both readings stay.
        XCTAssertEqual(analyzer.analyze("Tijdelijk contract niet verlengd.").map(\.indicator), ["kort", "faal"])
    }

    func testSignalsFormASeparateLayer() {
        let indicators = [(id: "prikkels", terms: ["niet tegen drukte"]), (id: "geclaimd", terms: ["kan niet tegen drukte"])]
        let layered = NarrativeAnalyzer(indicators: indicators, context: .empty, separateLayer: ["geclaimd"])
        XCTAssertEqual(layered.analyze("Hij kan niet tegen drukte.").map(\.indicator), ["geclaimd", "prikkels"])
        let flat = NarrativeAnalyzer(indicators: indicators, context: .empty)
        XCTAssertEqual(flat.analyze("Hij kan niet tegen drukte.").map(\.indicator), ["geclaimd"])
    }

    func testAWordInTheGapOfASplitTermIsNotContained() {
        let analyzer = NarrativeAnalyzer(terms: ["huisvesting": ["woont … in bij"], "scheiding": ["scheiding"]], context: ContextRules.empty)
        XCTAssertEqual(analyzer.analyze("Hij woont sinds zijn scheiding in bij zijn zus.").map(\.indicator), ["huisvesting", "scheiding"])
    }

    func testHitsCarryOffsetsSentenceAndTerm() throws {
        let text = "Eerste zin. Cliënt 👍 heeft schulden."
        let hit = try XCTUnwrap(NarrativeAnalyzer(terms: ["schulden": ["schuld*"]]).analyze(text).first)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[hit.start..<hit.end])), "schulden")
        XCTAssertEqual(hit.matchedText, "schulden")
        XCTAssertEqual(hit.sentence, "Cliënt 👍 heeft schulden.")
        XCTAssertEqual(hit.sentenceStart, 12)
        XCTAssertEqual(hit.term, "schuld*")
    }

    func testSortedByStartThenIndicator() {
        let analyzer = NarrativeAnalyzer(terms: ["b": ["schulden"], "a": ["schulden"], "c": ["angst"]])
        XCTAssertEqual(analyzer.analyze("Angst en schulden.").map(\.indicator), ["c", "a", "b"])
    }

    /// The default ruleset on the issue's own examples.
    func testDefaultRulesetOnTheIssueExamples() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        func only(_ text: String, _ indicator: String) throws -> TextHit {
            try XCTUnwrap(analyzer.analyze(text).first { $0.indicator == indicator }, "\(indicator) in '\(text)'")
        }
        let woont = try only("Cliënt woont in bij zijn ouders.", "huisvesting")
        XCTAssertEqual(woont.experiencer, .client)
        XCTAssertTrue(try only("Hij heeft geen schulden.", "schulden").negated)
        XCTAssertTrue(try only("In het verleden was er sprake van verslavingsproblematiek.", "verslaving").historical)
        XCTAssertEqual(try only("Zijn vader is een succesvol zakenman.", "hoge-verwachtingen").experiencer, .other)
        XCTAssertTrue(try only("Hij vreest dat hij weer gaat drinken.", "terugvalrisico").hypothetical)
        let dronk = try only("Vroeger dronk hij, nu niet meer.", "verslaving")
        XCTAssertTrue(dronk.historical)
        XCTAssertFalse(dronk.negated)
        XCTAssertFalse(try only("Hij heeft niet alleen schulden, maar ook een drankprobleem.", "schulden").negated)
        let moeder = try only("Zijn moeder heeft schulden.", "schulden")
        XCTAssertEqual(moeder.experiencer, .other)
        XCTAssertFalse(try only("Cliënt heeft weinig werkervaring.", "weinig-werkervaring").negated)
    }

    func testDeterministicAndSafeToShareAcrossThreads() throws {
        let analyzer = NarrativeAnalyzer(ruleset: try TestPaths.loadDefaultRuleset())
        let texts = try TestPaths.loadCorpus().prefix(200).map(\.text)
        let expected = texts.map { analyzer.analyze($0) }
        let results = ResultBox(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            results.set(index, analyzer.analyze(texts[index]))
        }
        XCTAssertEqual(results.values, expected)
        XCTAssertEqual(texts.map { analyzer.analyze($0) }, expected)
    }

    func testMatchersAreCompiledOncePerAnalyzer() throws {
        let ruleset = try TestPaths.loadDefaultRuleset()
        let before = CompilationCounter.value
        let analyzer = NarrativeAnalyzer(ruleset: ruleset)
        for _ in 0..<50 { _ = analyzer.analyze("Hij heeft geen schulden, maar zijn moeder wel.") }
        XCTAssertEqual(CompilationCounter.value - before, 1)
        XCTAssertEqual(analyzer.termCount, ruleset.indicators.reduce(0) { $0 + $1.terms.count })
    }
}

/// Collects per-index results from concurrent work.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[TextHit]]
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [TextHit]) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }
    var values: [[TextHit]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
