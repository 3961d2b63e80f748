import TotaalbeeldModel

/// The digit-based identifier mechanisms of the guard, over one text unit's bytes.
///
/// Dates are found first: their digits never count towards a phone number or a BSN, so
/// "06-12-2010 12" is a date and a number, not a mobile number.
struct UnitScanner {
    let bytes: [UInt8]
    let range: Range<Int>

    private func digit(_ i: Int) -> Bool { i >= range.lowerBound && i < range.upperBound && ASCII.isDigit(bytes[i]) }
    private func letter(_ i: Int) -> Bool { i >= range.lowerBound && i < range.upperBound && ASCII.isLetter(bytes[i]) }
    private func byte(_ i: Int) -> UInt8? { i >= range.lowerBound && i < range.upperBound ? bytes[i] : nil }

    /// End of the digit run starting at `i`.
    private func digitsEnd(_ i: Int) -> Int {
        var k = i
        while digit(k) { k += 1 }
        return k
    }

    private func value(_ r: Range<Int>) -> Int {
        r.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
    }

    /// Starts of digit runs (a digit not preceded by a digit).
    private var runStarts: [Int] {
        range.filter { digit($0) && !digit($0 - 1) }
    }

    // MARK: Full dates

    /// `d-m-yyyy`, `d/m/yyyy`, `d.m.yyyy`, `yyyy-mm-dd`, `d <month> yyyy`.
    func dates(months: [String: Int]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in runStarts where !letter(start - 1) {
            let first = start..<digitsEnd(start)
            if first.count <= 2, let separator = byte(first.upperBound), [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(separator), digit(first.upperBound + 1) {
                let second = (first.upperBound + 1)..<digitsEnd(first.upperBound + 1)
                if second.count <= 2, byte(second.upperBound) == separator, digit(second.upperBound + 1) {
                    let third = (second.upperBound + 1)..<digitsEnd(second.upperBound + 1)
                    if third.count == 4, Self.plausible(day: value(first), month: value(second), year: value(third)), !letter(third.upperBound) {
                        found.append(start..<third.upperBound)
                        continue
                    }
                }
            }
            if first.count == 4, byte(first.upperBound) == UInt8(ascii: "-"), digit(first.upperBound + 1) {
                let second = (first.upperBound + 1)..<digitsEnd(first.upperBound + 1)
                if second.count == 2, byte(second.upperBound) == UInt8(ascii: "-"), digit(second.upperBound + 1) {
                    let third = (second.upperBound + 1)..<digitsEnd(second.upperBound + 1)
                    if third.count == 2, Self.plausible(day: value(third), month: value(second), year: value(first)), !letter(third.upperBound) {
                        found.append(start..<third.upperBound)
                        continue
                    }
                }
            }
            if first.count <= 2, let end = dateInWords(day: first, months: months) { found.append(start..<end) }
        }
        return found
    }

    /// `3 april 1980`, `3 apr. 1980`, `3 april, 1980`: the end offset, if written after the day at `day`.
    private func dateInWords(day: Range<Int>, months: [String: Int]) -> Int? {
        var k = day.upperBound
        guard byte(k) == 0x20 else { return nil }
        while byte(k) == 0x20 { k += 1 }
        let wordStart = k
        while letter(k) { k += 1 }
        guard k > wordStart, let month = months[String(decoding: bytes[wordStart..<k], as: UTF8.self).lowercased()] else { return nil }
        if byte(k) == UInt8(ascii: ".") { k += 1 }
        if byte(k) == UInt8(ascii: ",") { k += 1 }
        guard byte(k) == 0x20 else { return nil }
        while byte(k) == 0x20 { k += 1 }
        let year = k..<digitsEnd(k)
        guard year.count == 4, Self.plausible(day: value(day), month: month, year: value(year)) else { return nil }
        return year.upperBound
    }

    static func plausible(day: Int, month: Int, year: Int) -> Bool {
        (1...31).contains(day) && (1...12).contains(month) && (1900...2099).contains(year)
    }

    // MARK: Phone numbers

    /// Dutch numbers: ten digits from a leading 0 (`06…`, a 3- or 4-digit area code), or nine after
    /// `+31`/`0031` (optionally `(0)`), in groups separated by one space or hyphen.
    func phones(avoiding taken: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            guard !digit(i - 1), !letter(i - 1), !taken.contains(where: { $0.contains(i) }) else { continue }
            var k = i
            var international = false
            if byte(k) == UInt8(ascii: "+"), byte(k + 1) == UInt8(ascii: "3"), byte(k + 2) == UInt8(ascii: "1") {
                k += 3
                international = true
            } else if byte(k) == UInt8(ascii: "0"), byte(k + 1) == UInt8(ascii: "0"), byte(k + 2) == UInt8(ascii: "3"), byte(k + 3) == UInt8(ascii: "1") {
                k += 4
                international = true
            } else if byte(k) == UInt8(ascii: "(") , byte(k + 1) == UInt8(ascii: "0") {
                // (020) 123 4567
                k += 1
            } else if byte(k) != UInt8(ascii: "0") {
                continue
            }
            if international {
                if byte(k) == 0x20 || byte(k) == UInt8(ascii: "-") { k += 1 }
                if byte(k) == UInt8(ascii: "("), byte(k + 1) == UInt8(ascii: "0"), byte(k + 2) == UInt8(ascii: ")") {
                    k += 3
                    if byte(k) == 0x20 || byte(k) == UInt8(ascii: "-") { k += 1 }
                }
                guard digit(k), bytes[k] != UInt8(ascii: "0") else { continue }
            }
            // Digit groups separated by single separators; parentheses only around the area code.
            var groups: [Range<Int>] = []
            var total = 0
            let needed = international ? 9 : 10
            var j = k
            while total < needed, digit(j) {
                let group = j..<digitsEnd(j)
                groups.append(group)
                total += group.count
                j = group.upperBound
                if groups.count == 1, byte(j) == UInt8(ascii: ")") { j += 1 }
                if total < needed, let separator = byte(j), separator == 0x20 || separator == UInt8(ascii: "-"), digit(j + 1) { j += 1 } else { break }
            }
            guard total == needed, let last = groups.last, !digit(last.upperBound), !letter(last.upperBound) else { continue }
            guard !taken.contains(where: { $0.overlaps(i..<last.upperBound) }) else { continue }
            if !international {
                // The first group is 06, an area code of 3 or 4 digits, or the whole number.
                let first = groups[0]
                let prefix = value(first.lowerBound..<min(first.upperBound, first.lowerBound + 2))
                switch first.count {
                case 10: guard bytes[first.lowerBound + 1] != UInt8(ascii: "0") else { continue }
                case 2: guard prefix == 6 else { continue }
                case 3, 4: guard bytes[first.lowerBound + 1] != UInt8(ascii: "0") else { continue }
                default: continue
                }
            }
            found.append(i..<last.upperBound)
            i = last.upperBound
        }
        return found
    }

