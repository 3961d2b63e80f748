/// All phrase patterns of a ruleset compiled into one matcher over tokens.
///
/// **Why the cost grows with the text, not with the number of terms.** The patterns form one
/// *token trie*: each node is a position inside one or more patterns, and its edges are keyed by a
/// word's interned id (a hash lookup), by a prefix's id (for `schuld*`), or by a gap. Matching
/// reads the text once, left to right, keeping the set of trie nodes that are "alive" (an NFA
/// simulation of the trie, like Aho–Corasick without failure links). Per token it does:
/// - one hash lookup of the token's key in the vocabulary of all pattern words;
/// - one walk of the token's bytes down a character trie of all wildcard prefixes, which yields
///   every prefix the token starts with in O(token length), however many prefixes exist;
/// - for each live node, one lookup for the word and one per prefix the token starts with.
///
/// A live node is a partial match that started at one of the last few tokens, so their number is
/// bounded by the longest pattern (plus `termGap` for gap patterns) times the few ways one word can
/// continue a path, never by how many patterns there are: 10 or 10 000 terms cost the same per
/// token. Alternatives (`vader|moeder`) are expanded into branches when the trie is built.
/// ``MatchStatistics`` counts this work so tests can check it without timing.
/// ```swift
/// let matcher = PhraseMatcher(patterns: [PhrasePattern("schuld*"), PhrasePattern("ziet … tegen op")], termGap: 3)
/// let tokens = Tokenizer.tokenize("Hij ziet er erg tegen op en heeft schulden.")
/// matcher.matches(in: tokens).map(\.pattern) // [1, 0]
/// ```
public struct PhraseMatcher: Sendable {
    /// One occurrence of a pattern: tokens `first...last`, of which `skipped` (sorted) were passed
    /// over by a gap (`…`) and are not part of the pattern itself.
    public struct Match: Sendable, Hashable {
        /// How a term met its words: as written, through inflected forms (same Snowball stem: a one-word
        /// term, or the content words of a longer one under the context's `phraseInflection`), as the
        /// head of a compound ("huurschuld" for "schuld"), or with its words in another order (the
        /// context's `freeOrderWindow`: "omdat hij geen zin heeft in werk").
        public enum Form: Sendable, Hashable { case written, inflected, compound, reordered }

        public var pattern: Int
        public var first: Int
        public var last: Int
        public var skipped: [Int] = []
        public var form: Form = .written
        /// For a compound match, the word before its head, folded ("huur" in "huurschuld"): it counts as
        /// a word of the term's sense ("a compound carries its sense in its first part").
        public var modifier: String?
        /// Whether one of its words is a typing error read as a term word (the context's `typoDistance`).
        public var corrected = false

        /// Whether token `index` is one of the pattern's own words, not a gap filler.
        public func owns(_ index: Int) -> Bool { first <= index && index <= last && !skipped.contains(index) }
    }

    /// Work done while matching, for cost tests that count instead of timing.
    public struct MatchStatistics: Sendable, Hashable {
        public var tokens = 0
        /// Live trie nodes visited, summed over tokens.
        public var steps = 0
        /// Context triggers examined for a hit, summed over hits (see ``NarrativeAnalyzer``).
        public var contextChecks = 0
        public init() {}
    }

    /// A trie node. Plain values only (its edges live in ``edges``, its outputs in ``outputList``), so
    /// reading one per live state per token retains and hashes nothing.
    private struct Node: Sendable {
        /// The node reached after a gap (`…`); -1 when this node has no gap edge.
        var gap: Int32 = -1
        var outputStart: Int32 = 0
        var outputCount: Int32 = 0
        var flags: UInt8 = 0

        /// Tokens may be skipped here: the node follows a gap.
        static let afterGap: UInt8 = 1
        /// The node is reached by a pattern's first element (a child of the root): the place where Dutch
        /// subject–verb inversion puts the subject ("Sinds de scheiding *slaapt hij* slecht").
        static let afterFirst: UInt8 = 2
        static let hasWords: UInt8 = 4
        static let hasPrefixes: UInt8 = 8
        static let hasStems: UInt8 = 16

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
        /// Whether a path goes on from here (an inverted subject is never passed at the end of a pattern).
        var continues: Bool { flags & (Self.hasWords | Self.hasPrefixes | Self.hasStems) != 0 || gap >= 0 }
    }

