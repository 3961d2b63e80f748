import TotaalbeeldModel

/// The kinds of direct identifier the anonymisation guard recognises.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case bsn
    case iban
    case email
    case phone
    case postcode = "postcode-house-number"
    case birthDate = "birth-date"
    case name

    /// How the kind is named in `errors.jsonl` and the summary, never with a value.
    public var label: String {
        switch self {
        case .bsn: "citizen service number (BSN, passes the 11-test)"
        case .iban: "bank account number (IBAN, passes the mod-97 check)"
        case .email: "e-mail address"
        case .phone: "phone number"
        case .postcode: "postcode with house number"
        case .birthDate: "full date of birth"
        case .name: "personal name"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Where the guard found an identifier: its kind and position, deliberately not its value.
public struct IdentifierHit: Sendable, Hashable, Comparable {
    public var kind: IdentifierKind
    public var line: Int
    public var column: Int

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.line, lhs.column, lhs.kind) < (rhs.line, rhs.column, rhs.kind) }
}

/// The anonymisation guard of `totaalbeeld batch --anonymised`: finds direct identifiers in a dossier's
/// raw text — element content, attribute values and comments alike.
///
/// Mechanisms here, knowledge in `Rulesets/identifiers-nl.xml` (``IdentifierRules``):
/// - **BSN**: nine digits (also `1234.56.789`, `123 456 789`) that pass the 11-test; a number failing it is not one.
/// - **IBAN**: a listed country code, two check digits and the account number with the country's length, written
///   together or in groups of four (spaces or hyphens), that passes the ISO 13616 mod-97 check.
/// - **e-mail**: `local@domain.tld`, and obfuscated: `naam at provider dot nl`, `naam [at] provider [punt] nl`,
///   ending in a listed top-level domain.
/// - **phone**: Dutch numbers: `06-12345678`, `020 123 4567`, `0345-123456`, `+31 6 12345678`, `+31 (0)20 …`, `0031 …`.
/// - **postcode with house number**: `1234 AB 12`, `1234AB, 12a`, or a house number before it (`12, 1234 AB`).
///   A postcode alone names a street, not a person, and is let through.
/// - **date of birth**: a full date (`3-4-1980`, `1980-04-03`, `3 april 1980`, `twaalf maart negentienhonderdtachtig`,
///   `March 12, 1980`, `12th of March 1980`) with birth context within the list's window — or further after it with
///   only bridge words and place names between — or as the value of a birth-date element or attribute. Intake and
///   source dates pass.
/// - **name**: a capitalised listed name; a listed name that is also a Dutch word (Bakker, Roos) only beside an
///   honorific or another listed name; any capitalised word after an honorific ("mevrouw Hoogendoorn"); in lower
///   case, a listed given name followed by a listed family name ("jan jansen", not both ordinary words) or a listed
///   name after an honorific ("mevrouw jansen").
/// ```swift
/// let hits = guard.scan(bytes)   // [IdentifierHit(kind: .phone, line: 14, column: 33)]
/// ```
public struct IdentifierGuard: Sendable {
    public let rules: IdentifierRules
    private let birthContext: [[UInt8]]
    private let birthElements: Set<String>
    private let months: [String: Int]
    private let honorifics: [[String]]
    private let particles: Set<String>
    /// Lower-cased name (tokens joined by one space) → the name.
    private let names: [String: PersonalName]
    private let longestName: Int
    private let dateWords: DateWords
    private let bridgeWords: Set<String>
    private let obfuscation: EmailObfuscation

    public init(rules: IdentifierRules) {
        self.rules = rules
        birthContext = rules.birthContext.map { Array($0.utf8) }
        birthElements = Set(rules.birthElements.map { $0.lowercased() })
        months = rules.months
        honorifics = rules.honorifics.map { Self.words($0) }
        particles = Set(rules.particles)
        var names: [String: PersonalName] = [:]
        for name in rules.names { names[Self.words(name.text.lowercased()).joined(separator: " ")] = name }
        self.names = names
        longestName = rules.names.map { Self.words($0.text).count }.max() ?? 1
        dateWords = DateWords(rules)
        bridgeWords = Set(rules.bridgeWords)
        obfuscation = EmailObfuscation(at: rules.emailAt, dot: rules.emailDot, topLevelDomains: rules.topLevelDomains)
    }

    /// Scans a whole XML file; hits in document order, one per kind and line.
    public func scan(_ bytes: [UInt8]) -> [IdentifierHit] {
        scan(bytes, units: TextUnits.units(in: bytes))
    }

    /// Scans plain text (an error message, a test sentence) as one unit.
    public func scan(text: String) -> [IdentifierHit] {
        let bytes = Array(text.utf8)
        return scan(bytes, units: [TextUnit(range: 0..<bytes.count, context: "")])
    }

