/// Why a stemmer or a dictionary could not be set up. Raised by initialisers only: once built,
/// ``DutchStemmer``, ``HunspellDictionary`` and ``CompoundSplitter`` answer every word.
public enum MorphologyError: Error, Equatable, CustomStringConvertible {
    /// No `nl.aff`/`nl.dic` (or `nl_NL.*`) pair in any of the searched directories.
    case dictionaryNotFound(searched: [String])
    /// The named affix or dictionary file does not exist or cannot be read.
    case dictionaryUnreadable(path: String)
    /// Hunspell loaded the files but they are not in UTF-8 (every OpenTaal release is).
    case unsupportedDictionaryEncoding(String)
    /// The installed libstemmer has no algorithm by this name.
    case stemmerUnavailable(algorithm: String)

    public var description: String {
        switch self {
        case .dictionaryNotFound(let searched):
            return "no Dutch Hunspell dictionary (nl.aff and nl.dic, or nl_NL.aff and nl_NL.dic) in "
                + searched.joined(separator: ", ") + "; install hunspell-nl or pass the files' paths"
        case .dictionaryUnreadable(let path):
            return "\(path): cannot read the Hunspell file"
        case .unsupportedDictionaryEncoding(let encoding):
            return "the Hunspell dictionary is encoded in \(encoding); only UTF-8 dictionaries are supported"
        case .stemmerUnavailable(let algorithm):
            return "libstemmer has no '\(algorithm)' stemmer"
        }
    }
}
