import Foundation
import TotaalbeeldModel

/// Finds a ruleset's indicators in Dutch prose and gives every hit its ConText properties:
/// negated, historical, hypothetical, uncertain, resolved, whose experience it is, and whether it is the
/// client's own claim or a finding.
///
/// Build one analyzer per ruleset and share it: construction compiles all terms into one
/// ``PhraseMatcher``, the sense words into another and all context rules into a third; ``analyze(_:)``
/// only reads them, so the analyzer is immutable and safe to use from many threads at once.
/// ```swift
/// let analyzer = NarrativeAnalyzer(ruleset: ruleset)
/// for hit in analyzer.analyze("Hij heeft geen schulden. Zijn vader is een succesvol zakenman.") {
///     print(hit.indicator, hit.matchedText, hit.negated, hit.experiencer)
/// }
/// // schulden schulden true client
/// // hoge-verwachtingen succesvol zakenman false other
/// ```
/// Without a ruleset, for tests and tools:
/// ```swift
/// let analyzer = NarrativeAnalyzer(terms: ["schulden": ["schuld*"]], context: .empty)
/// ```
///
/// **Words.** One-word terms also match their inflected forms and compounds whose head they are
/// (``WordForms``, ``TermReading``), unless the ruleset marks them `exact`; sense constraints keep a
/// term only in its sense ("drinkt" near alcohol words, never near coffee). Without a Dutch Hunspell
/// dictionary compounds are matched as written only, and ``morphologyWarning`` says so.
/// Multi-word terms also match with inflected content words and in another word order inside a clause
/// when the ruleset's context asks for it (``PhraseLoosening``).
///
/// **Typing errors.** Under the context's `typoDistance`, a word that matches no term word as written, is
/// no Dutch word (the Hunspell dictionary is asked about candidates only) and lies one edit from a term
/// word with the same first letter is read as that word (``TypoIndex``, ``TypoReader``): its token keeps
/// its place and surface text and takes the term word's key, so it takes part in one- and multi-word
/// terms as the word itself would, and the hit lists it in ``TextHit/spelling`` ("klachetn → klachten").
/// Not for `exact` terms, nor for unconstrained terms of `strict` indicators.
///
/// **Overlapping matches: one span, one reading.** Matches of one indicator that overlap become one
/// hit, the longest. Matches of different indicators are all kept, except that a match strictly inside
/// a longer match of another indicator is dropped: the longer phrase is the more specific reading
/// ("angst om te falen" is fear of failure, not anxiety). Partial overlaps and equal spans keep both,
/// since neither reading is evidently the better one and the engine can weigh both — except that a term
/// written for the words beats a match through a stem or compound head ("faalangst" is fear of failure,
/// not also "angst"), and unless the earlier
/// one holds a negation before the later one starts: in "geen diploma behaald" the "geen" belongs to
/// "geen diploma", so "diploma behaald" would be the contradicting reading of the same words and is
/// dropped. A word in the gap of a split term is not inside it: "woont sinds zijn scheiding in bij"
/// keeps both "woont … in bij" and "scheiding". Signals (rule inputs without weight) form a layer of
/// their own: a signal hit never hides an indicator hit, nor the other way round. An indicator the
/// ruleset declares narrower than another (`narrows`: eviction is an acute crisis) hides the broader
/// one's hit on any of the same words, in either layer: the words count once, as the specific reading.
/// A loose match of a multi-word term (through inflected words or in another word order,
/// ``PhraseLoosening``), and a match through a misspelled word, yields to any other match on its words or
/// the words it passes over: it only adds readings.
///
/// **One mention, one hit.** Hits of one indicator with the same reading, at most two words apart and
/// no punctuation between, are one mention and become one hit ("werkte als" + "vakkenvuller").
///
/// **Readings that exclude each other.** A hit both hypothetical and uncertain is hypothetical (the
/// condition or the future dominates: "als er mogelijk schulden zijn"); a hit both resolved and
/// historical is resolved ("vroeger schulden, inmiddels afgelost"); a hit of an indicator that is not
/// `resolvable` (addiction) is historical instead of resolved; a strength is never resolved. A term marked
/// `past` ("al drie jaar clean") makes its hit historical by its own words; an indicator `pastByNature`
/// (a job held, a diploma) is never historical: a date places such a finding, it does not make it over; an
/// indicator `clientByNature` (his network, his relationship) is never someone else's: the relative named with
/// it is what it is about.
public final class NarrativeAnalyzer: Sendable {
    /// All indicator terms, compiled once.
    public let termMatcher: PhraseMatcher
    /// Indicator id per term pattern of ``termMatcher``.
    private let indicatorOfPattern: [String]
    /// Indicators resolved apart from the rest (the ruleset's signals).
    private let separateLayer: Set<String>
    /// Indicators whose hits are never resolved: read as historical instead.
    private let unresolvable: Set<String>
    /// Indicators to which resolution does not apply (strengths: nothing to solve).
    private let withoutResolution: Set<String>
    /// Indicators about the past by their nature: never read as historical.
    private let pastByNature: Set<String>
    /// Indicators that are the client's by their nature: never read as someone else's.
    private let clientByNature: Set<String>
    /// Per term pattern: whether the term's own words say the finding is over.
    private let pastTerms: [Bool]
    private let settledTerms: [Bool]
    private let affirmedOnlyTerms: [Bool]
    /// Per indicator, the broader indicators it is a kind of (transitively).
    private let broader: [String: Set<String>]
    private let context: ContextScopes
    let reading: TermReading
    private let loosening: PhraseLoosening
    private let maxSentenceWords: Int
    /// The ruleset's bare answers by word ("ja" → yes, "nee" → no), read at the start of the sentence after a question.
    private let answerReadings: [String: ContextRules.Answer.Reading]
    /// The context's short forms ("clt", "wg") by key, and the key of the word each stands for.
    private let abbreviationTable: KeyTable
    private let abbreviationMeanings: [String]
    /// Reads typing errors as term words (the context's `typoDistance`); `nil` when off.
    private let typos: TypoReader?
    /// Per term pattern: whether a match through a misspelled word counts (not `exact`, and for a
    /// `precision="high"` indicator only with a sense constraint).
    private let typoTolerant: [Bool]