    // MARK: Citizen service numbers

    /// Nine digits written together, as `1234.56.789` or as `123 456 789`, that pass the 11-test.
    func serviceNumbers(avoiding taken: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in runStarts where !taken.contains(where: { $0.contains(start) }) {
            // Not the tail of a longer number ("12-123456782").
            let joiners: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")]
            if let before = byte(start - 1), joiners.contains(before), digit(start - 2) { continue }
            let first = start..<digitsEnd(start)
            var digits: [Int] = []
            var end = first.upperBound
            switch first.count {
            case 9:
                digits = first.map { Int(bytes[$0] - 0x30) }
            case 4, 3:
                // 1234.56.789 or 123 456 789 / 123.456.789
                let shape = first.count == 4 ? [2, 3] : [3, 3]
                var k = first.upperBound
                let separator = byte(k)
                guard separator == UInt8(ascii: ".") || (first.count == 3 && separator == 0x20) else { continue }
                digits = first.map { Int(bytes[$0] - 0x30) }
                var ok = true
                for length in shape {
                    guard byte(k) == separator, digit(k + 1) else { ok = false; break }
                    let group = (k + 1)..<digitsEnd(k + 1)
                    guard group.count == length else { ok = false; break }
                    digits += group.map { Int(bytes[$0] - 0x30) }
                    k = group.upperBound
                }
                guard ok else { continue }
                end = k
            default:
                continue
            }
            // Nor the head of one ("123456782-12", "123456782.5").
            if digit(end) { continue }
            if let after = byte(end), joiners.contains(after), digit(end + 1) { continue }
            guard !taken.contains(where: { $0.overlaps(start..<end) }), Self.passesElevenTest(digits) else { continue }
            found.append(start..<end)
        }
        return found
    }