    /// What an edge is keyed by: a word's id, a prefix's id or a stem's id.
    enum EdgeKind: UInt64 { case word = 0, prefix = 1, stem = 2 }

    /// An edge's key in ``edges``: source node, kind and label's id packed into 64 bits.
    static func edgeKey(_ node: Int32, _ kind: EdgeKind, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 34 | kind.rawValue << 32 | UInt64(UInt32(bitPattern: label))
    }

    /// Subject pronouns that Dutch main-clause inversion puts right after the finite verb. A term is
    /// written in plain order ("slaapt slecht", "komt nauwelijks buiten"); after a fronted adverbial
    /// the same phrase reads "slaapt hij slecht", "komt zij nauwelijks buiten". One such pronoun right
    /// after a pattern's first word is passed over like a gap word (it is not part of the match's
    /// own words), never more than one, and never at the end of a pattern.
    static let invertedSubjects: Set<String> = ["hij", "zij", "ze", "ik", "je", "men", "cliënt", "cliënte"]

    /// A gap passes over tokens only among the first `skipReach` tokens of a match: which tokens a partial
    /// match skipped is kept as bits counted from its first token. A path that would skip a token further on
    /// stops; with the shipped `termGap` of 4 that takes a pattern with more than a dozen gaps.
    public static let skipReach = 64

    private var nodes: [Node] = [Node()]
    /// All edges of all nodes in one table keyed by ``edgeKey(_:_:_:)``.
    private var edges = IDTable()
    private var outputList: [Int32] = []
    private var vocabulary: [String: Int32] = [:]
    /// ``vocabulary`` for the lookup of each token.
    private var words = KeyTable([String: Int32]())
    private var stemVocabulary: [String: Int32] = [:]
    /// The folded keys of ``invertedSubjects``.
    private var inversionKeys = KeyTable([String: Int32]())
    private var prefixTrie = PrefixTrie()
    /// Whether some pattern names a ``NumberClass``.
    private var namesNumberClasses = false
    public let patterns: [PhrasePattern]
    public let termGap: Int

    public init(patterns: [PhrasePattern], termGap: Int) {
        self.patterns = patterns
        self.termGap = max(0, termGap)
        var builder = Builder()
        for (index, pattern) in patterns.enumerated() where !pattern.elements.isEmpty {
            builder.insert(pattern, output: Int32(index))
        }
        nodes = builder.nodes
        vocabulary = builder.vocabulary
        stemVocabulary = builder.stemVocabulary
        prefixTrie = builder.prefixTrie
        edges = builder.edges
        // Each node's outputs as a range of one flat list, so that a node stays a plain value.
        for node in builder.outputs.indices {
            nodes[node].outputStart = Int32(outputList.count)
            nodes[node].outputCount = Int32(builder.outputs[node].count)
            outputList += builder.outputs[node]
        }
        words = KeyTable(vocabulary)
        inversionKeys = KeyTable(Self.invertedSubjects.compactMap { Tokenizer.tokenize($0).first?.key })
        namesNumberClasses = NumberClass.allCases.contains { vocabulary[$0.rawValue] != nil }
    }

    /// Number of trie nodes, for diagnostics and the benchmark.
    public var nodeCount: Int { nodes.count }

    /// Builds the trie; its edges go straight into the table the matcher reads, in the order patterns come.
    private struct Builder {
        var nodes: [Node] = [Node()]
        var outputs: [[Int32]] = [[]]
        var edges = IDTable()
        var vocabulary: [String: Int32] = [:]
        var stemVocabulary: [String: Int32] = [:]
        var prefixTrie = PrefixTrie()