    public convenience init(ruleset: Ruleset, wordForms: WordForms? = .shared) {
        self.init(
            indicators: ruleset.indicators.map { (id: $0.id, rules: $0.termRules) }, senses: ruleset.senses, context: ruleset.context,
            separateLayer: Set(ruleset.indicators.filter { $0.role == .signal }.map(\.id)),
            unresolvable: Set(ruleset.indicators.filter { !$0.resolvable }.map(\.id)),
            withoutResolution: Set(ruleset.indicators.filter { $0.polarity == .strength }.map(\.id)),
            broader: ruleset.broaderIndicatorsByID,
            strict: Set(ruleset.indicators.filter { $0.precision == .high }.map(\.id)),
            pastByNature: Set(ruleset.indicators.filter(\.pastByNature).map(\.id)),
            clientByNature: Set(ruleset.indicators.filter(\.clientByNature).map(\.id)),
            wordForms: wordForms
        )
    }

    /// An analyzer for bare term lists, in order: indicator id → its terms in ruleset notation.
    public convenience init(terms: KeyValuePairs<String, [String]>, context: ContextRules = .empty, wordForms: WordForms? = .shared) {
        self.init(indicators: terms.map { ($0.key, $0.value) }, context: context, wordForms: wordForms)
    }

    /// Compiles `indicators`' terms (ruleset notation, see ``PhrasePattern``) and `context`'s rules.
    /// Hits of the indicators in `separateLayer` neither hide nor are hidden by overlapping hits of
    /// the others.
    public convenience init(indicators: [(id: String, terms: [String])], context: ContextRules, separateLayer: Set<String> = [], wordForms: WordForms? = .shared) {
        self.init(
            indicators: indicators.map { (id: $0.id, rules: $0.terms.map { TermRule(text: $0) }) }, senses: [], context: context,
            separateLayer: separateLayer, wordForms: wordForms
        )
    }

