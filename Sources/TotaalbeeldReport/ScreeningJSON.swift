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

    public func value(for result: ScreeningResult) -> JSONValue {
        let dossier = result.dossier
        let digest = SignalDigest(result: result)
        let summary = ScreeningSummary(result: result, language: language, digest: digest)
        var concern: [String: String] = [:]
        for group in digest.groups {
            for flag in group.flags { concern[flag.id] = group.lead.id }
        }
        let phases = Dictionary(result.ruleset.rules.map { ($0.id, $0.phase.rawValue) }, uniquingKeysWith: { first, _ in first })
        return .object([
            ("formatVersion", .integer(1)),
            ("dossier", .object([
                ("id", .string(dossier.id)),
                ("client", .optional(dossier.client.ref)),
                ("date", .string(dossier.date.description)),
                ("benefitRegime", .string(dossier.client.benefitRegime)),
                ("ageBand", .string(dossier.client.ageBand)),
            ])),
            ("ruleset", .object([
                ("id", .string(result.ruleset.id)),
                ("version", .string(result.ruleset.version)),
                ("checksum", .string("sha256:" + result.ruleset.checksum)),
                ("levels", .array(result.ruleset.scoring.levels.map { .string($0.id) })),
            ])),
            ("summary", self.summary(summary)),
            ("domains", .array(result.domains.map(domain))),
            ("gaps", .array(result.gaps.map(gap))),
            ("schema2", .array(result.schema2.map(activity))),
            ("flags", .array(result.flags.map { flag($0, phase: phases[$0.rule], concern: concern[$0.id]) })),
            ("trialAndError", trialAndError(result.trialAndError)),
            ("narrative", .array(narrative(result))),
            ("unmatchedWeighings", .array(result.unmatchedWeighings.map { .object(weighingMembers($0)) })),
        ])
    }

    private func domain(_ domain: DomainResult) -> JSONValue {
        let contributions = domain.burdens.map { ($0, "burden") } + domain.strengths.map { ($0, "strength") }
        var evidence: [JSONValue] = contributions.flatMap { contribution, polarity in
            limited(contribution.facts).map { fact(contribution.indicator, polarity: polarity, weight: contribution.weight, fact: $0) }
        }
        evidence += limited(domain.uncounted).map { fact in
            self.fact(nil, indicatorID: fact.item.indicator, polarity: "uncounted", weight: 0, fact: fact)
        }
        let omitted = (contributions.map(\.0.facts) + [domain.uncounted]).reduce(0) { $0 + omittedCount($1) }
        return .object([
            ("code", .string(domain.domain.id)),
            ("label", .string(domain.domain.label[language])),
            ("burden", .number(domain.burden)),
            ("strength", .number(domain.strength)),
            ("supportNeed", .number(domain.supportNeed)),
            ("supportNeedLevel", .optional(domain.supportNeedLevel?.id)),
            ("hasInformation", .bool(domain.hasInformation)),
            ("sourceKinds", .array(domain.sourceKinds.map(JSONValue.string))),
            ("modifiers", .array(domain.modifiers.map { modifier in
                .object([
                    ("indicator", .string(modifier.indicator.id)),
                    ("dimension", .string(modifier.dimension)),
                    ("factor", .number(modifier.factor)),
                    ("extraRisk", .bool(modifier.extraRisk)),
                    ("evidence", .array(limited(modifier.facts).map { fact(modifier.indicator, polarity: "modifier", weight: 0, fact: $0) })),
                    ("evidenceOmitted", .integer(omittedCount(modifier.facts))),
                ])
            })),
            ("evidence", .array(evidence)),
            ("evidenceOmitted", .integer(omitted)),
        ])
    }

    /// An evidence list folded (repeats counted) and cut at the list limit.
    private func limited(_ facts: [Fact]) -> ArraySlice<Repeated<Fact>> {
        foldRepeats(facts, by: \.repeatKey).prefix(Repeated<Fact>.listLimit)
    }

    private func omittedCount(_ facts: [Fact]) -> Int { max(0, foldRepeats(facts, by: \.repeatKey).count - Repeated<Fact>.listLimit) }

    private func fact(_ indicator: Indicator?, indicatorID: String? = nil, polarity: String, weight: Double, fact repeated: Repeated<Fact>) -> JSONValue {
        let fact = repeated.item
        var members: [(String, JSONValue)] = [
            ("element", .string(fact.elementID)),
            ("indicator", .string(indicator?.id ?? indicatorID ?? fact.indicator)),
            ("role", .string(polarity)),
        ]
        if weight != 0 { members.append(("weight", .number(weight))) }
        members += [
            ("countFactor", .number(fact.countFactor)),
            ("counted", .bool(fact.counts)),
            ("reason", .string(fact.countReason[language])),
            ("source", .string(fact.sourceID)),
            ("sourceKind", .string(fact.sourceKind)),
            ("line", .integer(fact.location.line)),
            ("column", .integer(fact.location.column)),
            ("origin", .string(fact.isNarrative ? "narrative" : "structured")),
        ]
        if case .narrative(let start, let end, _, _) = fact.origin {
            members.append(("span", .object([("start", .integer(start)), ("end", .integer(end))])))
        }
        members += [
            ("quote", .string(fact.quote)),
            ("negated", .bool(!fact.present)),
            ("historical", .bool(fact.historical)),
            ("hypothetical", .bool(fact.hypothetical)),
            ("uncertain", .bool(fact.uncertain)),
            ("resolved", .bool(fact.resolved)),
            ("experiencer", .string(fact.experiencer.rawValue)),
            ("assertion", .string(fact.assertion.rawValue)),
            ("occurrences", .integer(repeated.occurrences)),
        ]
        return .object(members)
    }

    private func gap(_ gap: Gap) -> JSONValue {
        .object([
            ("theme", .string(gap.theme.id)),
            ("domain", .string(gap.theme.domain)),
            ("label", .string(gap.theme.label[language])),
            ("missingSourceKind", .optional(gap.missingSourceKind)),
            ("question", .string(gap.theme.question[language])),
        ])
    }

    private func activity(_ row: ActivityResult) -> JSONValue {
        .object([
            ("activity", .string(row.activity.id)),
            ("parent", .optional(row.activity.parent)),
            ("label", .string(row.activity.label[language])),
            ("score", .number(row.score)),
            ("supportNeed", .string(row.need?.level ?? "geen")),
            ("support", .optional(row.need?.support[language])),
            ("workRequirement", .optional(row.need?.workRequirement[language])),
            ("derivedFrom", .array(row.contributions.map { contribution in
                .object([
                    ("indicator", .string(contribution.indicator.id)),
                    ("weight", .number(contribution.weight)),
                    ("effectiveWeight", .number(contribution.effectiveWeight)),
                    ("elements", .array(Array(Set(contribution.facts.map(\.elementID))).sorted().map(JSONValue.string))),
                    ("lines", .array(Array(Set(contribution.facts.map(\.location.line))).sorted().map(JSONValue.integer))),
                ])
            })),
            ("fml", .array(row.fml.map { requirement in
                .object([
                    ("limitation", .string(requirement.limitation.text)),
                    ("element", .optional(requirement.limitation.id)),
                    ("weight", .number(requirement.weight)),
                    ("source", .optional(requirement.sourceID)),
                    ("date", .optional(requirement.date?.description)),
                ])
            })),
            ("assessed", row.assessed.map { need in
                .object([
                    ("element", .string(need.id)),
                    ("level", .string(need.level)),
                    ("text", .string(need.text)),
                    ("cites", .array(need.cites.map(JSONValue.string))),
                ])
            } ?? .null),
        ])
    }

    /// The Kernpunten (see ``ScreeningSummary``), in the report's language.
    func summary(_ summary: ScreeningSummary) -> JSONValue {
        .object([
            ("advice", .object([("code", .string(summary.advice.rawValue)), ("sentence", .string(summary.adviceSentence))])),
            ("points", .array(summary.points.map { group in
                .object([
                    ("flag", .string(group.lead.id)),
                    ("severity", .string(group.severity.rawValue)),
                    ("phase", .string(group.phase.rawValue)),
                    ("message", .string(group.lead.message[language])),
                    ("question", .string(group.lead.question[language])),
                    ("also", .array(group.also.map { .string($0.id) })),
                ])
            })),
            ("morePoints", .integer(summary.morePoints)),
            ("notYet", .array(summary.notYet.map(JSONValue.string))),
            ("strengths", .array(summary.strengths.map(JSONValue.string))),
            ("trialAndError", .string(summary.trialAndError)),
        ])
    }

    func flag(_ flag: Flag, phase: String? = nil, concern: String? = nil) -> JSONValue {
        .object([
            ("id", .string(flag.id)),
            ("rule", .string(flag.rule)),
            ("kind", .string(flag.kind.rawValue)),
            ("severity", .string(flag.severity.rawValue)),
            ("phase", .optional(phase)),
            ("concern", .optional(concern)),
            ("message", .string(flag.message[language])),
            ("question", .string(flag.question[language])),
            ("alternatives", .array(flag.alternatives.map { .string($0[language]) })),
            ("evidence", .array(flag.evidence.map(evidence))),
            ("evidenceOmitted", .integer(flag.evidenceOmitted)),
            ("reference", .optional(flag.reference)),
            ("item", .optional(flag.item)),
            ("evidenceFingerprint", .string(flag.evidenceFingerprint)),
            ("weighed", flag.weighing.map { weighing in
                .object(weighingMembers(weighing.weighed) + [("state", .string(weighing.state.rawValue))])
            } ?? .null),
        ])
    }

    private func weighingMembers(_ weighed: Assessment.WeighedFlag) -> [(String, JSONValue)] {
        [
            ("rule", .string(weighed.rule)), ("item", .optional(weighed.item)), ("by", .string(weighed.by)),
            ("date", .string(weighed.date.description)), ("evidence", .string(weighed.evidence)), ("reason", .string(weighed.reason)),
            ("line", .integer(weighed.location.line)),
        ]
    }

    func evidence(_ evidence: Evidence) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("element", .string(evidence.elementID)),
            ("source", .optional(evidence.sourceID)),
            ("line", .integer(evidence.location.line)),
            ("column", .integer(evidence.location.column)),
        ]
        if let span = evidence.span {
            members.append(("span", .object([("start", .integer(span.lowerBound)), ("end", .integer(span.upperBound + 1))])))
        }
        members.append(("quote", .string(evidence.quote)))
        members.append(("occurrences", .integer(evidence.occurrences)))
        return .object(members)
    }

    private func trialAndError(_ result: TrialAndErrorResult) -> JSONValue {
        .object([
            ("indicated", .bool(result.indicated)),
            ("reasons", .array(result.reasons.map { .string($0[language]) })),
            ("tracks", .array(result.tracks.map { track in
                .object([
                    ("id", .string(track.id)),
                    ("label", .string(track.label[language])),
                    ("fit", .number(track.fit)),
                    ("why", .array(track.why.map { .string($0[language]) })),
                    ("safeguards", .array(track.safeguards.map { .string($0[language]) })),
                    ("checkpoints", .array(track.checkpoints.map { .string($0[language]) })),
                ])
            })),
        ])
    }

    private func narrative(_ result: ScreeningResult) -> [JSONValue] {
        let byElement = result.narrativeFactsByElement()
        return result.dossier.narratives.map { narrative in
            let spans = (byElement.facts[narrative.id] ?? []).sorted(by: spanOrder)
            return .object([
                ("element", .string(narrative.id)),
                ("domain", .string(narrative.domain)),
                ("source", .string(narrative.source)),
                ("line", .integer(narrative.location.line)),
                ("text", .string(narrative.text)),
                ("cutSentences", .array((byElement.cutSentences[narrative.id] ?? []).map { note in
                    .object([
                        ("start", .integer(note.sentence.start)), ("end", .integer(note.sentence.end)),
                        ("words", .integer(note.sentence.words)), ("pieces", .integer(note.sentence.pieces)),
                    ])
                })),
                ("spans", .array(spans.map { fact in
                    guard case .narrative(let start, let end, _, _) = fact.origin else { return .null }
                    return .object([
                        ("indicator", .string(fact.indicator)),
                        ("start", .integer(start)),
                        ("end", .integer(end)),
                        ("text", .string(fact.quote)),
                        ("negated", .bool(!fact.present)),
                        ("historical", .bool(fact.historical)),
                        ("hypothetical", .bool(fact.hypothetical)),
                        ("uncertain", .bool(fact.uncertain)),
                        ("resolved", .bool(fact.resolved)),
                        ("experiencer", .string(fact.experiencer.rawValue)),
                        ("assertion", .string(fact.assertion.rawValue)),
                        ("counted", .bool(fact.counts)),
                    ])
                })),
            ])
        }
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
            ])
        })
    }
}
