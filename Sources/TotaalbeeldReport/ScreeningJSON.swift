import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldText

/// The stable JSON contract of `totaalbeeld screen --format json` (and of batch `results.jsonl`).
///
/// Top-level keys: `dossier`, `ruleset` (`id`, `version`), `summary` (the Kernpunten: `advice` with `code`
/// `ready`, `refer-first` or `gather-first` and a `sentence`; `points`, each `flag`, `severity`, `phase`,
/// `message`, `question` and the `also` flags merged into it; `notYet`; `strengths`; `trialAndError`),
/// `domains` (each `code`, `burden`, `strength`, `supportNeed`, `evidence`), `gaps`, `schema2`, `flags` (each
/// `id`, `kind`, `severity`, `phase`, `concern` — the lead flag of the signal it is merged into —,
/// `evidence`, `message`), `trialAndError` (`indicated`, `reasons`, `tracks`) and `narrative` (annotated spans).
/// Added since: `dossier.client`, `ruleset.levels` (the support-need levels in order), per flag `item`,
/// `evidenceFingerprint` and `weighed` (`state` weighed or reweigh, with `by`, `date`, `reason`), and
/// `unmatchedWeighings`.
/// The JSON is the machine contract: it keeps every id, offset and raw figure the reader's formats leave out.
/// Keys are only ever added, never renamed or removed, within format version 1.
public struct ScreeningJSON: Sendable {
    public let language: Language
    public init(language: Language = .nl) { self.language = language }

    /// The contract as a value tree (see ``write(_:to:)`` for the bytes without the tree).
    public func value(for result: ScreeningResult) -> JSONValue {
        var builder = JSONTreeBuilder()
        write(result, to: &builder)
        return builder.value ?? .null
    }