        mutating func insert(_ pattern: PhrasePattern, output: Int32) {
            // A choice ("vader|moeder") branches the path; later elements continue from every branch.
            var current: [Int32] = [0]
            var next: [Int32] = []
            for (position, element) in pattern.elements.enumerated() {
                next.removeAll(keepingCapacity: true)
                for node in current { step(from: node, over: element, into: &next) }
                swap(&current, &next)
                if position == 0 {
                    for node in current { nodes[Int(node)].flags |= Node.afterFirst }
                }
            }
            for node in current where !outputs[Int(node)].contains(output) {
                outputs[Int(node)].append(output)
            }
        }

        /// Appends the node(s) reached from `node` over one pattern element, created if new, to `targets` (one
        /// buffer for a whole pattern: start-up inserts some 16,000 patterns).
        mutating func step(from node: Int32, over element: PhrasePattern.Element, into targets: inout [Int32]) {
            switch element {
            case .word(let key):
                targets.append(child(of: node, .word, Self.id(of: key, in: &vocabulary), flag: Node.hasWords))
            case .stem(let stem):
                targets.append(child(of: node, .stem, Self.id(of: stem, in: &stemVocabulary), flag: Node.hasStems))
            case .prefix(let prefix):
                targets.append(child(of: node, .prefix, prefixTrie.insert(prefix), flag: Node.hasPrefixes))
            case .gap:
                var target = nodes[Int(node)].gap
                if target < 0 {
                    target = newNode()
                    nodes[Int(node)].gap = target
                }
                nodes[Int(target)].flags |= Node.afterGap
                targets.append(target)
            case .choice(let alternatives):
                for alternative in alternatives { step(from: node, over: alternative, into: &targets) }
            }
        }

        /// The id of `key`, the next free one when new (a word seen before is looked up, not stored again).
        private static func id(of key: String, in vocabulary: inout [String: Int32]) -> Int32 {
            if let id = vocabulary[key] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[key] = id
            return id
        }

        private mutating func child(of parent: Int32, _ kind: EdgeKind, _ label: Int32, flag: UInt8) -> Int32 {
            let key = PhraseMatcher.edgeKey(parent, kind, label)
            let existing = edges.value(of: key)
            if existing >= 0 { return existing }
            let id = newNode()
            edges.insert(id, for: key)
            nodes[Int(parent)].flags |= flag
            return id
        }

        private mutating func newNode() -> Int32 {
            nodes.append(Node())
            outputs.append([])
            return Int32(nodes.count - 1)
        }
    }

    /// A live trie node: where a partial match that began at token `start` has got to. `skipped` has bit
    /// `k` set when token `start + k` was passed over (a gap or an inverted subject).
    private struct State: Equatable {
        var node: Int32
        var skipsLeft: Int32
        var start: Int
        var skipped: UInt64 = 0
    }

    public func matches(in tokens: [Token]) -> [Match] {
        var statistics = MatchStatistics()
        return matches(in: tokens, range: tokens.indices, statistics: &statistics)
    }

    /// The id of a Snowball stem among the patterns' stem elements, -1 when no pattern has it; pass
    /// these per token to ``matches(in:range:statistics:stemIDs:)``.
    public func stemID(_ stem: String) -> Int32 { stemVocabulary[stem] ?? -1 }

    /// Whether a token with this key can meet a pattern as written: it is a pattern word, or it starts
    /// with a pattern prefix.
    public func readsAsWritten(_ key: String) -> Bool { readsAsWritten(key, hash: KeyTable.hash(key)) }

    /// ``readsAsWritten(_:)`` for a token, whose key is hashed already.
    func readsAsWritten(_ key: String, hash: UInt64) -> Bool {
        if words.contains(key, hash: hash) { return true }
        if let numberClass = NumberClass.of(key), vocabulary[numberClass.rawValue] != nil { return true }
        var found: [Int32] = []
        prefixTrie.prefixes(of: key, into: &found)
        return !found.isEmpty
    }