    /// The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and the number is not all zeros).
    static func passesElevenTest(_ digits: [Int]) -> Bool {
        guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += (index == 8 ? -1 : 9 - index) * digit }
        return sum % 11 == 0
    }

    // MARK: Postcodes with house numbers

    /// `1234 AB` (letters not SA, SD or SS) followed by a house number, or preceded by one (`Dorpsstraat 12, 1234 AB`).
    func postcodes(avoiding taken: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in runStarts where !letter(start - 1) && !taken.contains(where: { $0.contains(start) }) {
            let number = start..<digitsEnd(start)
            guard number.count == 4, bytes[start] != UInt8(ascii: "0") else { continue }
            var k = number.upperBound
            if byte(k) == 0x20 { k += 1 }
            guard let a = byte(k), let b = byte(k + 1), ASCII.isUpper(a), ASCII.isUpper(b), !letter(k + 2) else { continue }
            if a == UInt8(ascii: "S"), [UInt8(ascii: "A"), UInt8(ascii: "D"), UInt8(ascii: "S")].contains(b) { continue }
            let postcodeEnd = k + 2
            // House number after: ", 12", " 12a", " 12-3".
            var h = postcodeEnd
            if byte(h) == UInt8(ascii: ",") { h += 1 }
            if byte(h) == 0x20 {
                while byte(h) == 0x20 { h += 1 }
                let house = h..<digitsEnd(h)
                if (1...5).contains(house.count), bytes[house.lowerBound] != UInt8(ascii: "0") {
                    found.append(start..<house.upperBound)
                    continue
                }
            }
            // House number before: "Dorpsstraat 12, 1234 AB" / "12a 1234 AB".
            var b0 = start - 1
            if byte(b0) == 0x20 {
                b0 -= 1
                if byte(b0) == UInt8(ascii: ",") { b0 -= 1 }
                if letter(b0), digit(b0 - 1) { b0 -= 1 }
                var d = b0
                while digit(d) { d -= 1 }
                let house = (d + 1)..<(b0 + 1)
                if (1...5).contains(house.count), byte(d) == 0x20, letter(d - 1) {
                    found.append(house.lowerBound..<postcodeEnd)
                }
            }
        }
        return found
    }

    // MARK: E-mail addresses

    func emails() -> [Range<Int>] {
        var found: [Range<Int>] = []
        for at in range where bytes[at] == UInt8(ascii: "@") {
            func localByte(_ i: Int) -> Bool {
                guard let b = byte(i) else { return false }
                return ASCII.isDigit(b) || (b < 0x80 && ASCII.isLetter(b)) || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(b)
            }
            func domainByte(_ i: Int) -> Bool {
                guard let b = byte(i) else { return false }
                return ASCII.isDigit(b) || (b < 0x80 && ASCII.isLetter(b)) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            }
            var start = at
            while localByte(start - 1) { start -= 1 }
            var end = at + 1
            while domainByte(end) { end += 1 }
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let domain = bytes[(at + 1)..<end]
            guard let dot = domain.lastIndex(of: UInt8(ascii: ".")), dot > at + 1 else { continue }
            let tld = bytes[(dot + 1)..<end]
            guard tld.count >= 2, tld.allSatisfy({ $0 < 0x80 && ASCII.isLetter($0) }) else { continue }
            found.append(start..<end)
        }
        return found
    }
}

// MARK: - IBANs

extension UnitScanner {
    private func alphanumeric(_ i: Int) -> Bool { digit(i) || letter(i) }