    /// The contract as bytes, compact (a `results.jsonl` line) or pretty (`screen --format json`).
    public func serialized(_ result: ScreeningResult, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, capacity: 16 << 10)
        write(result, to: &writer)
        return writer.bytes
    }

    /// Writes the whole document.
    public func write<Sink: JSONSink>(_ result: ScreeningResult, to sink: inout Sink) {
        sink.beginObject()
        writeMembers(result, to: &sink)
        sink.endObject()
    }

    /// As ``writeMembers(_:to:)`` for the byte writer, specialised here (a generic call from another module is not).
    public func writeMembers(_ result: ScreeningResult, into writer: inout JSONWriter) {
        writeMembers(result, to: &writer)
    }

    /// Writes the document's members into an object the caller opened (and closes), so a batch line can put its
    /// `file` first.
    public func writeMembers<Sink: JSONSink>(_ result: ScreeningResult, to sink: inout Sink) {
        let dossier = result.dossier
        let digest = SignalDigest(result: result)
        let summary = ScreeningSummary(result: result, language: language, digest: digest)
        var concern: [String: String] = [:]
        for group in digest.groups {
            for flag in group.flags { concern[flag.id] = group.lead.id }
        }
        sink.member("formatVersion", integer: 1)
        sink.key("dossier")
        sink.beginObject()
        sink.member("id", dossier.id)
        sink.member("client", dossier.client.ref)
        sink.member("date", dossier.date.description)
        sink.member("benefitRegime", dossier.client.benefitRegime)
        sink.member("ageBand", dossier.client.ageBand)
        sink.endObject()
        sink.key("ruleset")
        sink.beginObject()
        sink.member("id", result.ruleset.id)
        sink.member("version", result.ruleset.version)
        sink.member("checksum", "sha256:" + result.ruleset.checksum)
        sink.key("levels")
        sink.strings(result.ruleset.scoring.levels.lazy.map(\.id))
        sink.endObject()
        sink.key("summary")
        write(summary, to: &sink)
        sink.key("domains")
        sink.beginArray()
        for domain in result.domains { write(domain, to: &sink) }
        sink.endArray()
        sink.key("gaps")
        sink.beginArray()
        for gap in result.gaps { write(gap, to: &sink) }
        sink.endArray()
        sink.key("schema2")
        sink.beginArray()
        for row in result.schema2 { write(row, to: &sink) }
        sink.endArray()
        sink.key("flags")
        sink.beginArray()
        for flag in result.flags {
            write(flag, phase: result.ruleset.rule(id: flag.rule)?.phase.rawValue, concern: concern[flag.id], to: &sink)
        }
        sink.endArray()
        sink.key("trialAndError")
        write(result.trialAndError, to: &sink)
        sink.key("narrative")
        writeNarrative(result, to: &sink)
        sink.key("unmatchedWeighings")
        sink.beginArray()
        for weighed in result.unmatchedWeighings {
            sink.beginObject()
            writeMembers(of: weighed, to: &sink)
            sink.endObject()
        }
        sink.endArray()
    }

    private func writeMembers<Sink: JSONSink>(of weighed: Assessment.WeighedFlag, to sink: inout Sink) {
        sink.member("rule", weighed.rule)
        sink.member("item", weighed.item)
        sink.member("by", weighed.by)
        sink.member("date", weighed.date.description)
        sink.member("evidence", weighed.evidence)
        sink.member("reason", weighed.reason)
        sink.member("line", integer: weighed.location.line)
    }

    private func write<Sink: JSONSink>(_ domain: DomainResult, to sink: inout Sink) {
        sink.beginObject()
        sink.member("code", domain.domain.id)
        sink.member("label", domain.domain.label[language])
        sink.member("burden", number: domain.burden)
        sink.member("strength", number: domain.strength)
        sink.member("supportNeed", number: domain.supportNeed)
        sink.member("supportNeedLevel", domain.supportNeedLevel?.id)
        sink.member("hasInformation", bool: domain.hasInformation)
        sink.key("sourceKinds")
        sink.strings(domain.sourceKinds)
        sink.key("modifiers")
        sink.beginArray()
        for modifier in domain.modifiers {
            sink.beginObject()
            sink.member("indicator", modifier.indicator.id)
            sink.member("dimension", modifier.dimension)
            sink.member("factor", number: modifier.factor)
            sink.member("extraRisk", bool: modifier.extraRisk)
            let folded = foldRepeats(modifier.facts, by: \.repeatKey)
            sink.key("evidence")
            sink.beginArray()
            for fact in folded.prefix(Repeated<Fact>.listLimit) { write(modifier.indicator, polarity: "modifier", weight: 0, fact: fact, to: &sink) }
            sink.endArray()
            sink.member("evidenceOmitted", integer: omittedCount(folded))
            sink.endObject()
        }
        sink.endArray()
        var omitted = 0
        sink.key("evidence")
        sink.beginArray()
        for (contributions, polarity) in [(domain.burdens, "burden"), (domain.strengths, "strength")] {
            for contribution in contributions {
                let folded = foldRepeats(contribution.facts, by: \.repeatKey)
                for fact in folded.prefix(Repeated<Fact>.listLimit) {
                    write(contribution.indicator, polarity: polarity, weight: contribution.weight, fact: fact, to: &sink)
                }
                omitted += omittedCount(folded)
            }
        }
        let uncounted = foldRepeats(domain.uncounted, by: \.repeatKey)
        for fact in uncounted.prefix(Repeated<Fact>.listLimit) {
            write(nil, indicatorID: fact.item.indicator, polarity: "uncounted", weight: 0, fact: fact, to: &sink)
        }
        omitted += omittedCount(uncounted)
        sink.endArray()
        sink.member("evidenceOmitted", integer: omitted)
        sink.endObject()
    }

    /// How many folded entries an evidence list leaves out beyond the list limit.
    private func omittedCount(_ folded: [Repeated<Fact>]) -> Int { max(0, folded.count - Repeated<Fact>.listLimit) }

    private func write<Sink: JSONSink>(
        _ indicator: Indicator?, indicatorID: String? = nil, polarity: String, weight: Double, fact repeated: Repeated<Fact>, to sink: inout Sink
    ) {
        let fact = repeated.item
        sink.beginObject()
        sink.member("element", fact.elementID)
        sink.member("indicator", indicator?.id ?? indicatorID ?? fact.indicator)
        sink.member("role", polarity)
        if weight != 0 { sink.member("weight", number: weight) }
        sink.member("countFactor", number: fact.countFactor)
        sink.member("counted", bool: fact.counts)
        sink.member("reason", fact.countReason[language])
        sink.member("source", fact.sourceID)
        sink.member("sourceKind", fact.sourceKind)
        sink.member("line", integer: fact.location.line)
        sink.member("column", integer: fact.location.column)
        sink.member("origin", fact.isNarrative ? "narrative" : "structured")
        if case .narrative(let start, let end, _, _) = fact.origin {
            sink.key("span")
            sink.beginObject()
            sink.member("start", integer: start)
            sink.member("end", integer: end)
            sink.endObject()
        }
        sink.member("quote", fact.quote)
        writeReading(of: fact, to: &sink)
        sink.member("occurrences", integer: repeated.occurrences)
        sink.endObject()
    }

    /// How a fact reads: negated, historical, hypothetical, uncertain, resolved, whose, claim or finding.
    private func writeReading<Sink: JSONSink>(of fact: Fact, to sink: inout Sink) {
        sink.member("negated", bool: !fact.present)
        sink.member("historical", bool: fact.historical)
        sink.member("hypothetical", bool: fact.hypothetical)
        sink.member("uncertain", bool: fact.uncertain)
        sink.member("resolved", bool: fact.resolved)
        sink.member("experiencer", fact.experiencer.rawValue)
        sink.member("assertion", fact.assertion.rawValue)
    }

    private func write<Sink: JSONSink>(_ gap: Gap, to sink: inout Sink) {
        sink.beginObject()
        sink.member("theme", gap.theme.id)
        sink.member("domain", gap.theme.domain)
        sink.member("label", gap.theme.label[language])
        sink.member("missingSourceKind", gap.missingSourceKind)
        // Only where text under no theme speaks to the theme: its lines (a member every gap carried would change every
        // consumer's bytes for nothing).
        if !gap.unfiled.isEmpty {
            sink.key("unfiledLines")
            sink.beginArray()
            for line in gap.unfiledLines { sink.integer(line) }
            sink.endArray()
        }
        sink.member("question", gap.theme.question[language])
        sink.endObject()
    }

    private func write<Sink: JSONSink>(_ row: ActivityResult, to sink: inout Sink) {
        sink.beginObject()
        sink.member("activity", row.activity.id)
        sink.member("parent", row.activity.parent)
        sink.member("label", row.activity.label[language])
        sink.member("score", number: row.score)
        sink.member("supportNeed", row.need?.level ?? "geen")
        sink.member("support", row.need?.support[language])
        sink.member("workRequirement", row.need?.workRequirement[language])
        sink.key("derivedFrom")
        sink.beginArray()
        for contribution in row.contributions {
            sink.beginObject()
            sink.member("indicator", contribution.indicator.id)
            sink.member("weight", number: contribution.weight)
            sink.member("effectiveWeight", number: contribution.effectiveWeight)
            sink.key("elements")
            sink.strings(Set(contribution.facts.map(\.elementID)).sorted())
            sink.key("lines")
            sink.beginArray()
            for line in Set(contribution.facts.map(\.location.line)).sorted() { sink.integer(line) }
            sink.endArray()
            sink.endObject()
        }
        sink.endArray()
        sink.key("fml")
        sink.beginArray()
        for requirement in row.fml {
            sink.beginObject()
            sink.member("limitation", requirement.limitation.text)
            sink.member("element", requirement.limitation.id)
            sink.member("weight", number: requirement.weight)
            sink.member("source", requirement.sourceID)
            sink.member("date", requirement.date?.description)
            sink.endObject()
        }
        sink.endArray()
        sink.key("assessed")
        if let need = row.assessed {
            sink.beginObject()
            sink.member("element", need.id)
            sink.member("level", need.level)
            sink.member("text", need.text)
            sink.key("cites")
            sink.strings(need.cites)
            sink.endObject()
        } else {
            sink.null()
        }
        sink.endObject()
    }

    /// The Kernpunten (see ``ScreeningSummary``), in the report's language.
    func write<Sink: JSONSink>(_ summary: ScreeningSummary, to sink: inout Sink) {
        sink.beginObject()
        sink.key("advice")
        sink.beginObject()
        sink.member("code", summary.advice.rawValue)
        sink.member("sentence", summary.adviceSentence)
        sink.endObject()
        sink.key("points")
        sink.beginArray()
        for group in summary.points {
            sink.beginObject()
            sink.member("flag", group.lead.id)
            sink.member("severity", group.severity.rawValue)
            sink.member("phase", group.phase.rawValue)
            sink.member("message", group.lead.message[language])
            sink.member("question", group.lead.question[language])
            sink.key("also")
            sink.strings(group.also.lazy.map(\.id))
            sink.endObject()
        }
        sink.endArray()
        sink.member("morePoints", integer: summary.morePoints)
        sink.key("notYet")
        sink.strings(summary.notYet)
        sink.key("strengths")
        sink.strings(summary.strengths)
        sink.member("trialAndError", summary.trialAndError)
        sink.endObject()
    }

    func write<Sink: JSONSink>(_ flag: Flag, phase: String? = nil, concern: String? = nil, to sink: inout Sink) {
        sink.beginObject()
        sink.member("id", flag.id)
        sink.member("rule", flag.rule)
        sink.member("kind", flag.kind.rawValue)
        sink.member("severity", flag.severity.rawValue)
        sink.member("phase", phase)
        sink.member("concern", concern)
        sink.member("message", flag.message[language])
        sink.member("question", flag.question[language])
        sink.key("alternatives")
        sink.strings(flag.alternatives.lazy.map { $0[language] })
        sink.key("evidence")
        sink.beginArray()
        for evidence in flag.evidence { write(evidence, to: &sink) }
        sink.endArray()
        sink.member("evidenceOmitted", integer: flag.evidenceOmitted)
        sink.member("reference", flag.reference)
        sink.member("item", flag.item)
        sink.member("evidenceFingerprint", flag.evidenceFingerprint)
        sink.key("weighed")
        if let weighing = flag.weighing {
            sink.beginObject()
            writeMembers(of: weighing.weighed, to: &sink)
            sink.member("state", weighing.state.rawValue)
            sink.endObject()
        } else {
            sink.null()
        }
        sink.endObject()
    }

    func write<Sink: JSONSink>(_ evidence: Evidence, to sink: inout Sink) {
        sink.beginObject()
        sink.member("element", evidence.elementID)
        sink.member("source", evidence.sourceID)
        sink.member("line", integer: evidence.location.line)
        sink.member("column", integer: evidence.location.column)
        if let span = evidence.span {
            sink.key("span")
            sink.beginObject()
            sink.member("start", integer: span.lowerBound)
            sink.member("end", integer: span.upperBound + 1)
            sink.endObject()
        }
        sink.member("quote", evidence.quote)
        sink.member("occurrences", integer: evidence.occurrences)
        sink.endObject()
    }

    private func write<Sink: JSONSink>(_ result: TrialAndErrorResult, to sink: inout Sink) {
        sink.beginObject()
        sink.member("indicated", bool: result.indicated)
        sink.key("reasons")
        sink.strings(result.reasons.lazy.map { $0[language] })
        sink.key("tracks")
        sink.beginArray()
        for track in result.tracks {
            sink.beginObject()
            sink.member("id", track.id)
            sink.member("label", track.label[language])
            sink.member("fit", number: track.fit)
            sink.key("why")
            sink.strings(track.why.lazy.map { $0[language] })
            sink.key("safeguards")
            sink.strings(track.safeguards.lazy.map { $0[language] })
            sink.key("checkpoints")
            sink.strings(track.checkpoints.lazy.map { $0[language] })
            sink.endObject()
        }
        sink.endArray()
        sink.endObject()
    }

    private func writeNarrative<Sink: JSONSink>(_ result: ScreeningResult, to sink: inout Sink) {
        let byElement = result.narrativeFactsByElement()
        sink.beginArray()
        for narrative in result.dossier.screenedTexts {
            let spans = (byElement.facts[narrative.id] ?? []).sorted(by: spanOrder)
            sink.beginObject()
            sink.member("element", narrative.id)
            sink.member("domain", narrative.domain)
            sink.member("source", narrative.source)
            sink.member("line", integer: narrative.location.line)
            sink.member("text", narrative.text)
            sink.key("cutSentences")
            sink.beginArray()
            for note in byElement.cutSentences[narrative.id] ?? [] {
                sink.beginObject()
                sink.member("start", integer: note.sentence.start)
                sink.member("end", integer: note.sentence.end)
                sink.member("words", integer: note.sentence.words)
                sink.member("pieces", integer: note.sentence.pieces)
                sink.endObject()
            }
            sink.endArray()
            sink.key("spans")
            sink.beginArray()
            for fact in spans {
                guard case .narrative(let start, let end, _, _) = fact.origin else { sink.null(); continue }
                sink.beginObject()
                sink.member("indicator", fact.indicator)
                sink.member("start", integer: start)
                sink.member("end", integer: end)
                sink.member("text", fact.quote)
                writeReading(of: fact, to: &sink)
                sink.member("counted", bool: fact.counts)
                sink.endObject()
            }
            sink.endArray()
            sink.endObject()
        }
        sink.endArray()
    }
}