    /// Byte ranges of every identifier in `text`, for redacting messages.
    func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        found(in: bytes, unit: TextUnit(range: 0..<bytes.count, context: "")).map(\.range)
    }

    private func scan(_ bytes: [UInt8], units: [TextUnit]) -> [IdentifierHit] {
        var found: [(kind: IdentifierKind, range: Range<Int>)] = []
        for unit in units { found += self.found(in: bytes, unit: unit) }
        guard !found.isEmpty else { return [] }
        let lines = LineTable(bytes)
        var seen = Set<String>()
        var hits: [IdentifierHit] = []
        for (kind, range) in found {
            let (line, column) = lines.position(of: range.lowerBound)
            if seen.insert("\(kind.rawValue):\(line)").inserted { hits.append(IdentifierHit(kind: kind, line: line, column: column)) }
        }
        return hits.sorted()
    }

    private func found(in bytes: [UInt8], unit: TextUnit) -> [(kind: IdentifierKind, range: Range<Int>)] {
        let scanner = UnitScanner(bytes: bytes, range: unit.range)
        var found: [(kind: IdentifierKind, range: Range<Int>)] = []
        // Account numbers first: their digit groups are neither phone numbers nor service numbers.
        let ibans = scanner.ibans(lengths: rules.ibanLengths)
        found += ibans.map { (.iban, $0) }
        var dates = scanner.dates(months: months)
        dates += scanner.datesInWords(dateWords).filter { candidate in !dates.contains { $0.overlaps(candidate) } }
        for date in dates where isBirthDate(date, in: bytes, unit: unit) { found.append((.birthDate, date)) }
        let phones = scanner.phones(avoiding: dates + ibans)
        found += phones.map { (.phone, $0) }
        found += scanner.serviceNumbers(avoiding: dates + phones + ibans).map { (.bsn, $0) }
        found += scanner.postcodes(avoiding: dates + phones + ibans).map { (.postcode, $0) }
        let emails = scanner.emails()
        found += emails.map { (.email, $0) }
        found += scanner.obfuscatedEmails(obfuscation).filter { candidate in !emails.contains { $0.overlaps(candidate) } }.map { (.email, $0) }
        found += names(in: bytes, unit: unit).map { (.name, $0) }
        return found
    }

    // MARK: Dates of birth

    private func isBirthDate(_ date: Range<Int>, in bytes: [UInt8], unit: TextUnit) -> Bool {
        if birthElements.contains(unit.context) { return true }
        let window = rules.contextWindow
        let reach = max(window, rules.contextReach)
        let lower = max(unit.range.lowerBound, date.lowerBound - reach)
        let upper = min(unit.range.upperBound, date.upperBound + window)
        for word in birthContext {
            var i = lower
            while i + word.count <= upper {
                if ASCII.matches(word, in: bytes, at: i),
                   i == unit.range.lowerBound || !ASCII.isLetter(bytes[i - 1]),
                   word.last == UInt8(ascii: ".") || i + word.count >= unit.range.upperBound || !ASCII.isLetter(bytes[i + word.count]) {
                    // Within the window on either side; further before the date only across a bridge.
                    if i >= date.lowerBound - window { return true }
                    if bridges(from: i + word.count, to: date.lowerBound, in: bytes) { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// Whether only bridge words ("in", "het", "te", "op"), capitalised words (places) and commas stand between
    /// `start` and `end`: "geboren| in het Sint-Antoniusziekenhuis te Nieuwegein op |12-03-1980".
    private func bridges(from start: Int, to end: Int, in bytes: [UInt8]) -> Bool {
        guard start <= end else { return false }
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == UInt8(ascii: ",") { i += 1; continue }
            var k = i
            while k < end, bytes[k] != 0x20, bytes[k] != 0x0A, bytes[k] != 0x09, bytes[k] != UInt8(ascii: ",") { k += 1 }
            let word = String(decoding: bytes[i..<k], as: UTF8.self)
            guard let first = word.unicodeScalars.first, !word.contains(where: \.isNumber) else { return false }
            guard bridgeWords.contains(word.lowercased()) || (first.properties.isUppercase && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }) else { return false }
            i = k
        }
        return true
    }

    // MARK: Names

    private struct Token {
        var range: Range<Int>
        var lower: String
        var capitalised: Bool
        /// Followed directly by a full stop ("dhr.").
        var dotted: Bool
    }

    private func names(in bytes: [UInt8], unit: TextUnit) -> [Range<Int>] {
        let tokens = Self.tokens(bytes, unit.range)
        // Every name starts with a capital, a listed name or a particle ("de vries"): text without one has none.
        guard tokens.contains(where: { $0.capitalised || names[$0.lower] != nil || particles.contains($0.lower) }) else { return [] }
        var found: [Range<Int>] = []
        var i = 0
        func listed(_ start: Int, _ length: Int) -> PersonalName? {
            guard start + length <= tokens.count, tokens[start + length - 1].capitalised else { return nil }
            return names[tokens[start..<(start + length)].map(\.lower).joined(separator: " ")]
        }
        /// The longest listed name at `start` in any case, with its length in tokens.
        func listedAnyCase(_ start: Int) -> (PersonalName, Int)? {
            for length in stride(from: min(longestName, tokens.count - start), through: 1, by: -1) {
                if let name = names[tokens[start..<(start + length)].map(\.lower).joined(separator: " ")] { return (name, length) }
            }
            return nil
        }
        /// Whether an honorific, perhaps followed by particles ("mevrouw van der"), ends just before `index`.
        func followsHonorific(_ index: Int) -> Bool {
            var j = index
            while j > 0, !tokens[j - 1].capitalised, particles.contains(tokens[j - 1].lower), !honorificEnds(at: j) { j -= 1 }
            return honorificEnds(at: j)
        }
        func honorificEnds(at index: Int) -> Bool {
            for honorific in honorifics {
                let words = honorific.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
                let start = index - words.count
                guard start >= 0 else { continue }
                let matches = zip(tokens[start..<index], words).allSatisfy { $0.lower == $1 }
                if matches, !(honorific.last?.hasSuffix(".") ?? false) || tokens[index - 1].dotted { return true }
            }
            return false
        }
        while i < tokens.count {
            defer { i += 1 }
            // Longest listed name starting here (particles included).
            var matched: (PersonalName, Int)?
            for length in stride(from: min(longestName, tokens.count - i), through: 1, by: -1) {
                if let name = listed(i, length) { matched = (name, length); break }
            }
            if let (name, length) = matched {
                let neighbourBefore = i > 0 && tokens[i - 1].capitalised && names[tokens[i - 1].lower] != nil
                let neighbourAfter = i + length < tokens.count && tokens[i + length].capitalised && names[tokens[i + length].lower] != nil
                if !name.commonWord || length > 1 || followsHonorific(i) || neighbourBefore || neighbourAfter {
                    found.append(tokens[i].range.lowerBound..<tokens[i + length - 1].range.upperBound)
                    i += length - 1
                    continue
                }
            }
            if tokens[i].capitalised, !particles.contains(tokens[i].lower), followsHonorific(i) {
                found.append(tokens[i].range)
                continue
            }
            // In lower case a listed name alone may be a word ("huisman", "zwart", "ton"): it counts after an
            // honorific, or as a given name followed by a family name, not both ordinary words ("jan jansen").
            // (Every listed name of several words starts with a particle: "de vries", "el amrani".)
            guard !tokens[i].capitalised, names[tokens[i].lower] != nil || particles.contains(tokens[i].lower), let (name, length) = listedAnyCase(i) else { continue }
            if followsHonorific(i) {
                found.append(tokens[i].range.lowerBound..<tokens[i + length - 1].range.upperBound)
                i += length - 1
                continue
            }
            if name.kind == .given, length == 1, i + 1 < tokens.count, !tokens[i].dotted,
               names[tokens[i + 1].lower] != nil || particles.contains(tokens[i + 1].lower), let (family, familyLength) = listedAnyCase(i + 1),
               family.kind == .family, !(name.commonWord && family.commonWord) {
                found.append(tokens[i].range.lowerBound..<tokens[i + familyLength].range.upperBound)
                i += familyLength
            }
        }
        return found
    }

    /// Words: runs of letters (ASCII or any non-ASCII UTF-8), with internal apostrophes and hyphens.
    private static func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard ASCII.isLetter(bytes[i]) else { i += 1; continue }
            let start = i
            while i < range.upperBound, ASCII.isLetter(bytes[i]) || ((bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "'")) && i + 1 < range.upperBound && ASCII.isLetter(bytes[i + 1])) { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            let capitalised = word.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            tokens.append(Token(range: start..<i, lower: word.lowercased(), capitalised: capitalised, dotted: i < range.upperBound && bytes[i] == UInt8(ascii: ".")))
        }
        return tokens
    }

    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }
}

/// ASCII helpers over bytes; any non-ASCII byte counts as a letter (UTF-8 letters such as é, ş).
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }

    /// Whether lower-case `word` is written at `offset`, ignoring ASCII case.
    static func matches(_ word: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + word.count <= bytes.count else { return false }
        for (k, byte) in word.enumerated() where lower(bytes[offset + k]) != byte { return false }
        return true
    }
}

/// Byte offset → 1-based line and column (in Unicode scalars).
struct LineTable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        for i in starts[low]..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (low + 1, column)
    }
}
