/// What the anonymisation guard of bulk screening knows about direct identifiers: the words that
/// make a full date a date of birth, the month names, the honorifics and surname particles, and a
/// list of personal names. Knowledge only; the detection mechanisms live in TotaalbeeldBatch.
///
/// Loaded from `Rulesets/identifiers-nl.xml` (format `urn:totaalbeeld:identifiers:1`).
/// ```swift
/// rules.birthContext   // ["geboren", "geboortedatum", "geb.", …]
/// rules.names.first    // PersonalName(text: "Jansen", kind: .family, commonWord: false)
/// ```
public struct IdentifierRules: Sendable, Hashable {
    public var id: String
    public var version: String
    /// SHA-256 of the file, so a batch run can record which list it checked against.
    public var checksum: String
    /// Lower-case words or phrases that make a nearby full date a date of birth.
    public var birthContext: [String]
    /// Lower-case element and attribute local names whose value, when a full date, is a date of birth.
    public var birthElements: [String]
    /// How many characters before and after a date are searched for birth context.
    public var contextWindow: Int
    /// Lower-case month name or abbreviation → month number 1…12.
    public var months: [String: Int]
    /// Lower-case honorifics ("mevrouw", "dhr."): a capitalised word after one is a name, listed or not.
    public var honorifics: [String]
    /// Lower-case surname particles ("van", "de", "van der") that may stand between an honorific and a name.
    public var particles: [String]
    public var names: [PersonalName]

    public init(
        id: String, version: String, checksum: String, birthContext: [String], birthElements: [String], contextWindow: Int,
        months: [String: Int], honorifics: [String], particles: [String], names: [PersonalName]
    ) {
        self.id = id
        self.version = version
        self.checksum = checksum
        self.birthContext = birthContext
        self.birthElements = birthElements
        self.contextWindow = contextWindow
        self.months = months
        self.honorifics = honorifics
        self.particles = particles
        self.names = names
    }
}

/// One name of the guard's list. A name that is also an ordinary Dutch word (Bakker, Visser, Roos)
/// counts only beside an honorific or another listed name.
public struct PersonalName: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case given, family }
    /// As written, with particles for family names ("de Vries", "van den Berg").
    public var text: String
    public var kind: Kind
    public var commonWord: Bool

    public init(text: String, kind: Kind, commonWord: Bool) {
        self.text = text
        self.kind = kind
        self.commonWord = commonWord
    }
}
