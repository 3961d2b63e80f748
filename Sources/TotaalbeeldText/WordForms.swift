import Foundation
import TotaalbeeldMorphology

/// The Dutch morphology the term matcher uses: Snowball stems for inflected forms of one-word terms
/// ("klachten" → "klacht"), and the heads of compounds ("huurschuld" → "schuld", "rugpijnklachten" →
/// "pijnklachten", "klachten") from ``CompoundSplitter`` over OpenTaal's Hunspell dictionary.
///
/// One instance per process is enough and is what ``shared`` gives: the Hunspell dictionary takes a
/// tenth of a second and 20 MB to load. The forms of every distinct word are computed once and cached
/// (the stemmer and the splitter take a lock per call; the cache takes one per lookup), so matching
/// stays linear in the length of the text, and a word costs a hash lookup after its first occurrence.
///
/// **When the dictionary is missing** (no `hunspell-nl`), the analyser degrades instead of failing:
/// stems still work (libstemmer is linked into the binary), compounds are matched only as written, and
/// ``warning`` says so; the command line prints it once on stderr. Screening results then differ from a
/// full installation in the compounds they find, which is why the warning is never silent.
/// ```swift
/// let forms = WordForms.shared.forms(of: "huurschulden")
/// forms.stem            // "huurschuld"
/// forms.heads           // [WordForms.Head(key: "schulden", stem: "schuld")]
/// WordForms.shared.warning // nil when nl.aff/nl.dic were found
/// ```
public final class WordForms: Sendable {
    /// A compound's head: the word from a split point to its end, folded like a token key, and its stem.
    public struct Head: Sendable, Hashable {
        public var key: String
        public var stem: String
    }

    /// What the matcher needs of one word.
    public struct Forms: Sendable, Hashable {
        public var stem: String
        /// Longest first; empty when the word is no compound (or the dictionary is missing).
        public var heads: [Head]
    }

    private let stemmer: DutchStemmer?
    private let stemmerProblem: String?
    /// The compound splitter, loaded on a thread of its own: reading the Dutch dictionary takes about as
    /// long as loading a ruleset, so `screen` loads both at once. Asking for it waits until it is loaded;
    /// the answer is the same whenever it is asked.
    private let splitterLoad: SplitterLoad
    private var splitter: CompoundSplitter? { splitterLoad.value.splitter }
    /// Why the morphology is incomplete, for the user; `nil` when stems and compounds both work.
    /// Waits for the dictionary when it is still loading.
    public var warning: String? {
        let problems = [stemmerProblem, splitterLoad.value.problem].compactMap { $0 }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
    private let cache = FormsCache()

    /// The process-wide instance: the standard Dutch dictionary, loaded on first use.
    public static let shared = WordForms()

    /// Morphology from the Dutch Hunspell dictionary found first in `directories`.
    public init(searching directories: [String] = HunspellDictionary.standardDirectories) {
        do {
            stemmer = try DutchStemmer()
            stemmerProblem = nil
        } catch {
            stemmer = nil
            stemmerProblem = "\(error); inflected forms are not matched"
        }
        splitterLoad = SplitterLoad {
            do {
                return (CompoundSplitter(dictionary: try HunspellDictionary.dutch(searching: directories)), nil)
            } catch {
                return (nil, "\(error); compound words are matched only as written")
            }
        }
    }

    /// No morphology at all: every word is its own stem and no word is a compound (for tests).
    public init(disabled: Void) {
        stemmer = nil
        stemmerProblem = nil
        splitterLoad = SplitterLoad(loaded: (nil, nil))
    }

    /// Whether compounds are split (the dictionary was found).
    public var splitsCompounds: Bool { splitter != nil }

    /// The Snowball stem of `word` (lower-cased first); the word itself without a stemmer.
    public func stem(_ word: String) -> String {
        guard let stemmer else { return word.lowercased() }
        return stemmer.stem(word)
    }

    /// The stem and compound heads of `word`, as written (lower-cased, diacritics kept: Hunspell needs
    /// them). A hyphenated word ("ICT-netwerk") has the part after its last hyphen as head.
    public func forms(of word: String) -> Forms {
        if let cached = cache.value(for: word) { return cached }
        let lowered = word.lowercased()
        var heads: [Head] = []
        if let hyphen = lowered.lastIndex(where: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }) {
            let head = String(lowered[lowered.index(after: hyphen)...])
            if head.count >= CompoundSplitter.defaultMinimumPartLength {
                heads.append(Head(key: Self.fold(head), stem: stem(head)))
                heads += forms(of: head).heads
            }
        } else if let splitter {
            heads = splitter.split(lowered).heads.map { Head(key: Self.fold($0), stem: stem($0)) }
        }
        let result = Forms(stem: stem(Self.fold(lowered)), heads: heads)
        cache.store(result, for: word)
        return result
    }

    /// The token key of a word: ``Folding`` applied scalar by scalar, apostrophes and hyphens dropped.
    static func fold(_ word: String) -> String {
        var key = ""
        for scalar in word.unicodeScalars where !Tokenizer.isApostrophe(scalar) && !Tokenizer.isHyphen(scalar) {
            Folding.append(scalar, to: &key)
        }
        return key
    }

    /// How many distinct words have been looked up (for the benchmark).
    public var cachedWordCount: Int { cache.count }
}

/// Forms by word, shared between threads; bounded so a stream of unseen words cannot grow it forever.
private final class FormsCache: @unchecked Sendable {
    static let limit = 500_000
    private let lock = NSLock()
    private var forms: [String: WordForms.Forms] = [:]

    func value(for word: String) -> WordForms.Forms? { lock.withLock { forms[word] } }

    func store(_ value: WordForms.Forms, for word: String) {
        lock.withLock {
            if forms.count < Self.limit { forms[word] = value }
        }
    }

    var count: Int { lock.withLock { forms.count } }
}

/// A compound splitter loaded on a thread of its own, started when the ``WordForms`` is made; ``value``
/// waits for it. The load is a pure function of the dictionary files, so when it finishes changes nothing.
private final class SplitterLoad: @unchecked Sendable {
    typealias Result = (splitter: CompoundSplitter?, problem: String?)
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var result: Result?

    init(loaded: Result) {
        result = loaded
    }

    init(_ load: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            let loaded = load()
            condition.withLock {
                result = loaded
                condition.broadcast()
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    var value: Result {
        condition.withLock {
            while result == nil { condition.wait() }
            return result!
        }
    }
}