    /// IBANs (ISO 13616): a listed country code (either case), two check digits, then letters and digits up to the
    /// country's length, written together or in groups of four separated by single spaces or hyphens, not inside a
    /// longer word or number, passing the mod-97 check.
    func ibans(lengths: [String: Int]) -> [Range<Int>] {
        guard !lengths.isEmpty else { return [] }
        var found: [Range<Int>] = []
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            defer { i += 1 }
            guard bytes[i] < 0x80, bytes[i + 1] < 0x80, letter(i), letter(i + 1), !alphanumeric(i - 1), digit(i + 2), digit(i + 3) else { continue }
            let country = String(decoding: [ASCII.upper(bytes[i]), ASCII.upper(bytes[i + 1])], as: UTF8.self)
            guard let length = lengths[country] else { continue }
            var characters: [UInt8] = []
            var separator: UInt8?
            var group = 0
            var k = i
            var wellFormed = true
            while k < range.upperBound, characters.count < length {
                let byte = bytes[k]
                if byte < 0x80, ASCII.isDigit(byte) || ASCII.isLetter(byte) {
                    // After a separator, groups have four characters at most.
                    if separator != nil, group == 4 { wellFormed = false; break }
                    characters.append(ASCII.upper(byte))
                    group += 1
                    k += 1
                } else if byte == 0x20 || byte == UInt8(ascii: "-"), group == 4, separator == nil || separator == byte, alphanumeric(k + 1) {
                    separator = byte
                    group = 0
                    k += 1
                } else {
                    break
                }
            }
            guard wellFormed, characters.count == length, !alphanumeric(k), Self.passesMod97(characters) else { continue }
            found.append(i..<k)
            i = k - 1
        }
        return found
    }

    /// ISO 7064 mod 97-10 as IBANs use it: the first four characters moved to the end, letters as 10…35, the number mod 97 is 1.
    static func passesMod97(_ characters: [UInt8]) -> Bool {
        guard characters.count > 4 else { return false }
        var remainder = 0
        for byte in characters[4...] + characters[..<4] {
            if ASCII.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            }
        }
        return remainder == 1
    }
}

// MARK: - Dates in words

/// The number and month words of the identifier list, for dates written (partly) in words.
struct DateWords: Sendable {
    let months: [String: Int]
    let numbers: [String: Int]
    let joiners: [String]
    let hundreds: [String: Int]
    /// Byte lengths and first bytes of the month names: most words are ruled out without reading them.
    let monthLengths: Set<Int>
    let monthInitials: Set<UInt8>
    /// English ordinal suffixes after digits ("12th"), and Dutch ones ("12e", "12de").
    static let digitSuffixes: Set<String> = ["st", "nd", "rd", "th", "e", "de", "ste"]

    init(_ rules: IdentifierRules) {
        months = rules.months
        numbers = rules.numberWords
        joiners = rules.numberJoiners
        hundreds = rules.hundredWords
        monthLengths = Set(months.keys.map(\.utf8.count))
        monthInitials = Set(months.keys.compactMap(\.utf8.first))
    }

    /// A number word up to 99: listed ("twaalf", "twaalfde", "twintigste"), or a unit, a joiner and a ten
    /// ("zevenenzestig", "tweeëntwintigste").
    func number(_ word: String) -> Int? {
        if let value = numbers[word] { return value }
        for (unit, value) in numbers where (1...9).contains(value) && word.hasPrefix(unit) {
            let rest = word.dropFirst(unit.count)
            for joiner in joiners where rest.hasPrefix(joiner) {
                if let ten = numbers[String(rest.dropFirst(joiner.count))], ten >= 20, ten % 10 == 0 { return ten + value }
            }
        }
        return nil
    }

    /// A year in one word: a hundred, optionally followed by a number ("negentienhonderdtachtig").
    func year(_ word: String) -> Int? {
        for (name, hundred) in hundreds where word.hasPrefix(name) {
            let rest = String(word.dropFirst(name.count))
            if rest.isEmpty { return hundred }
            if let value = number(rest) { return hundred + value }
        }
        return nil
    }
}

extension UnitScanner {
    private struct Word {
        var range: Range<Int>
        var isDigits: Bool
    }

