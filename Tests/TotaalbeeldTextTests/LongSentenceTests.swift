@testable import TotaalbeeldText
import TotaalbeeldLoader
import TotaalbeeldModel
import XCTest

/// A run-on sentence with thousands of hits: context is applied in time that grows with the number of
/// hits, not with its cube, and a sentence longer than the ruleset's limit is read in pieces.
final class LongSentenceTests: XCTestCase {
    private static let ruleset: Ruleset = try! TestPaths.loadDefaultRuleset()

    private func runOn(_ repeats: Int) -> String { "Hij heeft" + String(repeating: ", geen schulden", count: repeats) + "." }

    func testARunOnSentenceIsCutAtCommasAndEveryNegationStillHolds() {
        let analysis = NarrativeAnalyzer(ruleset: Self.ruleset).analysis(of: runOn(2340))
        let debts = analysis.hits.filter { $0.indicator == "schulden" }
        XCTAssertEqual(debts.count, 2340)
        XCTAssertTrue(debts.allSatisfy(\.negated), "each 'geen' still negates its own 'schulden'")
        XCTAssertEqual(analysis.cutSentences.count, 1)
        let cut = try! XCTUnwrap(analysis.cutSentences.first)
        XCTAssertEqual(cut.words, 2 + 2 * 2340)
        XCTAssertEqual(cut.pieces, (cut.words + 79) / 80, "pieces of 80 words: every 80th word is followed by a comma here")
        // No piece is longer than the limit, and every piece ends at a comma or the sentence end.
        XCTAssertTrue(Set(debts.map(\.sentence)).allSatisfy { $0.split(separator: " ").count <= 80 })
    }

    func testASentenceWithinTheLimitIsReadWhole() {
        let analysis = NarrativeAnalyzer(ruleset: Self.ruleset).analysis(of: runOn(30))
        XCTAssertTrue(analysis.cutSentences.isEmpty)
        XCTAssertEqual(Set(analysis.hits.map(\.sentence)).count, 1)
    }

    /// Counted work, not time: with cutting switched off, eight times the hits is about eight times the
    /// context checks (it was 512 times before the scopes were indexed).
    func testContextWorkGrowsLinearlyWithHitsEvenWithoutCutting() {
        var uncut = Self.ruleset
        uncut.context.maxSentenceWords = 1_000_000
        let analyzer = NarrativeAnalyzer(ruleset: uncut)
        func checks(_ repeats: Int) -> Int {
            var statistics = PhraseMatcher.MatchStatistics()
            let hits = analyzer.analyze(runOn(repeats), statistics: &statistics)
            XCTAssertTrue(hits.filter { $0.indicator == "schulden" }.allSatisfy(\.negated))
            return statistics.contextChecks
        }
        let small = checks(1000), large = checks(8000)
        XCTAssertGreaterThan(small, 0)
        XCTAssertLessThanOrEqual(Double(large), 8.5 * Double(small), "context checks: \(small) for 1,000 hits, \(large) for 8,000")
    }