    /// Every occurrence of every pattern inside `range`, ordered by end then start; a match never
    /// crosses punctuation, and a gap only skips words — and a colon, the separator of a note's label
    /// and value ("Zelfbeeld: laag" is `zelfbeeld … laag`, "Schulden: afgelost" is `schulden … afgelost`). `stemIDs` holds, per token of `range`, the
    /// ``stemID(_:)`` of its stem (needed only when some pattern has a stem element).
    public func matches(in tokens: [Token], range: Range<Int>, statistics: inout MatchStatistics, stemIDs: [Int32] = []) -> [Match] {
        var found: [Match] = []
        var live: [State] = []
        var next: [State] = []
        var prefixIDs: [Int32] = []
        // About nine partial matches are live per token: room for them up front instead of growing by doubling.
        live.reserveCapacity(16)
        next.reserveCapacity(16)
        prefixIDs.reserveCapacity(8)
        for index in range {
            let token = tokens[index]
            statistics.tokens += 1
            let wordID = words.value(of: token.key, hash: token.keyHash)
            // A year or period also meets the patterns that name its class (`#jaar`, `#jaren`); a matcher whose
            // patterns name none (the terms) does not look.
            let classID = namesNumberClasses && token.isWord ? NumberClass.of(token.key).flatMap { vocabulary[$0.rawValue] } ?? -1 : -1
            let stemID = index - range.lowerBound < stemIDs.count ? stemIDs[index - range.lowerBound] : -1
            let isInvertedSubject = token.isWord && inversionKeys.contains(token.key, hash: token.keyHash)
            let mayBeSkipped = token.isWord || token.key == ":"
            prefixIDs.removeAll(keepingCapacity: true)
            if token.isWord { prefixTrie.prefixes(of: token.key, into: &prefixIDs) }
            next.removeAll(keepingCapacity: true)

            func enter(_ target: Int32, from state: State) {
                let node = nodes[Int(target)]
                if node.outputCount > 0 {
                    let skipped = Self.positions(of: state.skipped, from: state.start)
                    for position in Int(node.outputStart)..<Int(node.outputStart + node.outputCount) {
                        found.append(Match(pattern: Int(outputList[position]), first: state.start, last: index, skipped: skipped))
                    }
                }
                add(State(node: target, skipsLeft: 0, start: state.start, skipped: state.skipped), to: &next)
                if node.gap >= 0 { add(State(node: node.gap, skipsLeft: Int32(termGap), start: state.start, skipped: state.skipped), to: &next) }
            }

            live.append(State(node: 0, skipsLeft: 0, start: index))
            for state in live {
                statistics.steps += 1
                let node = nodes[Int(state.node)]
                if wordID >= 0, node.has(Node.hasWords) {
                    let target = edges.value(of: Self.edgeKey(state.node, .word, wordID))
                    if target >= 0 { enter(target, from: state) }
                }
                if classID >= 0, node.has(Node.hasWords) {
                    let target = edges.value(of: Self.edgeKey(state.node, .word, classID))
                    if target >= 0 { enter(target, from: state) }
                }
                if stemID >= 0, node.has(Node.hasStems) {
                    let target = edges.value(of: Self.edgeKey(state.node, .stem, stemID))
                    if target >= 0 { enter(target, from: state) }
                }
                if !prefixIDs.isEmpty, node.has(Node.hasPrefixes) {
                    for prefixID in prefixIDs {
                        let target = edges.value(of: Self.edgeKey(state.node, .prefix, prefixID))
                        if target >= 0 { enter(target, from: state) }
                    }
                }
                let offset = index - state.start
                if node.has(Node.afterGap), state.skipsLeft > 0, mayBeSkipped, offset < Self.skipReach {
                    add(State(node: state.node, skipsLeft: state.skipsLeft - 1, start: state.start, skipped: state.skipped | 1 << UInt64(offset)), to: &next)
                }
                // Subject–verb inversion: one subject pronoun straight after the first word.
                if node.has(Node.afterFirst), state.skipped == 0, offset == 1, isInvertedSubject, node.continues {
                    add(State(node: state.node, skipsLeft: 0, start: state.start, skipped: 1 << 1), to: &next)
                }
            }
            swap(&live, &next)
        }
        return found
    }