    /// Words, digit runs and single punctuation marks of the unit, by byte range.
    private func words() -> [Word] {
        var words: [Word] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { i += 1; continue }
            let start = i
            if ASCII.isDigit(byte) {
                while digit(i) { i += 1 }
                words.append(Word(range: start..<i, isDigits: true))
            } else if ASCII.isLetter(byte) {
                while letter(i) { i += 1 }
                words.append(Word(range: start..<i, isDigits: false))
            } else {
                i += 1
                words.append(Word(range: start..<i, isDigits: false))
            }
        }
        return words
    }

    private func text(_ word: Word) -> String {
        String(decoding: bytes[word.range], as: UTF8.self).lowercased()
    }

    /// Full dates with words in them that `dates(months:)` does not read: the day in words ("twaalf maart 1980",
    /// "de tweeëntwintigste juni 1971"), the year in words ("12 maart negentienhonderd tachtig"), the month first
    /// ("March 12, 1980", "March 12th, 1980") and an ordinal day ("12th of March 1980"). Only read around month
    /// names, so text without one costs a scan and nothing more.
    func datesInWords(_ vocabulary: DateWords) -> [Range<Int>] {
        let words = words()
        func isMonth(_ index: Int) -> Int? {
            guard index >= 0, index < words.count, !words[index].isDigits, vocabulary.monthLengths.contains(words[index].range.count),
                  vocabulary.monthInitials.contains(ASCII.lower(bytes[words[index].range.lowerBound])) else { return nil }
            return vocabulary.months[text(words[index])]
        }
        func isText(_ index: Int, _ literal: String) -> Bool {
            index >= 0 && index < words.count && words[index].range.count == literal.utf8.count && text(words[index]) == literal
        }
        /// A day ending at `last` (inclusive): digits (1–2, with an ordinal suffix written against them, or not) or
        /// a number word; returns the day and the index of its first word.
        func day(endingAt last: Int) -> (Int, Int)? {
            guard last >= 0, last < words.count else { return nil }
            let word = words[last]
            if word.isDigits {
                guard word.range.count <= 2, let value = Int(text(word)) else { return nil }
                return (value, last)
            }
            if last > 0, words[last - 1].isDigits, words[last - 1].range.upperBound == word.range.lowerBound, words[last - 1].range.count <= 2,
               DateWords.digitSuffixes.contains(text(word)), let value = Int(text(words[last - 1])) {
                return (value, last - 1)
            }
            guard word.range.count <= 40 else { return nil }
            return vocabulary.number(text(word)).map { ($0, last) }
        }
        /// A year starting at `start` (after an optional comma): four digits, or words ("negentienhonderdtachtig",
        /// "negentienhonderd tachtig"); returns the year and the index of its last word.
        func year(startingAt start: Int) -> (Int, Int)? {
            var index = start
            if isText(index, ",") { index += 1 }
            guard index < words.count else { return nil }
            let word = words[index]
            if word.isDigits {
                guard word.range.count == 4, let value = Int(text(word)) else { return nil }
                return (value, index)
            }
            guard word.range.count <= 80, let value = vocabulary.year(text(word)) else { return nil }
            if value % 100 == 0, index + 1 < words.count, !words[index + 1].isDigits, words[index + 1].range.count <= 40,
               let rest = vocabulary.number(text(words[index + 1])) {
                return (value + rest, index + 1)
            }
            return (value, index)
        }
        var found: [Range<Int>] = []
        for index in words.indices {
            guard let monthValue = isMonth(index) else { continue }
            let afterMonth = isText(index + 1, ".") ? index + 2 : index + 1
            // Day (optionally followed by "of"), month, year: "twaalf maart 1980", "12th of March 1980".
            let dayEnd = isText(index - 1, "of") ? index - 2 : index - 1
            if let (dayValue, first) = day(endingAt: dayEnd), let (yearValue, last) = year(startingAt: afterMonth),
               Self.plausible(day: dayValue, month: monthValue, year: yearValue) {
                // Digits, month and four digits are dates(months:)'s; here only what has words in it.
                let allDigits = first == dayEnd && words[first].isDigits && words[last].isDigits && dayEnd == index - 1
                if !allDigits { found.append(words[first].range.lowerBound..<words[last].range.upperBound) }
                continue
            }
            // Month, day, year: "March 12, 1980", "March 12th, 1980".
            guard afterMonth < words.count, words[afterMonth].isDigits else { continue }
            let dayLast = afterMonth + 1 < words.count && words[afterMonth + 1].range.lowerBound == words[afterMonth].range.upperBound
                && !words[afterMonth + 1].isDigits && DateWords.digitSuffixes.contains(text(words[afterMonth + 1])) ? afterMonth + 1 : afterMonth
            if let (dayValue, _) = day(endingAt: dayLast), let (yearValue, last) = year(startingAt: dayLast + 1), words[last].isDigits,
               Self.plausible(day: dayValue, month: monthValue, year: yearValue) {
                found.append(words[index].range.lowerBound..<words[last].range.upperBound)
            }
        }
        return found
    }
}