    /// Compiles terms with their matching options and sense constraints (see ``TermRule``). The terms of
    /// `strict` indicators (the ruleset's `precision="high"`) match inflected and in free order
    /// (``PhraseLoosening``) only when they carry a sense constraint.
    public init(
        indicators: [(id: String, rules: [TermRule])], senses: [SenseSet], context: ContextRules, separateLayer: Set<String> = [],
        unresolvable: Set<String> = [], withoutResolution: Set<String> = [], broader: [String: Set<String>] = [:],
        strict: Set<String> = [], pastByNature: Set<String> = [], clientByNature: Set<String> = [], wordForms: WordForms? = .shared
    ) {
        var patterns: [PhrasePattern] = []
        var rules: [TermRule] = []
        var owners: [String] = []
        for indicator in indicators {
            for rule in indicator.rules {
                patterns.append(PhrasePattern(rule.text))
                rules.append(rule)
                owners.append(indicator.id)
            }
        }
        let tolerant = rules.indices.map { !rules[$0].exact && (!strict.contains(owners[$0]) || rules[$0].isConstrained) }
        let loosening = PhraseLoosening(
            patterns: patterns, loose: tolerant,
            fixedOrder: rules.map(\.fixedOrder), context: context, stem: wordForms.map { forms in { PhraseLoosening.inflectionalStem(of: $0, snowball: forms.stem($0)) } }
        )
        self.loosening = loosening
        // The inflected variants of multi-word terms share the trie: the text is read once.
        termMatcher = PhraseMatcher(patterns: patterns + loosening.variants, termGap: context.termGap)
        termCount = patterns.count
        indicatorOfPattern = owners
        self.separateLayer = separateLayer
        self.unresolvable = unresolvable
        self.withoutResolution = withoutResolution
        self.pastByNature = pastByNature
        self.clientByNature = clientByNature
        pastTerms = rules.map(\.past)
        settledTerms = rules.map(\.settled)
        affirmedOnlyTerms = rules.map(\.affirmedOnly)
        self.broader = broader
        self.context = ContextScopes.compiled(context)
        let matcher = termMatcher
        self.reading = TermReading(
            patterns: patterns, rules: rules, senses: senses, termGap: context.termGap, wordForms: wordForms,
            stemIDs: { (matcher.stemID($0), loosening.stemID($0)) }
        )
        self.maxSentenceWords = context.maxSentenceWords
        var answerReadings: [String: ContextRules.Answer.Reading] = [:]
        for answer in context.answers {
            for word in answer.phrase.lowercased().split(separator: "|") where answerReadings[String(word)] == nil { answerReadings[String(word)] = answer.reading }
        }
        self.answerReadings = answerReadings
        var meanings: [String] = [], abbreviationIDs: [String: Int32] = [:]
        for abbreviation in context.abbreviations {
            guard let meaning = Tokenizer.tokenize(abbreviation.meaning).first(where: \.isWord)?.key else { continue }
            for form in abbreviation.forms.split(separator: "|") {
                guard let key = Tokenizer.tokenize(String(form)).first(where: \.isWord)?.key, abbreviationIDs[key] == nil else { continue }
                abbreviationIDs[key] = Int32(meanings.count)
                meanings.append(meaning)
            }
        }
        abbreviationTable = KeyTable(abbreviationIDs)
        abbreviationMeanings = meanings
        typoTolerant = tolerant
        if context.typoDistance > 0, let wordForms {
            var words = Set<String>(), prefixes = Set<String>()
            func collect(_ element: PhrasePattern.Element) {
                switch element {
                case .word(let word): words.insert(word)
                case .prefix(let prefix): prefixes.insert(prefix)
                case .choice(let alternatives): alternatives.forEach(collect)
                case .stem, .gap: break
                }
            }
            for (index, pattern) in patterns.enumerated() where tolerant[index] { pattern.elements.forEach(collect) }
            let index = TypoIndex(words: words, prefixes: prefixes, minimumLength: context.typoMinimumLength)
            typos = index.isEmpty ? nil : TypoReader(index: index, wordForms: wordForms)
        } else {
            typos = nil
        }
        CompilationCounter.increment()
    }

    /// Number of terms compiled into ``termMatcher`` (which also holds their inflected variants, after them).
    public let termCount: Int
    /// Number of context phrases (triggers, pseudo-triggers, terminators) compiled.
    public var contextPhraseCount: Int { context.matcher.patterns.count }
    /// Why inflections or compounds are not (fully) matched, when they are not; print it for the user.
    public var morphologyWarning: String? { reading.wordForms?.warning }

    /// Hits sorted by start, then indicator id. The same text always gives the same hits.
    public func analyze(_ text: String) -> [TextHit] {
        var statistics = PhraseMatcher.MatchStatistics()
        return analyze(text, statistics: &statistics)
    }

    /// ``analyze(_:)``, also counting the matching work done (for cost tests and the benchmark).
    public func analyze(_ text: String, statistics: inout PhraseMatcher.MatchStatistics) -> [TextHit] {
        analysis(of: text, statistics: &statistics).hits
    }

    /// The hits, and the sentences that were too long to read whole (see ``CutSentence``).
    /// `speaker`: who tells the text when it is not the client's own account (``speaker(role:clientGender:tellsOfHimself:)``); nil reads the
    /// first person as the client, as in his own words or a text of unknown source.
    public func analysis(of text: String, speaker: NarrativeSpeaker? = nil) -> NarrativeAnalysis {
        var statistics = PhraseMatcher.MatchStatistics()
        return analysis(of: text, speaker: speaker, statistics: &statistics)
    }

    /// The teller of a narrative from a source other than the client, with the source's role as written
    /// ("echtgenote", "moeder van cliënt", "bedrijfsarts"): the first person is the teller, and a role that one of
    /// the context's `speaker` rules names gives the words by which the teller names the client ("mijn man").
    /// `clientGender`: the client's recorded gender, if any; a rule bound to a gender holds for that gender or when
    /// none is recorded. `tellsOfHimself`: see ``NarrativeSpeaker/tellsOfHimself``.
    public func speaker(role: String?, clientGender: String? = nil, tellsOfHimself: Bool) -> NarrativeSpeaker {
        let roleWords = Set(Tokenizer.tokenize(role ?? "").filter(\.isWord).map(\.key))
        let gender = Tokenizer.tokenize(clientGender ?? "").first(where: \.isWord)?.key
        var clientWords: Set<String> = [], clientPossessives: Set<String> = []
        for rule in context.speakers where !rule.roles.isDisjoint(with: roleWords) {
            if let genders = rule.gender, let gender, !genders.contains(gender) { continue }
            clientWords.formUnion(rule.client)
            clientPossessives.formUnion(rule.possessives)
        }
        return NarrativeSpeaker(clientWords: clientWords, clientPossessives: clientPossessives, tellsOfHimself: tellsOfHimself)
    }

