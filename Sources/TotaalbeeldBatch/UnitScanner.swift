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
