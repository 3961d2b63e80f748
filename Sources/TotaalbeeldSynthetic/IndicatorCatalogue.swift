import TotaalbeeldModel

/// How a generated sentence or finding is meant to be read: as a current fact about the client,
/// denied, in the past, as a possibility, or about someone else.
/// ```swift
/// // .affirmed "Hij heeft schulden bij meerdere instanties."   .negated "Hij heeft geen schulden."
/// // .historical "Vroeger was er sprake van schulden."         .hypothetical "Mogelijk is er sprake van schulden."
/// // .other "Zijn broer kampt met schulden."
/// ```
public enum MentionContext: String, Sendable, Hashable, CaseIterable {
    case affirmed, negated, historical, hypothetical, other
}

/// The client's gender as the dossier records it; it chooses the pronouns of the prose.
enum Gender: String, CaseIterable {
    case man, vrouw

    /// Values for the placeholders of the phrasebook.
    var pronouns: [(String, String)] {
        switch self {
        case .man: [("{hij}", "hij"), ("{zijn}", "zijn"), ("{hem}", "hem"), ("{ze}", "hij"), ("{ouder}", "vader")]
        case .vrouw: [("{hij}", "zij"), ("{zijn}", "haar"), ("{hem}", "haar"), ("{ze}", "ze"), ("{ouder}", "moeder")]
        }
    }
}

/// What the generator may use, taken from a loaded ruleset so that every id it writes exists there:
/// domains, indicators per domain with their role and Dutch terms, source kinds, themes, Schema 2
/// activities and score levels. Phrases from the phrasebook are kept only where their bracketed term
/// is a term of the indicator in *this* ruleset; indicators the phrasebook does not know are still
/// used, through a plain sentence built from their first term.
///
/// ```swift
/// let catalogue = IndicatorCatalogue(ruleset: ruleset)
/// catalogue.indicators(in: "prive").map(\.id)   // ["schulden", "financiele-problemen", …]
/// ```
public struct IndicatorCatalogue: Sendable {
    public enum Role: Sendable, Hashable {
        case burden(weight: Double)
        case strength(weight: Double)
        /// Level 2; a factor above 1 raises the support need, below 1 eases it.
        case modifier(factor: Double, dimension: String)
        case signal
    }

    public struct Entry: Sendable {
        public let id: String
        public let domain: String
        public let role: Role
        public let label: String
        public let terms: [String]
        public let countsForOther: Bool
        /// Per gender (man, vrouw): the phrases that survived the term check.
        let phrases: [PhraseSet]

        var isBurden: Bool { if case .burden = role { true } else { false } }
        var isStrength: Bool { if case .strength = role { true } else { false } }
        var isLevel1: Bool { isBurden || isStrength }
        var raises: Bool { if case .modifier(let factor, _) = role { factor > 1 } else { false } }
        var eases: Bool { if case .modifier(let factor, _) = role { factor < 1 } else { false } }
        var dimension: String? { if case .modifier(_, let dimension) = role { dimension } else { nil } }
        func phrases(for gender: Gender) -> PhraseSet { phrases[gender == .man ? 0 : 1] }
    }

    public struct Theme: Sendable {
        public let id: String
        public let domain: String
        public let requiredSourceKind: String?
        public let coveredByWish: Bool
    }

    public struct Activity: Sendable {
        public let id: String
        public let derivations: [(indicator: String, weight: Double)]
        /// Ascending by `min`, with the ruleset's support text for the level.
        public let needs: [(level: String, min: Double, support: String)]
    }

    public let rulesetID: String
    public let rulesetVersion: String
    /// Domain ids in ruleset order, with their Dutch labels.
    public let domains: [(id: String, label: String)]
    public let themes: [Theme]
    public let sourceKinds: [String]
    public let activities: [Activity]
    /// Score level ids, lowest first.
    public let levels: [String]
    public let indicators: [Entry]
    /// Relatives the ruleset recognises as "someone else" (experiencer triggers).
    let relatives: [String]
    /// The phrasebook's frames, neutral sentences and fillings, minus any that contain a term of this
    /// ruleset: a neutral sentence must stay neutral when a ruleset gains a term.
    let frames: [SentenceFrame]
    let fillers: [String: [String]]
    let vocabulary: Vocabulary
    private let index: [String: Int]
    private let byDomain: [String: [Int]]

    struct Vocabulary: Sendable {
        var formerJobs: [String]
        var wishedJobs: [String]
        var hobbies: [String]
        var organisations: [String]
        var subjects: [String]
    }