    /// The token positions whose bits are set in `skipped`, counted from `start`, ascending.
    private static func positions(of skipped: UInt64, from start: Int) -> [Int] {
        guard skipped != 0 else { return [] }
        var positions: [Int] = []
        positions.reserveCapacity(skipped.nonzeroBitCount)
        var bits = skipped
        while bits != 0 {
            positions.append(start + bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        return positions
    }

    /// Adds a state unless the same partial match is already live; keeps the one with most skips left.
    private func add(_ state: State, to states: inout [State]) {
        if let existing = states.firstIndex(where: { $0.node == state.node && $0.start == state.start }) {
            if state.skipsLeft > states[existing].skipsLeft { states[existing] = state }
        } else {
            states.append(state)
        }
    }
}

/// 64-bit keys to ids (at least 0) in one open-addressing table with a multiplicative hash: the trie's edges
/// keyed by (node, kind, label) and the prefix trie's children keyed by (node, byte). Looked up for every live
/// node at every token, so it avoids the per-lookup seeding and hashing of a Dictionary. The layout depends
/// only on the keys inserted and their order.
struct IDTable: Sendable {
    private var keys: [UInt64] = [IDTable.empty, IDTable.empty]
    private var values: [Int32] = [-1, -1]
    private var count = 0
    private var shift: UInt64 = 63
    private static let empty = UInt64.max

    init() {}

    /// The table of `entries`, inserted in key order (so the layout does not depend on the Dictionary's seed).
    init(_ entries: [UInt64: Int32]) {
        reserve(entries.count)
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) { insert(value, for: key) }
    }

    /// Room for `count` keys without growing.
    mutating func reserve(_ count: Int) {
        var capacity = keys.count
        while capacity < count * 2 { capacity *= 2 }
        if capacity > keys.count { rehash(capacity) }
    }

    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Stores `value` (at least 0) for a `key` not yet in the table; `UInt64.max` is no key.
    mutating func insert(_ value: Int32, for key: UInt64) {
        precondition(value >= 0 && key != Self.empty, "IDTable holds ids under real keys")
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = slot(of: key)
        while keys[slot] != Self.empty { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() { rehash(keys.count * 2) }

    private mutating func rehash(_ capacity: Int) {
        let old = zip(keys, values).filter { $0.0 != Self.empty }
        keys = Array(repeating: Self.empty, count: capacity)
        values = Array(repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for (key, value) in old { insert(value, for: key) }
    }

    /// The id stored for `key`, -1 when there is none.
    func value(of key: UInt64) -> Int32 {
        let mask = keys.count - 1
        var slot = slot(of: key)
        while true {
            let candidate = keys[slot]
            if candidate == key { return values[slot] }
            if candidate == Self.empty { return -1 }
            slot = (slot + 1) & mask
        }
    }
}

/// A byte trie of wildcard prefixes: which prefixes does a word start with, in one pass over it.
///
/// A node's children are found in one open-addressing table keyed by (node, byte): the trie of a ruleset's
/// terms is dense near its root, where a list of siblings would be walked for every byte of every word.
struct PrefixTrie: Sendable {
    private var children = IDTable()
    private var ids: [Int32] = [-1]
    private var nextID: Int32 = 0

    /// Number of distinct prefixes inserted.
    var count: Int32 { nextID }

    private static func key(_ node: Int, _ byte: UInt8) -> UInt64 { UInt64(node) << 8 | UInt64(byte) }

    mutating func insert(_ prefix: String) -> Int32 {
        var node = 0
        for next in prefix.utf8 {
            let child = children.value(of: Self.key(node, next))
            if child >= 0 {
                node = Int(child)
                continue
            }
            let added = Int32(ids.count)
            ids.append(-1)
            children.insert(added, for: Self.key(node, next))
            node = Int(added)
        }
        if ids[node] < 0 {
            ids[node] = nextID
            nextID += 1
        }
        return ids[node]
    }

    func prefixes(of word: String, into result: inout [Int32]) {
        if ids[0] >= 0 { result.append(ids[0]) }
        // Over the contiguous bytes: iterating `utf8` itself costs more than the lookups.
        var word = word
        word.withUTF8 { bytes in
            var node = 0
            for next in bytes {
                let child = children.value(of: Self.key(node, next))
                guard child >= 0 else { return }
                node = Int(child)
                if ids[node] >= 0 { result.append(ids[node]) }
            }
        }
    }
}
