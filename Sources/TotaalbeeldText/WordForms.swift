import Foundation
import TotaalbeeldMorphology

/// The Dutch morphology the term matcher uses: Snowball stems for inflected forms of one-word terms
/// ("klachten" → "klacht"), and the heads of compounds ("huurschuld" → "schuld", "rugpijnklachten" →
/// "pijnklachten", "klachten") from ``CompoundSplitter`` over OpenTaal's Hunspell dictionary.
///
/// One instance per process is enough and is what ``shared`` gives: the Hunspell dictionary takes a
/// tenth of a second and 20 MB to load, so ``shared`` loads it on a thread of its own from its first use;
/// another instance loads it when a word must first be split, or after ``preloadDictionary()``. Only
/// words one of whose possible heads could matter to the matcher are split (``TermReading``). The forms of every distinct word are computed once and cached
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
    /// The compound splitter, loaded the first time a word is split (on the asking thread), or earlier on
    /// a thread of its own after ``preloadDictionary()``. Asking for it waits until it is loaded; the
    /// answer is the same whenever and wherever it is loaded.
    private let splitterLoad: SplitterLoad
    private var splitter: CompoundSplitter? { splitterLoad.value.splitter }
    /// Why the morphology is incomplete, for the user; `nil` when stems and compounds both work.
    /// A missing dictionary is known without loading it; a dictionary that is found but fails to load
    /// is reported once a load has started (until then no word needed a split, so the reading is that of
    /// a full installation). Waits for the dictionary when it is still loading.
    public var warning: String? {
        let problems = [stemmerProblem, splitterLoad.startedValue.map(\.problem) ?? splitterLoad.locateProblem].compactMap { $0 }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
    private let cache = FormsCache()

    /// The process-wide instance: the standard Dutch dictionary, which starts loading on a thread of its
    /// own when this is first used (nearly every dossier has a compound that must be split).
    public static let shared: WordForms = {
        let forms = WordForms()
        forms.preloadDictionary()
        return forms
    }()

    /// Morphology from the Dutch Hunspell dictionary found first in `directories`.
    public init(searching directories: [String] = HunspellDictionary.standardDirectories) {
        do {
            stemmer = try DutchStemmer()
            stemmerProblem = nil
        } catch {
            stemmer = nil
            stemmerProblem = "\(error); inflected forms are not matched"
        }
        @Sendable func problem(_ error: MorphologyError) -> String { "\(error); compound words are matched only as written" }
        do {
            let files = try HunspellDictionary.dutchFiles(searching: directories)
            splitterLoad = SplitterLoad {
                do throws(MorphologyError) {
                    return (CompoundSplitter(dictionary: try HunspellDictionary(affixPath: files.affixPath, dictionaryPath: files.dictionaryPath)), nil)
                } catch {
                    return (nil, problem(error))
                }
            }
        } catch {
            splitterLoad = SplitterLoad(loaded: (nil, problem(error)))
        }
    }

    /// No morphology at all: every word is its own stem and no word is a compound (for tests).
    public init(disabled: Void) {
        stemmer = nil
        stemmerProblem = nil
        splitterLoad = SplitterLoad(loaded: (nil, nil))
    }

    /// Whether the Dutch dictionary knows `word` as written (Hunspell's rules: an inflection, an allowed
    /// compound, an initial capital on a lower-case word); `nil` without a dictionary. Waits for the
    /// dictionary to load, or loads it.
    public func isDutchWord(_ word: String) -> Bool? { splitter?.dictionary.spell(word) }

    /// Whether compounds are split (the dictionary was found and loads; loads it).
    public var splitsCompounds: Bool { splitter != nil }

    /// Starts loading the dictionary on a thread of its own, unless it is loaded or loading, so the load
    /// overlaps other work (reading the ruleset). Call ``warning`` before the process exits, which waits
    /// for the load to end: the process must not exit while that thread is inside Hunspell.
    public func preloadDictionary() { splitterLoad.preload() }

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

    /// The stem ``forms(of:)`` gives `word`, without its compound heads: for a word none of whose heads
    /// can matter to the caller. Never splits, so never loads the dictionary, and caches nothing (the
    /// cache holds whole forms only: it is shared by callers that need the heads).
    public func stem(ofWord word: String) -> String {
        if let cached = cache.value(for: word) { return cached.stem }
        return stem(Self.fold(word.lowercased()))
    }

    /// Every piece of `word` that ``forms(of:)`` could give as a compound head, as it would give it
    /// (lower-cased): each suffix that leaves something before it and is at least
    /// ``CompoundSplitter/defaultMinimumPartLength`` characters long. A head is always one of them: the
    /// splitter's heads run from a split point to the end of the word, and a hyphenated word's heads are
    /// the part after its last hyphen and that part's heads.
    public static func possibleHeads(of word: String) -> [String] {
        let lowered = word.lowercased()
        var remaining = lowered.count
        var start = lowered.startIndex
        var heads: [String] = []
        while remaining > CompoundSplitter.defaultMinimumPartLength {
            lowered.formIndex(after: &start)
            remaining -= 1
            heads.append(String(lowered[start...]))
        }
        return heads
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

/// A compound splitter loaded once: by the first thread that asks for it, or ahead of time by a thread
/// of its own (``preload()``); ``value`` waits while it loads. The load is a pure function of the
/// dictionary files, so when and where it runs changes nothing.
private final class SplitterLoad: @unchecked Sendable {
    typealias Result = (splitter: CompoundSplitter?, problem: String?)
    private enum State {
        case notStarted(@Sendable () -> Result)
        case loading
        case loaded(Result)
    }
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var state: State
    /// Why no dictionary can load, known without loading: the files are missing. `nil` when found.
    let locateProblem: String?

    init(loaded: Result) {
        state = .loaded(loaded)
        locateProblem = loaded.problem
    }

    init(_ load: @escaping @Sendable () -> Result) {
        state = .notStarted(load)
        locateProblem = nil
    }

    /// Starts the load on a thread of its own, unless it has started.
    func preload() {
        guard let load = start() else { return }
        let thread = Thread { [self] in finish(load()) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The loaded splitter: loaded on this thread when no load has started, waited for when one has.
    var value: Result {
        if let load = start() {
            let loaded = load()
            finish(loaded)
            return loaded
        }
        return condition.withLock {
            while true {
                if case .loaded(let result) = state { return result }
                condition.wait()
            }
        }
    }

    /// The load's result once a load has started (waiting for it to end); `nil` when none has.
    var startedValue: Result? {
        condition.withLock {
            while case .loading = state { condition.wait() }
            if case .loaded(let result) = state { return result }
            return nil
        }
    }

    /// The load to run, marking it started; `nil` when it has started already.
    private func start() -> (@Sendable () -> Result)? {
        condition.withLock {
            guard case .notStarted(let load) = state else { return nil }
            state = .loading
            return load
        }
    }

    private func finish(_ result: Result) {
        condition.withLock {
            state = .loaded(result)
            condition.broadcast()
        }
    }
}
