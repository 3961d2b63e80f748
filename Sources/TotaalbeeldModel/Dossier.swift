/// One anonymised reintegration intake dossier: sources, structured findings, narrative,
/// the client's wish and, optionally, the professional's own assessment.
///
/// Every citable element has an id unique within the dossier and a `location`, so the
/// evidence behind each score can point at the line it came from.
/// ```swift
/// let dossier = try DossierLoader.load(contentsOf: "Cases/akc-focusgroep/case1-ict-wens.dossier.xml", ruleset: ruleset)
/// dossier.narratives.first?.text
/// ```
public struct Dossier: Sendable {
    public var id: String
    public var file: String
    public var date: SimpleDate
    public var summary: String?
    public var client: ClientProfile
    public var disability: Disability?
    public var fml: FML?
    public var sources: [Source]
    public var findings: [StructuredFinding]
    public var narratives: [Narrative]
    public var wishes: [Wish]
    public var assessment: Assessment?
    /// Text an imported intake held under a heading that maps to no theme: screened, but covering no theme.
    public var unassigned: [UnassignedText] = []

    /// Every text the screening reads: the narratives, then the unassigned texts as narratives of no domain and no
    /// theme, told by their own source or else by the client (as an imported narrative without one is).
    public var screenedTexts: [Narrative] {
        guard !unassigned.isEmpty else { return narratives }
        return narratives + unassigned.map {
            Narrative(id: $0.id, domain: "", theme: nil, source: teller(of: $0), date: $0.date, text: $0.text, location: $0.location)
        }
    }

    /// Who tells an unassigned text: its own source, else the client (empty when the dossier has no client source).
    public func teller(of text: UnassignedText) -> String {
        text.source ?? sources.first { $0.kind == "client" }?.id ?? ""
    }

    /// The client this dossier is about, for comparing dossiers over time: the client's `ref` when the dossier has
    /// one, otherwise the dossier's own id (an intake and its checkpoints then share the dossier id).
    public var clientKey: String { client.ref.map { "ref:" + $0 } ?? "dossier:" + id }

    public init(
        id: String, file: String, date: SimpleDate, summary: String?, client: ClientProfile, disability: Disability?, fml: FML?,
        sources: [Source], findings: [StructuredFinding], narratives: [Narrative], wishes: [Wish], assessment: Assessment?
    ) {
        self.id = id
        self.file = file
        self.date = date
        self.summary = summary
        self.client = client
        self.disability = disability
        self.fml = fml
        self.sources = sources
        self.findings = findings
        self.narratives = narratives
        self.wishes = wishes
        self.assessment = assessment
    }

    public func source(id: String) -> Source? { sources.first { $0.id == id } }
}