    public func analysis(of text: String, speaker: NarrativeSpeaker? = nil, statistics: inout PhraseMatcher.MatchStatistics) -> NarrativeAnalysis {
        let scalars = Array(text.unicodeScalars)
        var slicer: ScalarSlicer?
        var tokens = Tokenizer.tokenize(scalars)
        if abbreviationTable.count > 0 { readAbbreviations(&tokens) }
        var hits: [TextHit] = []
        var corrections: [Int: SpellingCorrection] = [:]
        var cut: [CutSentence] = []
        var pieces: [Sentence] = []
        // For a teller who names the client by kinship, the tokens the context phrases read (one copy per text, each
        // sentence brought up to date after its corrections: linear in the text).
        let renamesClient = context.namesTheClientByKinship(speaker)
        var phraseTokens: [Token] = []
        for whole in SentenceSplitter.split(scalars, tokens: tokens) {
            let parts = SentenceSplitter.pieces(of: whole, tokens: tokens, maxWords: maxSentenceWords)
            if parts.count > 1 {
                let words = whole.tokens.reduce(0) { $0 + (tokens[$1].isWord ? 1 : 0) }
                cut.append(CutSentence(start: whole.start, end: whole.end, words: words, pieces: parts.count))
            }
            pieces += parts
        }
        for (pieceIndex, sentence) in pieces.enumerated() {
            if let typos { correct(&tokens, in: sentence, scalars: scalars, typos: typos, into: &corrections) }
            let matches = candidateMatches(in: tokens, sentence: sentence, scalars: scalars, corrections: corrections, statistics: &statistics)
            var spans = resolve(matches)
            guard !spans.isEmpty else { continue }
            if renamesClient {
                if phraseTokens.isEmpty { phraseTokens = tokens }
                phraseTokens.replaceSubrange(sentence.tokens, with: tokens[sentence.tokens])
                context.nameTheClient(in: &phraseTokens, sentence: sentence.tokens, speaker: speaker)
            }
            let cues = context.cues(in: tokens, sentence: sentence.tokens, statistics: &statistics, speaker: speaker, phraseTokens: renamesClient ? phraseTokens : nil)
            spans = dropContradictingOverlaps(spans, cues: cues)
            if slicer == nil { slicer = ScalarSlicer(text) }
            let slicer = slicer!
            let sentenceText = slicer.string(sentence.start..<sentence.end)
            let sentenceHits = ContextScopes.SentenceHits(spans.map(\.match))
            let answer = answer(after: pieceIndex, in: pieces, tokens: tokens)
            var sentenceResults: [(span: Span, hit: TextHit)] = []
            for span in spans {
                var triggers = context.triggers(for: span.match, among: sentenceHits, in: cues, tokens: tokens, statistics: &statistics)
                let start = tokens[span.first].start, end = tokens[span.last].end
                // A term whose own words say the finding is over (`past`) or solved (`settled`) is its own cue, and the
                // report shows it as such.
                func cueByTerm(_ category: ContextCategory, _ flags: [Bool]) {
                    guard span.pattern < flags.count, flags[span.pattern], !triggers.contains(where: { $0.category == category }) else { return }
                    triggers.append(AppliedTrigger(category: category, phrase: termMatcher.patterns[span.pattern].source, start: start, end: end))
                    triggers.sort(by: AppliedTrigger.inTextOrder)
                }
                if pastByNature.contains(span.indicator) {
                    triggers.removeAll { $0.category == .historical }
                } else {
                    cueByTerm(.historical, pastTerms)
                }
                cueByTerm(.resolved, settledTerms)
                if clientByNature.contains(span.indicator) { triggers.removeAll { $0.category == .experiencer } }
                // A resolution told of a past problem settles nothing that is not read as past; where an ordinary
                // resolution already names the same words, it is not listed twice.
                if !triggers.contains(where: { $0.category == .historical }) {
                    triggers.removeAll { $0.settlesPast }
                } else {
                    let listed = triggers
                    triggers.removeAll { settling in
                        settling.settlesPast && listed.contains {
                            !$0.settlesPast && $0.category == settling.category && $0.start == settling.start && $0.end == settling.end
                        }
                    }
                }
                // "Heeft u schulden? Ja, …": the answer, not the question, gives the reading; "Nee" negates what was asked.
                if let answer, triggers.contains(where: \.question) {
                    triggers.removeAll(where: \.question)
                    if answer.reading == .no, !triggers.contains(where: { $0.category == .negation }) {
                        triggers.append(AppliedTrigger(category: .negation, phrase: answer.word, start: answer.start, end: answer.end))
                        triggers.sort(by: AppliedTrigger.inTextOrder)
                    }
                }
                func has(_ category: ContextCategory) -> Bool { triggers.contains { $0.category == category } }
                if has(.negation), span.pattern < affirmedOnlyTerms.count, affirmedOnlyTerms[span.pattern] { continue }
                let hypothetical = has(.hypothetical)
                var resolved = has(.resolved) && !withoutResolution.contains(span.indicator), historical = has(.historical)
                if resolved && unresolvable.contains(span.indicator) {
                    resolved = false
                    historical = true
                }
                if resolved { historical = false }
                var hit = TextHit(
                    indicator: span.indicator, start: start, end: end, matchedText: slicer.string(start..<end),
                    sentence: sentenceText, sentenceStart: sentence.start,
                    negated: has(.negation), historical: historical, hypothetical: hypothetical,
                    experiencer: has(.experiencer) ? .other : .client,
                    triggers: triggers, term: termMatcher.patterns[span.match.pattern].source
                )
                hit.uncertain = has(.uncertain) && !hypothetical
                hit.resolved = resolved
                hit.assertion = has(.claim) ? .claim : .finding
                if span.match.corrected {
                    hit.spelling = (span.first...span.last).compactMap { span.match.owns($0) ? corrections[$0] : nil }
                }
                sentenceResults.append((span, hit))
            }
            shareNegationWithTheVerb(&sentenceResults, tokens: tokens)
            hits += mergeRepeats(sentenceResults, tokens: tokens, slicer: slicer)
        }
        return NarrativeAnalysis(
            hits: hits.sorted { ($0.start, $0.indicator, $0.end) < ($1.start, $1.indicator, $1.end) }, cutSentences: cut
        )
    }