/// One piece of a narrative: plain text, or the term a fact was found in.
public struct NarrativeSegment: Sendable {
    public var text: String
    /// The fact found here; nil for plain text.
    public var fact: Fact?
    /// Offset of the piece in Unicode scalars.
    public var start: Int
}

/// `narrative` cut at the spans of `facts`, in text order, for annotated renderings. A fact whose span overlaps
/// one already marked is not marked again (it stays in the evidence lists); empty plain pieces are left out.
public func narrativeSegments(_ narrative: Narrative, facts: [Fact]) -> [NarrativeSegment] {
    let scalars = Array(narrative.text.unicodeScalars)
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
    var segments: [NarrativeSegment] = []
    var cursor = 0
    for fact in facts.sorted(by: spanOrder) {
        guard case .narrative(let start, let end, _, _) = fact.origin, start >= cursor, end <= scalars.count else { continue }
        if start > cursor { segments.append(NarrativeSegment(text: text(cursor..<start), fact: nil, start: cursor)) }
        segments.append(NarrativeSegment(text: text(start..<end), fact: fact, start: start))
        cursor = end
    }
    if cursor < scalars.count { segments.append(NarrativeSegment(text: text(cursor..<scalars.count), fact: nil, start: cursor)) }
    return segments
}

/// Narrative facts in text order.
func spanOrder(_ a: Fact, _ b: Fact) -> Bool {
    guard case .narrative(let s1, let e1, _, _) = a.origin, case .narrative(let s2, let e2, _, _) = b.origin else { return false }
    return (s1, e1, a.indicator) < (s2, e2, b.indicator)
}

