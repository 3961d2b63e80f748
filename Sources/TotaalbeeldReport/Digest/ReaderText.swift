import TotaalbeeldEngine
import TotaalbeeldModel

/// Turns the engine's own sentences into reader text: no element, rule, indicator or track ids, and no
/// figure with more than one decimal. The JSON keeps every id; the readers of text, Markdown, HTML and
/// the documents see line numbers, labels and quotes.
///
/// ```swift
/// let reader = ReaderText(result: result, language: .nl)
/// reader.clean("Werkt aan: Faalangst (n-1)") // "Werkt aan: Faalangst"
/// ```
public struct ReaderText: Sendable {
    public let language: Language
    /// Dossier and assessment element ids with their line: an id becomes "r. 85", or disappears when the
    /// engine already wrote the line after it (and so do the parentheses around it when nothing else is inside).
    private let elements: [String: Int]
    /// Rule ids in a tally ("3× lacune-gespreksthema"): replaced by the kind of flag (``Ruleset/rule(id:)``).
    private let ruleset: Ruleset
    /// Score level ids after a comparison ("≥ matig"): replaced by the level's label in the language.
    private let levels: [String: String]

    public init(result: ScreeningResult, language: Language) {
        self.language = language
        let dossier = result.dossier
        var elements: [String: Int] = [:]
        func add(_ id: String, _ location: Location) { if elements[id] == nil { elements[id] = location.line } }
        for fact in result.facts { add(fact.elementID, fact.location) }
        for finding in dossier.findings { add(finding.id, finding.location) }
        for narrative in dossier.narratives { add(narrative.id, narrative.location) }
        for wish in dossier.wishes { add(wish.id, wish.location) }
        for source in dossier.sources { add(source.id, source.location) }
        for flag in result.flags { for evidence in flag.evidence { add(evidence.elementID, evidence.location) } }
        if let assessment = dossier.assessment {
            add(assessment.id, assessment.location)
            for conclusion in assessment.conclusions { add(conclusion.id, conclusion.location) }
            for need in assessment.supportNeeds { add(need.id, need.location) }
            if let placement = assessment.placement { add(placement.id, placement.location) }
            if let direction = assessment.direction { add(direction.id, direction.location) }
        }
        self.elements = elements
        self.ruleset = result.ruleset
        self.levels = Dictionary(result.ruleset.scoring.levels.map { ($0.id, $0.label[language]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The ids of the assessment and of every part of it (conclusions, support needs, placement, direction).
    public static func elementIDs(of assessment: Assessment) -> Set<String> {
        var ids: Set<String> = [assessment.id]
        ids.formUnion(assessment.conclusions.map(\.id))
        ids.formUnion(assessment.supportNeeds.map(\.id))
        if let placement = assessment.placement { ids.insert(placement.id) }
        if let direction = assessment.direction { ids.insert(direction.id) }
        return ids
    }

    /// `text` without ids, tallies like "3× a, 1× b, 2× b" merged per word, decimals cut to one.
    /// Quoted dossier words (“…”) are left exactly as they stand.
    public func clean(_ text: String) -> String {
        let say = Vocabulary(language: language)
        let characters = Array(text)
        var out = ""
        var token = ""
        var tokenEnd = 0
        var inQuote = false
        var skipSpace = false
        func flush() {
            guard !token.isEmpty else { return }
            defer { token = "" }
            // A token may end in punctuation that is not part of the id.
            var core = token
            var tail = ""
            while let last = core.last, ".,;:".contains(last) {
                tail = String(last) + tail
                core.removeLast()
            }
            if !inQuote, let line = elements[core] {
                // The engine's own "f-1 r.49": the line is already there.
                let next = String(characters[min(tokenEnd, characters.count)...].prefix(4))
                if tail.isEmpty, next.hasPrefix(" r.") || next.hasPrefix(" l.") {
                    skipSpace = true
                } else {
                    out += say.line(line) + tail
                }
            // The id looked up before the (costlier) suffix test: both are pure, so the order changes nothing.
            } else if !inQuote, let rule = ruleset.rule(id: core), out.hasSuffix("× ") {
                out += say.kindNoun(rule.kind) + tail
            } else if !inQuote, let label = levels[core], out.hasSuffix("≥ ") || out.hasSuffix("≤ ") || out.hasSuffix("> ") || out.hasSuffix("< ") {
                out += label + tail
            } else {
                out += token
            }
        }
        for (index, character) in characters.enumerated() {
            if ReaderText.isTokenCharacter(character) {
                token.append(character)
                tokenEnd = index + 1
                continue
            }
            flush()
            if character == "“" { inQuote = true }
            if character == "”" { inQuote = false }
            if skipSpace, character == " " { skipSpace = false; continue }
            skipSpace = false
            out.append(character)
        }
        flush()
        // Figures are rounded in the reader's words only; a quote keeps its own.
        let merged = ReaderText.mergedTallies(out)
        // Without quotation marks the whole text is one plain run (or none when empty): round it directly.
        if !merged.unicodeScalars.contains(where: { $0 == "\u{201C}" || $0 == "\u{201D}" }) { return ReaderText.oneDecimal(merged) }
        return ReaderText.runs(quoting: merged).map { run in
            if case .plain(let text) = run { return ReaderText.oneDecimal(text) }
            return run.text
        }.joined()
    }

    public func clean(_ text: LocalizedText) -> String { clean(text[language]) }

    /// A letter, a number or one of `-_.:,;`: what an id or a word in `clean(_:)` is made of. An ASCII character
    /// (a line feed with its carriage return included, which is none of these) is answered from its byte, without
    /// the Unicode property lookups that otherwise dominate the loop.
    @inline(__always)
    static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter || character.isNumber }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"): return true
        default: return false
        }
    }

    /// `clean(text)` cut into the reader's words and the dossier's words between “ and ”, so renderers can
    /// mark the quotes as the dossier's language.
    public func runs(_ text: String) -> [ReportDocument.Run] { Self.runs(quoting: clean(text)) }
    public func runs(_ text: LocalizedText) -> [ReportDocument.Run] { runs(text[language]) }

    /// Splits at “…”: the quotation marks stay plain, what is between them becomes `.quoted`.
    public static func runs(quoting text: String) -> [ReportDocument.Run] {
        var runs: [ReportDocument.Run] = []
        var current = ""
        var inQuote = false
        for character in text {
            if character == "“" && !inQuote {
                current.append(character)
                runs.append(.plain(current))
                current = ""
                inQuote = true
            } else if character == "”" && inQuote {
                runs.append(.quoted(current))
                current = String(character)
                inQuote = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { runs.append(inQuote ? .quoted(current) : .plain(current)) }
        return runs.filter { !$0.text.isEmpty }
    }

    /// A flag's message, question and alternative readings as the reader sees them.
    public func message(_ flag: Flag) -> String { clean(flag.message) }
    public func question(_ flag: Flag) -> String { clean(flag.question) }

    /// "3× lacune, 1× oordeelsrisico, 1× oordeelsrisico" → "3× lacune, 2× oordeelsrisico".
    static func mergedTallies(_ text: String) -> String {
        guard text.contains("× ") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: #"\d+× "#, options: .regularExpression) {
            result += rest[..<start.lowerBound]
            // The run of "N× word" items separated by ", ".
            var counts: [(String, Int)] = []
            var cursor = start.lowerBound
            while let item = rest[cursor...].range(of: #"^\d+× [^,.;×]+"#, options: .regularExpression) {
                let parts = rest[item].split(separator: "×", maxSplits: 1)
                let count = Int(parts[0]) ?? 0
                let word = parts[1].trimmingCharacters(in: .whitespaces)
                if let index = counts.firstIndex(where: { $0.0 == word }) { counts[index].1 += count } else { counts.append((word, count)) }
                cursor = item.upperBound
                guard rest[cursor...].hasPrefix(", "), rest[rest.index(cursor, offsetBy: 2)...].range(of: #"^\d+× "#, options: .regularExpression) != nil else { break }
                cursor = rest.index(cursor, offsetBy: 2)
            }
            if counts.isEmpty {
                result += rest[start]
                rest = rest[start.upperBound...]
                continue
            }
            result += counts.map { "\($0.1)× \($0.0)" }.joined(separator: ", ")
            rest = rest[cursor...]
        }
        return result + rest
    }

    /// Numbers written with two or more decimals, rounded to one: the weights are ordinal judgements.
    static func oneDecimal(_ text: String) -> String {
        // The pattern needs a digit, a period and two digits in a row; most texts have none, and then the
        // regular expression (compiled by Foundation on every call) would find nothing.
        guard hasDigitPeriodTwoDigits(text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let match = rest.range(of: #"(?<![\w.])\d+\.\d{2,}(?![\w.])"#, options: .regularExpression) {
            result += rest[..<match.lowerBound]
            result += Double(rest[match]).map(ReaderText.figure) ?? String(rest[match])
            rest = rest[match.upperBound...]
        }
        return result + rest
    }

    /// Whether `text` holds a decimal digit, '.', and two decimal digits in a row: what `\d+\.\d{2,}` needs at
    /// least (`\d` is any decimal digit, `\p{Nd}`).
    static func hasDigitPeriodTwoDigits(_ text: String) -> Bool {
        var previousDigit = false
        var state = 0 // 0: nothing, 1: digit then '.', 2: digit, '.', digit
        for scalar in text.unicodeScalars {
            let digit = scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
            switch state {
            case 1: state = digit ? 2 : 0
            case 2: if digit { return true } else { state = 0 }
            default: break
            }
            if state == 0, scalar == ".", previousDigit { state = 1 }
            previousDigit = digit
        }
        return false
    }

    /// A raw figure for the detail tables: at most one decimal, locale-free ("9.2", "3", "-1.5").
    public static func figure(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)")
    }

    /// `text` in `language` when the ruleset provides it; nil when it would fall back to another language.
    public static func available(_ text: LocalizedText, in language: Language) -> String? {
        language == .nl || text.en != nil ? text[language] : nil
    }

    /// A dossier text shortened at a word boundary to about `limit` characters, with "…" when cut.
    public static func excerpt(_ text: String, limit: Int = 160) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        var cut = String(flat.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, ",;:-".contains(last) { cut.removeLast() }
        return cut + " …"
    }
}