    /// The bare answer ("Ja", "Nee, nooit") that opens the piece after piece `index` when that piece is a question: its
    /// reading, its word as written in the text's key form, and where it stands.
    private func answer(after index: Int, in pieces: [Sentence], tokens: [Token]) -> (reading: ContextRules.Answer.Reading, word: String, start: Int, end: Int)? {
        guard !answerReadings.isEmpty, index + 1 < pieces.count else { return nil }
        // The question's last mark, past the closing quotes and brackets the splitter keeps with a sentence.
        guard let mark = pieces[index].tokens.reversed().first(where: { !SentenceSplitter.closers.contains(tokens[$0].key) }), tokens[mark].key == "?",
              let first = pieces[index + 1].tokens.first(where: { tokens[$0].isWord }),
              let reading = answerReadings[tokens[first].key.lowercased()] else { return nil }
        return (reading, tokens[first].key, tokens[first].start, tokens[first].end)
    }

    /// One clause, one reading: a verb read through its object ("drinkt" with "alcohol", "gebruikt" with "drugs") and the
    /// object negated right after it ("drinkt geen alcohol", "gebruikt geen drugs") are one statement, so the negation
    /// that stands directly after the verb negates the verb's hit of the same indicator too, with the object's reading
    /// of time ("gebruikt geen drugs meer"). Without this, one clause said both that he drinks and that he does not.
    private func shareNegationWithTheVerb(_ results: inout [(span: Span, hit: TextHit)], tokens: [Token]) {
        guard results.count > 1 else { return }
        for index in results.indices where !results[index].hit.negated {
            let verb = results[index]
            let next = verb.span.last + 1
            guard next < tokens.count else { continue }
            let between = tokens[next].start
            guard let object = results.first(where: { other in
                other.hit.indicator == verb.hit.indicator && other.hit.negated && other.span.first > verb.span.last
                    && other.hit.triggers.contains { $0.category == .negation && $0.start == between }
            }) else { continue }
            results[index].hit.negated = true
            results[index].hit.historical = object.hit.historical
            results[index].hit.resolved = object.hit.resolved
            for trigger in object.hit.triggers
            where [.negation, .historical, .resolved].contains(trigger.category) && !results[index].hit.triggers.contains(trigger) {
                results[index].hit.triggers.append(trigger)
            }
            results[index].hit.triggers.sort(by: AppliedTrigger.inTextOrder)
        }
    }

