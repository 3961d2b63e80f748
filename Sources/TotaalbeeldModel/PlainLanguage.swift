/// Plain words for the letter to the client, keyed by a ruleset's ids: names for life domains and
/// conversation themes, a sentence per strength, and the jargon the letter must not contain.
///
/// ```swift
/// let plain = try PlainLanguageLoader.load(contentsOf: "Rulesets/plain-nl.xml", ruleset: ruleset, schemas: schemas)
/// plain.domains["ziekte"]?[.nl] // "uw gezondheid"
/// ```
public struct PlainLanguage: Sendable {
    public var id: String
    public var version: String
    public var ruleset: String
    public var domains: [String: LocalizedText]
    public var themes: [String: LocalizedText]
    /// Indicator (or level-2 factor) id → one sentence about the client: "U heeft al gewerkt."
    public var strengths: [String: LocalizedText]
    /// Terms in lower case; a term matches at the start of a word ("traject" finds "trajecten").
    public var jargon: [String]

    public init(id: String, version: String, ruleset: String, domains: [String: LocalizedText], themes: [String: LocalizedText], strengths: [String: LocalizedText], jargon: [String]) {
        self.id = id
        self.version = version
        self.ruleset = ruleset
        self.domains = domains
        self.themes = themes
        self.strengths = strengths
        self.jargon = jargon
    }

    /// The jargon terms found in `text`, each once, in list order. A term matches where a word starts.
    public func jargon(in text: String) -> [String] {
        let lowered = Array(text.lowercased())
        return jargon.filter { term in
            let needle = Array(term)
            guard !needle.isEmpty, needle.count <= lowered.count else { return false }
            for start in 0...(lowered.count - needle.count) where start == 0 || !lowered[start - 1].isLetter {
                if Array(lowered[start..<start + needle.count]) == needle { return true }
            }
            return false
        }
    }
}