    /// The indexed scopes give exactly what the ConText definition gives when every trigger is checked
    /// against every hit, on many random sentences built from the default ruleset's own phrases —
    /// including clause-final triggers, presuppositions and the claim layer.
    func testIndexedScopesAgreeWithTheDefinitionOnRandomSentences() throws {
        let context = Self.ruleset.context
        let scopes = ContextScopes(context)
        let vocabulary = ["geen", "niet", "schulden", "drinkt", "vroeger", "maar", "als", "zijn moeder", "heeft", "angst",
                          "niet alleen", "weinig werkervaring", "werkervaring", ",", ";", "nooit", "meer", "is uitgesloten",
                          "in het verleden", "vreest", "hij", "en", "geen sprake van", "faalangst", "mantelzorg", "vader",
                          // issue 13: uncertain, resolved and claim triggers, clause-final negation, presuppositions
                          "vermoedelijk", "is opgelost", "afgelost", "zegt hij", "cliënt geeft aan", "ik", "mijn", "gokt", "blowt", ".",
                          "de", "zijn", "nee", "n.v.t.", "naar eigen zeggen", "inmiddels", "niet uitgesloten", "lijkt", "volgens", "gehad",
                          // 1.14.0: speaker labels (scope "sentence", afterSpeaker), premodified and possessed relatives
                          "zijn broer :", "partner : '", "depressieve vader", "van zijn broer", "bij zijn vrouw is",
                          // 1.15.0: settlements of a past problem across clauses (settlesPast), ended historical scopes
                          "destijds", "sinds maart weer", "; sinds", "tot op heden", "uitgesloten", "overgenomen door"]
        var generator = SplitMix64(seed: 20261203)
        let terms = NarrativeAnalyzer(ruleset: Self.ruleset).termMatcher
        var compared = 0
        for _ in 0..<400 {
            let words = (0..<Int.random(in: 5...60, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            let tokens = Tokenizer.tokenize(words.joined(separator: " "))
            var statistics = PhraseMatcher.MatchStatistics()
            let hits = terms.matches(in: tokens, range: tokens.indices, statistics: &statistics)
            let cues = scopes.cues(in: tokens, sentence: tokens.indices, statistics: &statistics)
            let indexed = ContextScopes.SentenceHits(hits)
            let reference = ReferenceScopes(scopes: scopes, tokens: tokens)
            for hit in hits {
                let fast = scopes.triggers(for: hit, among: indexed, in: cues, tokens: tokens, statistics: &statistics)
                XCTAssertEqual(fast, reference.triggers(for: hit, among: hits, tokens: tokens, given: scopes.givenBefore), "in: \(words.joined(separator: " "))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }
}

/// ConText by its definition: every trigger checked against every hit, with linear scans for
/// terminators and intervening negations (the implementation before indexing, kept as the oracle).
private struct ReferenceScopes {
    var triggers: [(cue: PhraseMatcher.Match, rule: ContextTrigger)] = []
    var terminators: [(cue: PhraseMatcher.Match, rule: Terminator)] = []
    var wordsBefore: [Int] = [0]
    let defaultMaxScope: Int

    init(scopes: ContextScopes, tokens: [Token]) {
        defaultMaxScope = scopes.defaultMaxScope
        var statistics = PhraseMatcher.MatchStatistics()
        var candidates: [(cue: PhraseMatcher.Match, rule: ContextTrigger)] = []
        var pseudos: [(cue: PhraseMatcher.Match, rule: PseudoTrigger)] = []
        for match in scopes.matcher.matches(in: tokens, range: tokens.indices, statistics: &statistics) {
            switch scopes.rules[match.pattern] {
            case .trigger(let rule): candidates.append((match, rule))
            case .pseudo(let rule): pseudos.append((match, rule))
            case .terminator(let rule): terminators.append((match, rule))
            }
        }
        func length(_ m: PhraseMatcher.Match) -> Int { m.last - m.first + 1 - m.skipped.count }
        let terminatorsFound = terminators
        func endsClause(_ cue: PhraseMatcher.Match, _ category: ContextCategory) -> Bool {
            cue.last + 1 >= tokens.count || tokens[cue.last + 1].kind == .punctuation
                || terminatorsFound.contains { $0.rule.categories.contains(category) && $0.cue.first == cue.last + 1 }
        }
        // Where a trigger stands allows it (clause-final at a clause end, afterSpeaker after a label); since 1.22.0 only
        // a trigger so placed can win over the shorter ones inside it.
        func placed(_ trigger: (cue: PhraseMatcher.Match, rule: ContextTrigger)) -> Bool {
            (!trigger.rule.clauseFinal || endsClause(trigger.cue, trigger.rule.category))
                && (!trigger.rule.afterSpeaker || pseudos.contains { $0.rule.restOfSentence && $0.cue.last < trigger.cue.first })
        }
        triggers = candidates.filter { trigger in
            placed(trigger)
                && !pseudos.contains { $0.rule.category == trigger.rule.category && ContextScopes.owns($0.cue, allOf: trigger.cue) }
                && !pseudos.contains { floor in
                    floor.rule.restOfSentence && floor.rule.category == trigger.rule.category && floor.cue.last < trigger.cue.first
                        && (floor.rule.voids.map { $0 == trigger.rule.phrase } ?? true)
                }
                && !candidates.contains { other in
                    (other.rule.category == .claim) == (trigger.rule.category == .claim)
                        && placed(other)
                        && ContextScopes.owns(other.cue, allOf: trigger.cue)
                        && (length(other.cue) > length(trigger.cue)
                            || length(other.cue) == length(trigger.cue) && other.rule.category == trigger.rule.category
                                && other.rule.direction == trigger.rule.direction && other.rule.settlesPast == trigger.rule.settlesPast
                                && other.cue.pattern < trigger.cue.pattern)
                }
        }
        for token in tokens { wordsBefore.append(wordsBefore[wordsBefore.count - 1] + (token.isWord ? 1 : 0)) }
    }

    func words(between left: Int, and right: Int) -> Int { left + 1 < right ? wordsBefore[right] - wordsBefore[left + 1] : 0 }

    func triggers(for hit: PhraseMatcher.Match, among hits: [PhraseMatcher.Match], tokens: [Token], given: [ContextCategory: Set<String>]) -> [AppliedTrigger] {
        var applied: [AppliedTrigger] = []
        for (cue, rule) in triggers {
            let category = rule.category
            let reaches: Bool
            if hit.first > 0, given[category]?.contains(tokens[hit.first - 1].key) == true, cue.last < hit.first - 1 || cue.first > hit.last {
                reaches = false
            } else if category != .claim && ContextScopes.shareWords(cue, hit) || category == .negation && hits.contains(where: { ContextScopes.owns($0, allOf: cue) })
                        && !(cue.last < hit.first && hits.contains(where: { ContextScopes.owns($0, allOf: cue) && $0.owns(hit.first) }))
                        && !(hit.first < cue.first && cue.last < hit.last
                             && hits.contains(where: { ContextScopes.owns($0, allOf: cue) && ContextScopes.shareWords($0, hit) })) {
                reaches = false
            } else if category == .claim && ContextScopes.shareWords(cue, hit) {
                reaches = true
            } else if cue.first > hit.first && cue.last < hit.last || hit.first > cue.first && hit.last < cue.last {
                reaches = true
            } else if cue.last < hit.first {
                reaches = rule.direction != .backward && words(between: cue.last, and: hit.first) < (rule.maxScope ?? defaultMaxScope)
                    && (rule.settlesPast || !terminators.contains { $0.rule.categories.contains(category) && $0.cue.first > cue.last && $0.cue.last < hit.first })
                    && !(category == .negation && triggers.contains { $0.rule.category == category && $0.cue.first > cue.last && $0.cue.first <= hit.last })
            } else if cue.first > hit.last {
                reaches = rule.direction != .forward && words(between: hit.last, and: cue.first) < (rule.maxScope ?? defaultMaxScope)
                    && (rule.settlesPast || !terminators.contains { $0.rule.categories.contains(category) && $0.cue.first > hit.last && $0.cue.last < cue.first })
                    && !(category == .negation && triggers.contains { $0.rule.category == category && $0.cue.last < cue.first && $0.cue.last >= hit.first })
            } else {
                reaches = false
            }
            if reaches {
                var trigger = AppliedTrigger(category: category, phrase: rule.phrase, start: tokens[cue.first].start, end: tokens[cue.last].end)
                trigger.settlesPast = rule.settlesPast
                applied.append(trigger)
            }
        }
        return applied.sorted { ($0.start, $0.category.rawValue, $0.end, $0.phrase) < ($1.start, $1.category.rawValue, $1.end, $1.phrase) }
    }
}

/// A small seeded generator, so the random sentences are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