    /// Written-form matches, then inflected forms and compound heads of one-word terms, each kept only
    /// in its sense.
    private func candidateMatches(
        in tokens: [Token], sentence: Sentence, scalars: [Unicode.Scalar], corrections: [Int: SpellingCorrection],
        statistics: inout PhraseMatcher.MatchStatistics
    ) -> [PhraseMatcher.Match] {
        let inflects = !loosening.variants.isEmpty
        let words = reading.usesMorphology || inflects || loosening.matchesFreeOrder
            ? reading.words(in: tokens, range: sentence.tokens, scalars: scalars, corrected: corrections) : []
        let stemIDs = inflects ? words.map { $0?.matcherStem ?? -1 } : []
        var matches = termMatcher.matches(in: tokens, range: sentence.tokens, statistics: &statistics, stemIDs: stemIDs)
        if inflects, matches.contains(where: { $0.pattern >= termCount }) {
            // An inflected variant's match is its term's, unless the term matched as written on those words.
            var written = TermSpans(matches.filter { $0.pattern < termCount })
            matches = matches.compactMap { match in
                guard match.pattern >= termCount else { return match }
                var variant = match
                variant.pattern = loosening.variantOriginal[match.pattern - termCount]
                variant.form = .inflected
                return written.insertIfFree(variant) ? variant : nil
            }
        }
        var headSenses: [(sense: Int, token: Int)] = []
        if reading.usesMorphology {
            var written = Set<Int64>()
            for match in matches where match.first == match.last { written.insert(TermReading.key(Int32(match.pattern), match.first)) }
            matches += reading.morphologyMatches(in: tokens, range: sentence.tokens, words: words, written: written, headSenses: &headSenses)
        }
        if loosening.matchesFreeOrder {
            // A match in free order of a term already found on any of the same words adds nothing.
            var found = TermSpans(matches)
            let loose = loosening.freeOrderMatches(in: tokens, range: sentence.tokens, stems: words.map { $0?.freeOrderStem ?? -1 }, statistics: &statistics)
            matches += loose.filter { found.insertIfFree($0) }
        }
        if !corrections.isEmpty {
            // A match through a misspelled word counts only for a term that tolerates one, and says so.
            matches = matches.compactMap { match in
                guard (match.first...match.last).contains(where: { match.owns($0) && corrections[$0] != nil }) else { return match }
                guard typoTolerant[match.pattern] else { return nil }
                var corrected = match
                corrected.corrected = true
                return corrected
            }
        }
        guard reading.hasConstraints, matches.contains(where: { reading.constraints[$0.pattern] != nil }) else { return matches }
        let senses = reading.senses(in: tokens, range: sentence.tokens, headSenses: headSenses, statistics: &statistics)
        var wordsBefore = [0]
        wordsBefore.reserveCapacity(sentence.tokens.count + 1)
        for index in sentence.tokens { wordsBefore.append(wordsBefore[wordsBefore.count - 1] + (tokens[index].isWord ? 1 : 0)) }
        let first = sentence.tokens.lowerBound
        return matches.filter { reading.admits($0, senses: senses, wordsBefore: { wordsBefore[$0 - first] }) }
    }

    /// Reads the misspelled words of `sentence` as the term words they stand for: their tokens take that
    /// word's key (keeping their place and surface text), and `corrections` records them.
    private func correct(
        _ tokens: inout [Token], in sentence: Sentence, scalars: [Unicode.Scalar], typos: TypoReader, into corrections: inout [Int: SpellingCorrection]
    ) {
        let firstWord = sentence.tokens.first { tokens[$0].isWord }
        for index in sentence.tokens {
            let token = tokens[index]
            // No more scalars than bytes: most words are too short by their byte count alone.
            guard token.kind == .word, token.key.utf8.count >= typos.index.minimumLength, Self.scalarCount(token.key) >= typos.index.minimumLength,
                  !termMatcher.readsAsWritten(token.key, hash: token.keyHash) else { continue }
            guard let correction = typos.correction(of: token, in: scalars, isFirstWord: index == firstWord) else { continue }
            corrections[index] = correction
            tokens[index].key = correction.read
        }
    }

    /// Gives each short form of the context's abbreviations ("clt", "WG") the key of the word it stands for; its place
    /// and surface text stay as written.
    private func readAbbreviations(_ tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind != .punctuation {
            let id = abbreviationTable.value(of: tokens[index].key, hash: tokens[index].keyHash)
            if id >= 0 { tokens[index].key = abbreviationMeanings[Int(id)] }
        }
    }

    /// The number of Unicode scalars of `key`, from its UTF-8 bytes (all but continuation bytes), without
    /// walking the String's scalar view.
    static func scalarCount(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }

