import CStemmer
import Foundation

/// The Snowball Dutch stemmer (libstemmer's `dutch` algorithm), safe to share between threads.
///
/// Stemming strips Dutch inflectional and some derivational endings so that forms of one word
/// meet: "schulden" and "schuld" → "schuld", "klachten" → "klacht", "pesten" and "pestte" →
/// "pest", "eenzaamheid" and "eenzaam" → "eenzam". It is rule-based, not a dictionary lookup:
/// it strips no "ge-" and no present-tense "-t" and knows no strong verbs, so "gepest", "drinkt"
/// and "dronk" each keep a stem of their own, and stems need not be words ("verslaving" →
/// "verslav", apart from "verslaafd"). `Tests/TotaalbeeldMorphologyTests/StemmerTests.swift`
/// lists the indicator forms that do and do not conflate.
///
/// ```swift
/// let stemmer = try DutchStemmer()
/// stemmer.stem("klachten")   // "klacht"
/// stemmer.stem("Schulden")   // "schuld" (input is lower-cased first)
/// ```
///
/// Thread safety: a libstemmer instance keeps its working buffer inside itself, so one instance
/// must never stem two words at once. Each `DutchStemmer` owns one instance and a lock held for
/// the whole of each ``stem(_:)`` call, result copy included; share one `DutchStemmer` between
/// worker threads, or give each worker its own when the lock shows up in a profile (creating
/// one costs a few microseconds and a few hundred bytes). The instance is freed when the
/// `DutchStemmer` is deinitialised, i.e. deterministically when its last reference goes.
public final class DutchStemmer: @unchecked Sendable {
    /// Guarded by `lock`; never nil after `init`.
    private let stemmer: OpaquePointer
    private let lock = NSLock()

    /// Creates a Dutch stemmer working on UTF-8.
    /// - Throws: ``MorphologyError/stemmerUnavailable(algorithm:)`` when libstemmer lacks Dutch.
    public init() throws(MorphologyError) {
        guard let stemmer = sb_stemmer_new("dutch", "UTF_8") else {
            throw .stemmerUnavailable(algorithm: "dutch")
        }
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The Snowball Dutch stem of `word`, lower-cased first. Empty input gives an empty stem.
    /// Snowball removes Dutch diacritics itself ("geëist" and "geeist" stem alike).
    public func stem(_ word: String) -> String {
        var lowered = word.lowercased()
        return lowered.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
            return lock.withLock {
                guard let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
                    // libstemmer returns NULL only when it cannot allocate; the word is its own stem then.
                    return String(decoding: bytes, as: UTF8.self)
                }
                let length = Int(sb_stemmer_length(stemmer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
    }
}