// MARK: - Obfuscated e-mail addresses

/// Spellings of "@" and "." in e-mail addresses written to dodge a filter, and the top-level domains that end one.
struct EmailObfuscation: Sendable {
    let at: [[UInt8]]
    let dot: [[UInt8]]
    let topLevelDomains: Set<String>

    init(at: [String], dot: [String], topLevelDomains: [String]) {
        self.at = at.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        self.dot = dot.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        self.topLevelDomains = Set(topLevelDomains)
    }
}

extension UnitScanner {
    private func isSpace(_ i: Int) -> Bool {
        guard let b = byte(i) else { return true }
        return b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// A spelling from `spellings` at `i` (ASCII case ignored): its end. A spelling of letters or a bare "@" or
    /// "." between spaces must stand as a word of its own, with a space before and after.
    private func spelling(_ spellings: [[UInt8]], at i: Int, bare: (([UInt8]) -> Bool)) -> Int? {
        // Spellings are lower case already (the list is read lower-cased).
        for spelling in spellings where i + spelling.count <= range.upperBound && ASCII.matches(spelling, in: bytes, at: i) {
            if bare(spelling), !(isSpace(i - 1) && isSpace(i + spelling.count)) { continue }
            return i + spelling.count
        }
        return nil
    }

    private func localByte(_ i: Int) -> Bool {
        guard let b = byte(i), b < 0x80 else { return false }
        return ASCII.isDigit(b) || ASCII.isLetter(b) || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(b)
    }

    private func labelEnd(_ i: Int) -> Int {
        var k = i
        while let b = byte(k), b < 0x80, ASCII.isDigit(b) || ASCII.isLetter(b) || b == UInt8(ascii: "-") { k += 1 }
        return k
    }

    /// "naam at provider dot nl", "naam [at] provider [punt] nl", "j.jansen(at)voorbeeld(dot)com", "naam @ provider . nl":
    /// a local part, a spelling of "@", labels joined by spellings of "." (at least one), the last a listed top-level domain.
    func obfuscatedEmails(_ obfuscation: EmailObfuscation) -> [Range<Int>] {
        guard !obfuscation.at.isEmpty, !obfuscation.topLevelDomains.isEmpty else { return [] }
        // Letters only ("at", "punt") or a lone "@" / ".": must stand between spaces.
        let bare: ([UInt8]) -> Bool = { spelling in spelling.allSatisfy { ASCII.isLetter($0) } || spelling.count == 1 }
        let firstBytes = Set(obfuscation.at.compactMap(\.first).map(ASCII.lower))
        var found: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            guard firstBytes.contains(ASCII.lower(bytes[i])), let afterAt = spelling(obfuscation.at, at: i, bare: bare) else { continue }
            // The local part just before, spaces allowed in between.
            var localEnd = i
            while localEnd > range.lowerBound, isSpace(localEnd - 1) { localEnd -= 1 }
            var localStart = localEnd
            while localStart > range.lowerBound, localByte(localStart - 1) { localStart -= 1 }
            guard localStart < localEnd, (localStart...localEnd - 1).contains(where: { ASCII.isLetter(bytes[$0]) || ASCII.isDigit(bytes[$0]) }) else { continue }
            // Labels joined by dots.
            var k = afterAt
            while isSpace(k), k < range.upperBound { k += 1 }
            var end = labelEnd(k)
            guard end > k else { continue }
            var lastLabel = k..<end
            var dots = 0
            while true {
                var d = end
                while isSpace(d), d < range.upperBound { d += 1 }
                guard let afterDot = spelling(obfuscation.dot, at: d, bare: bare) ?? (byte(d) == UInt8(ascii: ".") ? d + 1 : nil) else { break }
                var next = afterDot
                while isSpace(next), next < range.upperBound { next += 1 }
                let labelStop = labelEnd(next)
                guard labelStop > next else { break }
                lastLabel = next..<labelStop
                end = labelStop
                dots += 1
            }
            let tld = String(decoding: bytes[lastLabel].map(ASCII.lower), as: UTF8.self)
            guard dots > 0, obfuscation.topLevelDomains.contains(tld), !letter(end) else { continue }
            found.append(localStart..<end)
            i = end - 1
        }
        return found
    }
}