    public init(ruleset: Ruleset) {
        rulesetID = ruleset.id
        rulesetVersion = ruleset.version
        domains = ruleset.domains.map { ($0.id, $0.label.nl) }
        themes = ruleset.themes.map { Theme(id: $0.id, domain: $0.domain, requiredSourceKind: $0.requiredSourceKind, coveredByWish: $0.coveredByWish) }
        sourceKinds = ruleset.sourceKinds.map(\.id)
        levels = ruleset.scoring.levels.map(\.id)
        activities = ruleset.activities.map { activity in
            Activity(
                id: activity.id, derivations: activity.derivations.map { ($0.indicator, $0.weight) },
                needs: activity.needs.map { ($0.level, $0.min, $0.support.nl) }
            )
        }
        let triggers = ruleset.context.triggers
        let experiencers = Set(triggers.filter { $0.category == .experiencer }.map { $0.phrase.lowercased() })
        relatives = Phrasebook.relatives.filter { experiencers.contains($0) }
        // A phrase that opens with a negation cue ("geen vrienden") cannot be negated once more.
        let negations = Set(triggers.filter { $0.category == .negation && $0.direction != .backward }.map { $0.phrase.lowercased() })
        let known = Dictionary(Phrasebook.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let terms = TermIndex(ruleset: ruleset)
        frames = Phrasebook.frames.filter { terms.isNeutral($0.text) }
        fillers = Phrasebook.fillers.mapValues { $0.filter(terms.isNeutral) }.filter { !$0.value.isEmpty }
        vocabulary = Vocabulary(
            formerJobs: Phrasebook.formerJobs.filter(terms.isNeutral), wishedJobs: Phrasebook.wishedJobs.filter(terms.isNeutral),
            hobbies: Phrasebook.hobbies.filter(terms.isNeutral), organisations: Phrasebook.organisations.filter(terms.isNeutral),
            subjects: Phrasebook.subjects.filter(terms.isNeutral)
        )
        indicators = ruleset.indicators.map { indicator in
            let role: Role = switch indicator.role {
            case .level1(.burden, let weight): .burden(weight: weight)
            case .level1(.strength, let weight): .strength(weight: weight)
            case .modifier(let dimension, let factor, _, _): .modifier(factor: factor, dimension: dimension)
            case .signal: .signal
            }
            let phrases = Gender.allCases.map { gender in
                PhraseSet(indicator: indicator, phrases: known[indicator.id], gender: gender, negations: negations, terms: terms)
            }
            return Entry(
                id: indicator.id, domain: indicator.domain, role: role, label: indicator.label.nl, terms: indicator.terms,
                countsForOther: indicator.countsForOther, phrases: phrases
            )
        }
        index = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let all = indicators
        byDomain = Dictionary(grouping: all.indices) { all[$0].domain }
    }

    public func entry(_ id: String) -> Entry? { index[id].map { indicators[$0] } }

    public func indicators(in domain: String) -> [Entry] { (byDomain[domain] ?? []).map { indicators[$0] } }

    public func domainLabel(_ id: String) -> String { domains.first { $0.id == id }?.label ?? id }

    public func hasSourceKind(_ kind: String) -> Bool { sourceKinds.contains(kind) }
}

/// The phrases of one indicator for one gender, with brackets resolved and pronouns filled in.
struct PhraseSet: Sendable {
    struct Clause: Sendable {
        var text: String
        /// Verb and remainder, when the clause may be inverted ("Daarnaast heeft hij …").
        var inversion: (verb: String, rest: String)?
    }

    struct Noun: Sendable {
        var text: String
        /// Opens with a negation cue of the ruleset, so it cannot stand in a negated frame.
        var negative: Bool
    }

    var nouns: [Noun] = []
    var clauses: [Clause] = []
    var sentences: [(MentionContext, String)] = []

    init(indicator: Indicator, phrases: IndicatorPhrases?, gender: Gender, negations: Set<String>, terms: TermIndex) {
        // Phrases in which another indicator's term also occurs are dropped, unless that leaves nothing:
        // the plan must say what the analyser will find.
        func realise(_ template: String) -> (text: String, clear: Bool)? {
            guard let text = Self.realise(template, indicator: indicator, gender: gender, terms: terms) else { return nil }
            return (text, !terms.isAmbiguous(text, for: indicator.id))
        }
        var nouns: [(Noun, Bool)] = [], clauses: [(Clause, Bool)] = [], sentences: [((MentionContext, String), Bool)] = []
        for noun in phrases?.nouns ?? [] {
            guard let (text, clear) = realise(noun) else { continue }
            let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
            nouns.append((Noun(text: text, negative: negations.contains(first)), clear))
        }
        for clause in phrases?.clauses ?? [] {
            let mainOnly = clause.hasPrefix("^") || clause.hasPrefix("[")
            guard let (text, clear) = realise(clause.hasPrefix("^") ? String(clause.dropFirst()) : clause) else { continue }
            var inversion: (String, String)?
            if !mainOnly, let space = text.firstIndex(of: " ") {
                inversion = (String(text[..<space]), String(text[text.index(after: space)...]))
            }
            clauses.append((Clause(text: text, inversion: inversion), clear))
        }
        for (context, sentence) in phrases?.sentences ?? [] {
            if let (text, clear) = realise(sentence) { sentences.append(((context, text), clear)) }
        }
        let anyClear = (nouns.map(\.1) + clauses.map(\.1) + sentences.map(\.1)).contains(true)
        self.nouns = nouns.filter { $0.1 || !anyClear }.map(\.0)
        self.clauses = clauses.filter { $0.1 || !anyClear }.map(\.0)
        self.sentences = sentences.filter { $0.1 || !anyClear }.map(\.0)
        // An indicator the phrasebook lacks (a newer ruleset) still gets one plain noun phrase.
        if self.nouns.isEmpty, self.clauses.isEmpty, self.sentences.isEmpty, let term = indicator.terms.first(where: { !$0.contains("…") && !$0.contains("...") }) {
            let surface = term.split(separator: " ").map { $0.hasSuffix("*") ? String($0.dropLast()) : String($0) }.joined(separator: " ")
            self.nouns = [Noun(text: surface, negative: negations.contains(surface.split(separator: " ").first.map(String.init) ?? ""))]
        }
    }