/// The JSON objects `totaalbeeld annotate` prints for each hit.
public enum AnnotationJSON {
    public static func value(for hits: [TextHit], ruleset: Ruleset) -> JSONValue {
        .array(hits.map { hit in
            .object([
                ("indicator", .string(hit.indicator)),
                ("domain", .string(ruleset.indicator(id: hit.indicator)?.domain ?? "")),
                ("start", .integer(hit.start)),
                ("end", .integer(hit.end)),
                ("text", .string(hit.matchedText)),
                ("negated", .bool(hit.negated)),
                ("historical", .bool(hit.historical)),
                ("hypothetical", .bool(hit.hypothetical)),
                ("uncertain", .bool(hit.uncertain)),
                ("resolved", .bool(hit.resolved)),
                ("experiencer", .string(hit.experiencer.rawValue)),
                ("assertion", .string(hit.assertion.rawValue)),
                ("sentence", .string(hit.sentence)),
                ("triggers", .array(hit.triggers.map { .object([("category", .string($0.category.rawValue)), ("phrase", .string($0.phrase))]) })),
            ] + (hit.term.map { [
                // The ruleset term that matched, as written there: where the reading comes from.
                ("term", .string($0)),
            ] } ?? []) + (hit.spelling.isEmpty ? [] : [
                // A typing error read as the term word: what the text wrote and what was read.
                ("spelling", .array(hit.spelling.map { .object([("written", .string($0.written)), ("read", .string($0.read))]) })),
            ]))
        })
    }
}
