import CHunspell
import Foundation

/// A Hunspell dictionary (affix file plus word list), safe to share between threads.
///
/// The Dutch one is OpenTaal's (Debian/Ubuntu: `hunspell-nl`), found in the standard places by
/// ``dutch(searching:)``. It holds about 180,000 entries with their inflections and Dutch
/// compounding rules, so ``spell(_:)`` accepts "klachten" and "huurschuld" (built from "huur" and
/// "schuld"), and rejects "museumlaving" ("laving" may not end a compound). ``CompoundSplitter``
/// is built on it.
///
/// ```swift
/// let dictionary = try HunspellDictionary.dutch()
/// dictionary.spell("klachten")      // true
/// dictionary.stems(of: "klachten")  // ["klacht"]
/// dictionary.analyses(of: "huurschuld") // [" pa:huur st:huur pa:schuld"]
/// ```
///
/// Thread safety: Hunspell keeps per-lookup state in the handle, so every call takes the
/// dictionary's lock. Loading the Dutch dictionary takes about 0.07 s and 20 MB: load it
/// once and share it. The handle is freed when the last reference goes.
public final class HunspellDictionary: @unchecked Sendable {
    /// The affix file and word list this dictionary was loaded from.
    public let affixPath: String
    public let dictionaryPath: String
    /// Guarded by `lock`.
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Where ``dutch(searching:)`` looks, in order: the Debian/Ubuntu/Fedora place, then the
    /// local, MySpell-era and Homebrew ones.
    public static let standardDirectories = [
        "/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
        "/opt/homebrew/share/hunspell",
    ]
    /// The file names tried in each directory, without `.aff`/`.dic`.
    public static let dutchNames = ["nl", "nl_NL"]

    /// Loads the Dutch dictionary from the first directory that holds `nl.aff` and `nl.dic`
    /// (or `nl_NL.aff` and `nl_NL.dic`).
    /// - Throws: ``MorphologyError/dictionaryNotFound(searched:)`` naming the directories tried.
    public static func dutch(searching directories: [String] = standardDirectories) throws(MorphologyError) -> HunspellDictionary {
        let files = try dutchFiles(searching: directories)
        return try HunspellDictionary(affixPath: files.affixPath, dictionaryPath: files.dictionaryPath)
    }

    /// The affix file and word list ``dutch(searching:)`` would load, found without loading them (a few
    /// file checks, no Hunspell).
    /// - Throws: ``MorphologyError/dictionaryNotFound(searched:)`` naming the directories tried.
    public static func dutchFiles(searching directories: [String] = standardDirectories) throws(MorphologyError) -> (affixPath: String, dictionaryPath: String) {
        let files = FileManager.default
        for directory in directories {
            for name in dutchNames {
                let affix = directory + "/" + name + ".aff"
                let dictionary = directory + "/" + name + ".dic"
                if files.isReadableFile(atPath: affix) && files.isReadableFile(atPath: dictionary) {
                    return (affix, dictionary)
                }
            }
        }
        throw .dictionaryNotFound(searched: directories)
    }

    /// Loads a dictionary from explicit paths.
    /// - Throws: ``MorphologyError/dictionaryUnreadable(path:)`` when a file is missing or
    ///   unreadable (checked first: Hunspell itself would print to stderr and load nothing),
    ///   ``MorphologyError/unsupportedDictionaryEncoding(_:)`` for a non-UTF-8 dictionary.
    public init(affixPath: String, dictionaryPath: String) throws(MorphologyError) {
        for path in [affixPath, dictionaryPath] where !Self.isReadableFile(path) {
            throw .dictionaryUnreadable(path: path)
        }
        guard let handle = Hunspell_create(affixPath, dictionaryPath) else {
            throw .dictionaryUnreadable(path: affixPath)
        }
        let encoding = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? ""
        guard encoding.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            Hunspell_destroy(handle)
            throw .unsupportedDictionaryEncoding(encoding)
        }
        self.affixPath = affixPath
        self.dictionaryPath = dictionaryPath
        self.handle = handle
    }

    deinit {
        Hunspell_destroy(handle)
    }

    private static func isReadableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isReadableFile(atPath: path)
    }

    /// Whether Hunspell accepts `word`: a listed word, one of its inflections, or a compound the
    /// affix file's compounding rules allow. Case follows Hunspell: lower case always passes,
    /// an initial capital passes for lower-case words.
    public func spell(_ word: String) -> Bool {
        lock.withLock { Hunspell_spell(handle, word) != 0 }
    }

    /// Hunspell's stems of `word` ("klachten" → ["klacht"]). For a compound the Dutch dictionary
    /// gives the stem of the *first* part ("huurschuld" → ["huur"]), so use it on single words,
    /// e.g. on a ``CompoundSplit/head``.
    public func stems(of word: String) -> [String] {
        lock.withLock { strings { Hunspell_stem(handle, $0, word) } }
    }

    /// Hunspell's morphological analyses of `word`, as Hunspell writes them: `st:` stem, `pa:`
    /// compound part, `ts:` tag ("klachten" → [" st:klacht ts:NN2"]). Compound parts appear only
    /// for words accepted through compounding, not for compounds the word list holds whole.
    public func analyses(of word: String) -> [String] {
        lock.withLock { strings { Hunspell_analyze(handle, $0, word) } }
    }

    /// Runs a Hunspell call that fills a `char**` list, copies it and frees it. Caller holds `lock`.
    private func strings(_ call: (UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32) -> [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = call(&list)
        // Frees every entry and the list; safe for an empty or absent list.
        defer { Hunspell_free_list(handle, &list, count) }
        guard count > 0, let items = list else { return [] }
        return (0..<Int(count)).compactMap { items[$0].map { String(cString: $0) } }
    }
}