/// A calendar date without time zone, compared as written (yyyy-mm-dd).
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-mm-dd` (the form XSD's xs:date guarantees, time zone ignored).
    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month), d = day < 10 ? "0\(day)" : String(day)
        return "\(y)-\(m)-\(d)"
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    public func months(until later: SimpleDate) -> Int {
        let months = (later.year - year) * 12 + (later.month - month)
        return later.day < day ? months - 1 : months
    }
}

public struct ClientProfile: Sendable, Hashable {
    /// A pseudonymous client reference (`client/@ref`), the same in every dossier of one client — intake and
    /// checkpoints — so `totaalbeeld diff` can tell that two dossiers are of the same person. Never a BSN or name.
    public var ref: String?
    /// Where the `<client>` element is, for messages about it.
    public var location: Location?
    public var ageBand: String
    public var age: Int?
    public var gender: String?
    public var benefitRegime: String
    public var background: String?
    public init(ageBand: String, age: Int?, gender: String?, benefitRegime: String, background: String?, ref: String? = nil, location: Location? = nil) {
        self.ref = ref
        self.location = location
        self.ageBand = ageBand
        self.age = age
        self.gender = gender
        self.benefitRegime = benefitRegime
        self.background = background
    }
}

/// The primary limitation as the file states it: the ground of the benefit.
public struct Disability: Sendable, Hashable {
    public var percentage: String?
    public var cause: String
    public var status: String?
    public var location: Location
    public init(percentage: String?, cause: String, status: String?, location: Location = Location(file: "", line: 0, column: 0)) {
        self.percentage = percentage
        self.cause = cause
        self.status = status
        self.location = location
    }
}

/// The physician's Functionele Mogelijkheden Lijst, as summarised in the dossier.
public struct FML: Sendable, Hashable {
    /// The id to cite the FML as a whole, when it has one.
    public var id: String?
    public var present: Bool
    public var date: SimpleDate?
    public var source: String?
    public var summary: String?
    public var prognosis: Prognosis?
    public var items: [Limitation]
    public var suggestedJobs: [String]
    /// The ids of the suggested jobs that have one.
    public var jobIDs: [String]
    public var location: Location
    public init(
        id: String? = nil, present: Bool, date: SimpleDate?, source: String?, summary: String?, prognosis: Prognosis? = nil, items: [Limitation],
        suggestedJobs: [String], jobIDs: [String] = [], location: Location
    ) {
        self.id = id
        self.jobIDs = jobIDs
        self.present = present
        self.date = date
        self.source = source
        self.summary = summary
        self.prognosis = prognosis
        self.items = items
        self.suggestedJobs = suggestedJobs
        self.location = location
    }

    public var limitations: [String] { items.map(\.text) }

    /// One limitation of the FML; `activity` names the Schema 2 activity it limits when the dossier says so
    /// (otherwise the ruleset's `fromFml` terms recognise it).
    public struct Limitation: Sendable, Hashable {
        public var id: String?
        public var text: String
        public var activity: String?
        public var location: Location
        public init(id: String?, text: String, activity: String?, location: Location) {
            self.id = id
            self.text = text
            self.activity = activity
            self.location = location
        }
    }

    /// The physician's expectation for the load capacity.
    public struct Prognosis: Sendable, Hashable {
        public enum Expectation: String, Sendable, Hashable { case improve, stable, worsen, unclear }
        public var expectation: Expectation
        public var text: String
        public var location: Location
        public init(expectation: Expectation, text: String, location: Location) {
            self.expectation = expectation
            self.text = text
            self.location = location
        }
    }
}

public struct Source: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var role: String
    public var date: SimpleDate?
    public var note: String?
    public var location: Location
    public init(id: String, kind: String, role: String, date: SimpleDate?, note: String?, location: Location) {
        self.id = id
        self.kind = kind
        self.role = role
        self.date = date
        self.note = note
        self.location = location
    }
}

public enum Experiencer: String, Sendable, Hashable {
    case client, other
}

/// Whether an observation is the client's own statement about himself (a claim, to be weighed against
/// other sources) or a finding of a source (an observation, test, physician, document).
public enum Assertion: String, Sendable, Hashable {
    case finding, claim
}

/// An indicator recorded directly by a source, not found in text.
public struct StructuredFinding: Sendable, Hashable {
    public var id: String
    public var indicator: String
    public var domain: String
    public var source: String
    public var date: SimpleDate?
    /// `false` records that the indicator was checked and found absent.
    public var present: Bool
    public var historical: Bool
    /// `status="resolved"`: the problem has been arranged or solved since; recorded, not a current burden.
    public var resolved: Bool
    public var experiencer: Experiencer
    public var note: String?
    public var location: Location
    public init(
        id: String, indicator: String, domain: String, source: String, date: SimpleDate?, present: Bool,
        historical: Bool, resolved: Bool = false, experiencer: Experiencer, note: String?, location: Location
    ) {
        self.resolved = resolved
        self.id = id
        self.indicator = indicator
        self.domain = domain
        self.source = source
        self.date = date
        self.present = present
        self.historical = historical
        self.experiencer = experiencer
        self.note = note
        self.location = location
    }
}

/// Free Dutch text about one domain from one source.
public struct Narrative: Sendable, Hashable {
    public var id: String
    public var domain: String
    public var theme: String?
    /// Further themes the text informs without being scored under them: one heading named several ("Sociaal netwerk en
    /// vrije tijd"), so no theme of them is a gap.
    public var alsoThemes: [String]
    public var source: String
    public var date: SimpleDate?
    public var text: String
    public var location: Location
    public init(id: String, domain: String, theme: String?, alsoThemes: [String] = [], source: String, date: SimpleDate?, text: String, location: Location) {
        self.id = id
        self.domain = domain
        self.theme = theme
        self.alsoThemes = alsoThemes
        self.source = source
        self.date = date
        self.text = text
        self.location = location
    }
}

public struct Wish: Sendable, Hashable {
    public var id: String
    public var source: String
    public var date: SimpleDate?
    public var text: String
    public var location: Location
    public init(id: String, source: String, date: SimpleDate?, text: String, location: Location) {
        self.id = id
        self.source = source
        self.date = date
        self.text = text
        self.location = location
    }
}

/// The professional's own reading of the dossier, which judgement-risk rules examine.
public struct Assessment: Sendable, Hashable {
    public var id: String
    public var source: String
    public var date: SimpleDate?
    public var conclusions: [Conclusion]
    public var supportNeeds: [AssessedSupportNeed]
    public var placement: Placement?
    public var direction: Direction?
    /// Readings the assessor named and weighed explicitly, each with a verdict and a reason.
    public var weighed: [Weighed]
    /// Flags of a screening the professional has weighed ("gewogen", `<weighedFlag>`), with who, when, why and the
    /// fingerprint of the evidence they were raised on.
    public var weighedFlags: [WeighedFlag] = []
    public var location: Location

    public init(
        id: String, source: String, date: SimpleDate?, conclusions: [Conclusion], supportNeeds: [AssessedSupportNeed],
        placement: Placement?, direction: Direction?, weighed: [Weighed] = [], location: Location
    ) {
        self.weighed = weighed
        self.id = id
        self.source = source
        self.date = date
        self.conclusions = conclusions
        self.supportNeeds = supportNeeds
        self.placement = placement
        self.direction = direction
        self.location = location
    }

    public struct Conclusion: Sendable, Hashable {
        public var id: String
        public var domain: String?
        public var text: String
        public var cites: [String]
        public var location: Location
        public init(id: String, domain: String?, text: String, cites: [String], location: Location) {
            self.id = id
            self.domain = domain
            self.text = text
            self.cites = cites
            self.location = location
        }
    }

    /// A reading the assessor named and weighed: which indicator (and which of its known readings), about
    /// which elements, accepted, rejected or left open, on which evidence, and why (the text).
    public struct Weighed: Sendable, Hashable {
        public enum Verdict: String, Sendable, Hashable { case accepted, rejected, open }
        public var id: String
        public var indicator: String
        public var reading: String?
        public var of: [String]
        public var verdict: Verdict
        public var text: String
        public var cites: [String]
        public var location: Location
        public init(id: String, indicator: String, reading: String?, of: [String], verdict: Verdict, text: String, cites: [String], location: Location) {
            self.id = id
            self.indicator = indicator
            self.reading = reading
            self.of = of
            self.verdict = verdict
            self.text = text
            self.cites = cites
            self.location = location
        }
    }

    public struct AssessedSupportNeed: Sendable, Hashable {
        public var id: String
        public var activity: String
        public var level: String
        public var text: String
        public var cites: [String]
        public var location: Location
        public init(id: String, activity: String, level: String, text: String, cites: [String], location: Location) {
            self.id = id
            self.activity = activity
            self.level = level
            self.text = text
            self.cites = cites
            self.location = location
        }
    }

    /// Seed 004, figure 1: willing versus unwilling, able versus unable.
    public struct Placement: Sendable, Hashable {
        public enum Judgement: String, Sendable, Hashable { case yes, no, unclear }
        public var id: String
        public var willing: Judgement
        public var able: Judgement
        public var text: String
        public var cites: [String]
        public var location: Location
        public init(id: String, willing: Judgement, able: Judgement, text: String, cites: [String], location: Location) {
            self.id = id
            self.willing = willing
            self.able = able
            self.text = text
            self.cites = cites
            self.location = location
        }
    }

    /// A flag the professional has weighed ("gewogen"): which flag (rule and item), the reason, by whom, when,
    /// and `evidence` — the flag's ``Flag/evidenceFingerprint`` at the time, so a flag whose evidence has changed
    /// since comes back as "opnieuw te wegen".
    public struct WeighedFlag: Sendable, Hashable {
        public var rule: String
        /// The item of a rule checked per domain, theme, source or conclusion; nil for a rule checked once per dossier.
        public var item: String?
        public var by: String
        public var date: SimpleDate
        /// `sha256:` and 64 hex digits.
        public var evidence: String
        public var reason: String
        public var location: Location
        public init(rule: String, item: String?, by: String, date: SimpleDate, evidence: String, reason: String, location: Location) {
            self.rule = rule
            self.item = item
            self.by = by
            self.date = date
            self.evidence = evidence
            self.reason = reason
            self.location = location
        }

        /// The id of the flag it weighs: `rule` or `rule:item`, as ``Flag/id``.
        public var flagID: String { item.map { "\(rule):\($0)" } ?? rule }
    }

    public struct Direction: Sendable, Hashable {
        public var id: String
        public var text: String
        public var cites: [String]
        public var addresses: [String]
        public var horizon: String?
        public var intensity: String?
        public var sharedWithClient: Placement.Judgement?
        public var location: Location
        public init(
            id: String, text: String, cites: [String], addresses: [String], horizon: String?, intensity: String?,
            sharedWithClient: Placement.Judgement?, location: Location
        ) {
            self.id = id
            self.text = text
            self.cites = cites
            self.addresses = addresses
            self.horizon = horizon
            self.intensity = intensity
            self.sharedWithClient = sharedWithClient
            self.location = location
        }
    }
}

/// Text kept from an imported intake whose heading maps to no theme (`<unassigned>` in `<narratives>`).
public struct UnassignedText: Sendable, Hashable {
    public var id: String
    public var heading: String?
    public var origin: String?
    public var source: String?
    public var date: SimpleDate?
    public var text: String
    public var location: Location
    public init(id: String, heading: String?, origin: String?, source: String?, date: SimpleDate?, text: String, location: Location) {
        self.id = id
        self.heading = heading
        self.origin = origin
        self.source = source
        self.date = date
        self.text = text
        self.location = location
    }
}
