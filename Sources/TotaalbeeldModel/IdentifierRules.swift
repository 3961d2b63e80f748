/// What the anonymisation guard of bulk screening knows about direct identifiers: the words that
/// make a full date a date of birth, the month names and number words, the honorifics and surname
/// particles, a list of personal names, IBAN lengths per country and the spellings of obfuscated e-mail
/// addresses. Knowledge only; the detection mechanisms live in TotaalbeeldBatch.
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
    /// How many characters after a birth-context word a date may stand when only ``bridgeWords``, capitalised
    /// words and commas come between ("geboren in het Sint-Antoniusziekenhuis te Nieuwegein op 12-03-1980").
    public var contextReach: Int
    /// Lower-case words that may stand between a birth-context word and a date beyond the window.
    public var bridgeWords: [String]
    /// Lower-case number word → value (1…99; cardinals and ordinals), for dates in words.
    public var numberWords: [String: Int]
    /// Lower-case words joining a unit and a ten ("en" in "zevenenzestig").
    public var numberJoiners: [String]
    /// Lower-case suffixes that make a composed number an ordinal ("ste" in "eenentwintigste").
    public var ordinalSuffixes: [String]
    /// Lower-case word → the hundred it stands for in a year in words ("negentienhonderd" → 1900).
    public var hundredWords: [String: Int]
    /// IBAN country code (upper case) → the IBAN's length in characters.
    public var ibanLengths: [String: Int]
    /// Lower-case spellings of "@" in obfuscated e-mail addresses ("at", "[at]", "apenstaartje").
    public var emailAt: [String]
    /// Lower-case spellings of "." in obfuscated e-mail addresses ("dot", "[punt]").
    public var emailDot: [String]
    /// Lower-case top-level domains that end an obfuscated e-mail address.
    public var topLevelDomains: [String]
    /// Lower-case month name or abbreviation → month number 1…12.
    public var months: [String: Int]
    /// Lower-case honorifics ("mevrouw", "dhr."): a capitalised word after one is a name, listed or not.
    public var honorifics: [String]
    /// Lower-case surname particles ("van", "de", "van der") that may stand between an honorific and a name.
    public var particles: [String]
    public var names: [PersonalName]

    public init(
        id: String, version: String, checksum: String, birthContext: [String], birthElements: [String], contextWindow: Int,
        months: [String: Int], honorifics: [String], particles: [String], names: [PersonalName],
        contextReach: Int = 0, bridgeWords: [String] = [], numberWords: [String: Int] = [:], numberJoiners: [String] = [],
        ordinalSuffixes: [String] = [], hundredWords: [String: Int] = [:], ibanLengths: [String: Int] = [:],
        emailAt: [String] = [], emailDot: [String] = [], topLevelDomains: [String] = []
    ) {
        self.id = id
        self.version = version
        self.checksum = checksum
        self.birthContext = birthContext
        self.birthElements = birthElements
        self.contextWindow = contextWindow
        self.contextReach = contextReach
        self.bridgeWords = bridgeWords
        self.numberWords = numberWords
        self.numberJoiners = numberJoiners
        self.ordinalSuffixes = ordinalSuffixes
        self.hundredWords = hundredWords
        self.ibanLengths = ibanLengths
        self.emailAt = emailAt
        self.emailDot = emailDot
        self.topLevelDomains = topLevelDomains
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