    /// Fills the gendered placeholders, then replaces each `[term]` or `[term*=surface]` by its surface
    /// form — or returns nil when a bracket does not hold a term of this indicator.
    static func realise(_ template: String, indicator: Indicator, gender: Gender, terms: TermIndex) -> String? {
        var text = template
        for (placeholder, value) in gender.pronouns { text = text.replacingAll(placeholder, with: value) }
        var result = ""
        var rest = Substring(text)
        var found = false
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { return nil }
            result += rest[..<open]
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "=", maxSplits: 1).map(String.init)
            let term = parts[0], surface = parts.count > 1 ? parts[1] : parts[0]
            guard indicator.terms.contains(where: { $0.lowercased() == term.lowercased() }),
                  TermPattern(term, gap: terms.gap).matches(Words(surface).items) else { return nil }
            result += surface
            found = true
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return found ? result : nil
    }
}

/// Every term of a ruleset, to keep the generator's neutral text neutral and its phrases unambiguous.
struct TermIndex: Sendable {
    let gap: Int
    private let patterns: [(indicator: String, pattern: TermPattern)]
    /// Patterns by their first word, and those that start with a prefix: only these can occur in a text.
    private let byFirstWord: [String: [Int]]
    private let prefixed: [(stem: String, index: Int)]

    init(ruleset: Ruleset) {
        gap = ruleset.context.termGap
        patterns = ruleset.indicators.flatMap { indicator in indicator.terms.map { (indicator.id, TermPattern($0, gap: ruleset.context.termGap)) } }
        var byFirstWord: [String: [Int]] = [:]
        var prefixed: [(String, Int)] = []
        for (index, entry) in patterns.enumerated() {
            switch entry.pattern.parts.first {
            case .word(let word)?: byFirstWord[word, default: []].append(index)
            case .prefix(let stem)?: prefixed.append((stem, index))
            case .gap?, nil: break
            }
        }
        self.byFirstWord = byFirstWord
        self.prefixed = prefixed
    }

    /// Words of a phrase, with each `{placeholder}` counted as one neutral word.
    static func words(_ text: String) -> [String] {
        var neutral = ""
        var inside = false
        for character in text {
            if character == "{" { inside = true; neutral += "x"; continue }
            if character == "}" { inside = false; continue }
            if !inside { neutral.append(character) }
        }
        return Words(neutral).items
    }

    /// The indicators with a term in `text`.
    private func indicators(in text: String) -> [String] {
        let words = Self.words(text)
        var candidates = Set(words.flatMap { byFirstWord[$0] ?? [] })
        for (stem, index) in prefixed where words.contains(where: { $0.hasPrefix(stem) }) { candidates.insert(index) }
        return candidates.sorted().compactMap { patterns[$0].pattern.occurrences(in: words).isEmpty ? nil : patterns[$0].indicator }
    }

    func isNeutral(_ text: String) -> Bool { indicators(in: text).isEmpty }

    /// Whether a term of another indicator occurs anywhere in the phrase. Even a term strictly inside this
    /// one's is avoided: whether the analyser keeps the shorter reading is its policy, not the generator's.
    func isAmbiguous(_ text: String, for indicator: String) -> Bool {
        indicators(in: text).contains { $0 != indicator }
    }
}

extension String {
    /// Plain substring replacement on UTF-8 bytes (safe: UTF-8 is self-synchronising). Much faster than the
    /// generic `firstRange(of:)` search, which dominated generation time; and it needs no Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let source = Array(utf8), pattern = Array(target.utf8)
        guard let first = pattern.first, source.count >= pattern.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 16)
        var i = 0, changed = false
        while i < source.count {
            if source[i] == first, i + pattern.count <= source.count, source[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: replacement.utf8)
                i += pattern.count
                changed = true
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }

    /// Replaces every `{name}` that `values` knows, in one pass; unknown placeholders stay.
    func fillingPlaceholders(_ values: [String: String]) -> String {
        guard utf8.contains(UInt8(ascii: "{")) else { return self }
        var out = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[open...close])
            out += values[name] ?? name
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The first letter upper-cased, for a sentence that starts with a placeholder.
    var capitalisedFirst: String {
        guard let index = firstIndex(where: \.isLetter) else { return self }
        return self[..<index] + self[index].uppercased() + self[self.index(after: index)...]
    }
}