    /// The sentences ``analyze(_:)`` works on, as text.
    public func sentences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars, tokens: Tokenizer.tokenize(scalars)).map { Self.string(scalars[$0.start..<$0.end]) }
    }

    private struct Span {
        var indicator: String
        var match: PhraseMatcher.Match
        var first: Int { match.first }
        var last: Int { match.last }
        var pattern: Int { match.pattern }
        func overlaps(_ other: Span) -> Bool { first <= other.last && other.first <= last }
        /// A multi-word term matched through inflected words or in another word order (``PhraseLoosening``).
        var isLoose: Bool { match.form != .written && last > first }
        /// A loose match or one through a misspelled word: it only adds readings, never replaces one.
        var yields: Bool { isLoose || match.corrected }
        /// Strictly longer and owning every word of `other`: a word in the gap of a split term is not its own.
        func strictlyContains(_ other: Span) -> Bool {
            (first, last) != (other.first, other.last) && ContextScopes.owns(match, allOf: other.match)
        }
    }

    /// Applies the overlap policy described on the type. Spans are short, so which kept spans cover a
    /// token is kept per token: the cost grows with the number of matches, not with its square.
    private func resolve(_ matches: [PhraseMatcher.Match]) -> [Span] {
        guard let lowest = matches.map(\.first).min(), let highest = matches.map(\.last).max() else { return [] }
        // Matches as written first, then the longest: a multi-word term found through inflected words
        // or in another word order only fills words that no term as written reads (see below).
        func order(_ span: Span) -> Int { span.yields ? 1 : 0 }
        let candidates = matches.map { Span(indicator: indicatorOfPattern[$0.pattern], match: $0) }
            .sorted { (a: Span, b: Span) -> Bool in
                (order(a), b.last - b.first, a.first, a.pattern) < (order(b), a.last - a.first, b.first, b.pattern)
            }
        var kept: [Span] = []
        var keptAt = Array(repeating: [Int](), count: highest - lowest + 1)
        for candidate in candidates {
            let covering = (candidate.first...candidate.last).lazy.flatMap { keptAt[$0 - lowest] }
            guard !covering.contains(where: { kept[$0].indicator == candidate.indicator }) else { continue }
            for token in candidate.first...candidate.last { keptAt[token - lowest].append(kept.count) }
            kept.append(candidate)
        }
        // A loose match (a multi-word term through inflected words or in another word order) yields to any
        // other match on one of its words or the words it passes over: it adds readings where the terms as
        // written found nothing, it never replaces, hides or takes a negation from one ("geen enkele
        // motivatie om te werken" is a negated motivation, not "geen enkel werk").
        let yielding = Set(kept.indices.filter { index in
            let span = kept[index]
            return span.yields && (span.first...span.last).contains { token in
                keptAt[token - lowest].contains {
                    let other = kept[$0]
                    // In either layer: a signal's words are read too, and its negation is its own.
                    return !other.yields && other.indicator != span.indicator && other.match.owns(token)
                }
            }
        })
        return kept.indices.filter { !yielding.contains($0) }.map { kept[$0] }.filter { span in
            if !broader.isEmpty, (span.first...span.last).contains(where: { token in
                keptAt[token - lowest].contains {
                    !yielding.contains($0) && broader[kept[$0].indicator]?.contains(span.indicator) == true
                        && ContextScopes.shareWords(kept[$0].match, span.match)
                }
            }) { return false }
            let layer = separateLayer.contains(span.indicator)
            // A span that strictly contains this one covers its first token; so does one with the same words
            // written for them, which beats a match through a stem or a compound head ("faalangst" is the
            // written term of fear of failure, not a kind of "angst"). A longer span of a broader indicator does
            // not: this span hides it (above), and dropping both would lose the words ("slaapt op straat").
            return !keptAt[span.first - lowest].contains {
                let other = kept[$0]
                return !yielding.contains($0) && other.indicator != span.indicator && separateLayer.contains(other.indicator) == layer
                    && broader[span.indicator]?.contains(other.indicator) != true
                    && (other.strictlyContains(span)
                        || other.match.form == .written && span.match.form != .written && (other.first, other.last) == (span.first, span.last))
            }
        }
    }

    /// Words between two hits of one indicator with the same reading that still make them one mention.
    static let repeatGap = 2
    /// Marks that keep two hits of one indicator apart: a list or a new clause ("angsten, prikkels").
    static let clauseEnds: Set<String> = [",", ";", ":", ".", "!", "?", "…", "(", ")", "/"]

    /// One mention, one hit: hits of one indicator with the same reading, at most ``repeatGap`` words
    /// apart and no punctuation between, become one hit spanning them ("werkte als" + "vakkenvuller",
    /// "drugs" + "gebruikt"). Items of a list stay apart, and so do hits with a different reading ("geen
    /// schulden bij de bank, maar wel bij familie").
    private func mergeRepeats(_ results: [(span: Span, hit: TextHit)], tokens: [Token], slicer: ScalarSlicer) -> [TextHit] {
        guard results.count > 1 else { return results.map(\.hit) }
        let ordered = results.sorted { ($0.span.first, $0.span.last) < ($1.span.first, $1.span.last) }
        var merged: [(last: Int, hit: TextHit)] = []
        func reading(_ hit: TextHit) -> [Bool] {
            [hit.negated, hit.historical, hit.hypothetical, hit.uncertain, hit.resolved, hit.experiencer == .other, hit.assertion == .claim]
        }
        for (span, hit) in ordered {
            if let index = merged.lastIndex(where: { $0.hit.indicator == hit.indicator }),
               merged[index].last < span.first, reading(merged[index].hit) == reading(hit),
               Self.joinable(after: merged[index].last, before: span.first, tokens: tokens) {
                var joined = merged[index].hit
                joined.end = hit.end
                joined.spelling += hit.spelling
                joined.matchedText = slicer.string(joined.start..<joined.end)
                joined.triggers = Array(Set(joined.triggers + hit.triggers)).sorted(by: AppliedTrigger.inTextOrder)
                merged[index] = (span.last, joined)
            } else {
                merged.append((span.last, hit))
            }
        }
        return merged.map(\.hit)
    }

    /// Whether tokens strictly between `left` and `right` are few words and no clause end.
    private static func joinable(after left: Int, before right: Int, tokens: [Token]) -> Bool {
        var words = 0
        for index in (left + 1)..<right {
            if tokens[index].isWord { words += 1 } else if clauseEnds.contains(tokens[index].key) { return false }
            if words > repeatGap { return false }
        }
        return true
    }

    /// One span, one reading: of two partly overlapping hits of different indicators, the later one is
    /// dropped when the earlier one holds a negation trigger before it starts ("geen diploma behaald":
    /// "geen diploma", not also an affirmed "diploma behaald").
    private func dropContradictingOverlaps(_ spans: [Span], cues: ContextScopes.SentenceCues) -> [Span] {
        guard spans.count > 1, !cues.negationFirsts.isEmpty else { return spans }
        let ordered = spans.sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        var dropped = Set<Int>()
        for (index, earlier) in ordered.enumerated() {
            var next = index + 1
            while next < ordered.count, ordered[next].first <= earlier.last {
                let later = ordered[next]
                next += 1
                guard later.first > earlier.first, later.indicator != earlier.indicator,
                      separateLayer.contains(later.indicator) == separateLayer.contains(earlier.indicator),
                      ContextScopes.shareWords(earlier.match, later.match) else { continue }
                let from = cues.negationFirsts.partitionPoint { $0 >= earlier.first }
                if from < cues.negationFirsts.count, cues.negationFirsts[from] < later.first, earlier.match.owns(cues.negationFirsts[from]) {
                    dropped.insert(next - 1)
                }
            }
        }
        return dropped.isEmpty ? spans : ordered.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// The token spans where each term has matched so far: a further match of a term (an inflected variant, a
/// free-order match) counts only on words where that term has not matched yet.
private struct TermSpans {
    private var spans: [Int: [(first: Int, last: Int)]] = [:]

    init(_ matches: [PhraseMatcher.Match]) {
        for match in matches { spans[match.pattern, default: []].append((match.first, match.last)) }
    }

    /// Records `match` and says so when its term has no match on any of its words yet; else changes nothing.
    mutating func insertIfFree(_ match: PhraseMatcher.Match) -> Bool {
        guard !(spans[match.pattern] ?? []).contains(where: { $0.first <= match.last && match.first <= $0.last }) else { return false }
        spans[match.pattern, default: []].append((match.first, match.last))
        return true
    }
}

/// Substrings of a text by Unicode-scalar offsets, copied as UTF-8 rather than rebuilt scalar by scalar.
/// The index of every scalar is looked up once, lazily, only when the text has a hit.
struct ScalarSlicer {
    private let text: String
    private let indices: [String.Index]

    init(_ text: String) {
        self.text = text
        var indices = Array(text.unicodeScalars.indices)
        indices.append(text.unicodeScalars.endIndex)
        self.indices = indices
    }

    func string(_ range: Range<Int>) -> String {
        String(text.unicodeScalars[indices[range.lowerBound]..<indices[range.upperBound]])
    }
}

/// What ``NarrativeAnalyzer/analysis(of:)`` found in one text.
/// Who tells a narrative that is not the client's own account (``NarrativeAnalyzer/speaker(role:clientGender:tellsOfHimself:)``).
public struct NarrativeSpeaker: Sendable, Hashable {
    /// The folded words by which the teller names the client after one of the context's `speakerPossessives` ("mijn",
    /// "m'n", "onze"); empty when the teller's role is none of the ruleset's speakers (a physician, an employer).
    public var clientWords: Set<String>
    /// The teller's own third-person possessives that name the client with one of `clientWords` in a report about the
    /// teller ("Dochter vertelt dat haar vader …"); empty when no rule of the teller's role declares them.
    public var clientPossessives: Set<String>
    /// Whether the teller's "ik" speaks of himself, as a relative's does ("Ik slaap zelf slecht"), so that the
    /// context's `afterSpeaker` triggers apply; a professional's "ik" observes the client ("Ik vermoed een
    /// depressieve episode"). Either way the teller's first person makes no claim of the client's.
    public var tellsOfHimself: Bool
    public init(clientWords: Set<String>, clientPossessives: Set<String> = [], tellsOfHimself: Bool) {
        self.clientWords = clientWords
        self.clientPossessives = clientPossessives
        self.tellsOfHimself = tellsOfHimself
    }
}

public struct NarrativeAnalysis: Sendable, Hashable {
    public var hits: [TextHit]
    /// Sentences longer than the ruleset's `maxSentenceWords`, read in pieces.
    public var cutSentences: [CutSentence]
}

/// A sentence too long to read whole: it was cut at clause marks into `pieces`, and context (negation,
/// history, …) was applied per piece, so a trigger in one piece does not reach a term in another.
/// Offsets count Unicode scalars from the start of the analysed text.
public struct CutSentence: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var words: Int
    public var pieces: Int
    public init(start: Int, end: Int, words: Int, pieces: Int) {
        self.start = start
        self.end = end
        self.words = words
        self.pieces = pieces
    }
}

/// How many analyzers have compiled their matchers in this process, so a test can check that
/// compiling happens once per analyzer and never per ``NarrativeAnalyzer/analyze(_:)`` call.
public enum CompilationCounter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var count = 0

    public static var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    static func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}
