import TotaalbeeldAgreement
import TotaalbeeldModel

/// Agreement over many intervision cases (`totaalbeeld agreement --evaluations DIR…`): every case's evaluations pooled
/// into one reliability matrix per judgement family — a unit is one cell of one case — so that families with one cell
/// per case (willing, able, approach) get enough units for alpha to mean something; and per rater, whether and on what
/// the rater diverges from the group systematically.
///
/// A rater is an evaluator id: the same id in several cases is taken to be the same person (or role). Alpha does not
/// depend on who is who, only the per-rater view does.
/// ```swift
/// let pooled = PooledAgreement(cases: [(case1.id, evaluations1), (case3.id, evaluations3)], ruleset: ruleset)
/// pooled.agreements.first { $0.name == "willing" }?.result.alpha
/// pooled.raters.filter { !$0.systematic.isEmpty }.map(\.rater)
/// ```
public struct PooledAgreement: Sendable {
    /// How one rater relates to the others on one family, over the units the rater and at least one other judged.
    public struct FamilyDivergence: Sendable {
        public var family: String
        public var units: Int
        /// Mean distance from the rater's answer to each other rater's answer on the same unit, 0…1
        /// (``Comparison/distance(_:_:family:levels:)``).
        public var distance: Double
        /// Mean over units of (the rater's distance to the others − the others' mean distance among themselves), on the
        /// units where at least two others answered: above 0 the rater stands further from the group than its members
        /// stand from each other. With its 95% unit-bootstrap interval.
        public var excess: Double?
        public var excessInterval: (lower: Double, upper: Double)?
        /// Ordinal families: mean of (the rater's level − the others' mean level), in level steps, with its interval:
        /// above 0 the rater scores higher than the group.
        public var shift: Double?
        public var shiftInterval: (lower: Double, upper: Double)?
    }

    /// A unit on which the rater stands apart: the case, the cell, the rater's answer and the others'.
    public struct Divergence: Sendable {
        public var dossier: String
        public var cell: Cell
        public var value: String
        public var others: [(rater: String, value: String)]
        public var distance: Double
    }

    public struct RaterProfile: Sendable {
        public var rater: String
        public var professions: [String]
        public var cases: [String]
        public var families: [FamilyDivergence]
        /// Overall alpha (ordinal, nominal) with this rater left out, minus with everyone: above 0, the group agrees
        /// more without this rater.
        public var alphaWithout: [(name: String, alpha: Double?, change: Double?)]
        /// What the rater systematically does differently, one sentence per finding (Dutch, English).
        public var systematic: [(nl: String, en: String)]
        /// The units where the rater stands furthest from the others, most distant first (at most five).
        public var onWhat: [Divergence]
    }

    /// Case (dossier id) → its evaluations, in dossier-id order.
    public var cases: [(dossier: String, evaluations: [Evaluation])]
    /// Raters in id order.
    public var raterIDs: [String]
    /// Per family (in ``CellFamily`` order), then overall ordinal and overall nominal, as ``Comparison/agreements``.
    public var agreements: [Comparison.Agreement]
    public var raters: [RaterProfile]

    /// Fewer units than this for a rater and family, and no divergence is called systematic.
    public static let minimumUnits = 5

    public init(cases: [(dossier: String, evaluations: [Evaluation])], ruleset: Ruleset, bootstrapSamples: Int = 1000, seed: UInt64 = 20110101) {
        let cases = cases.sorted { $0.dossier < $1.dossier }
        self.cases = cases
        let levels = ruleset.scoring.levels.map(\.id)
        let raterList = Array(Set(cases.flatMap { $0.evaluations.map(\.rater) })).sorted()
        raterIDs = raterList
        // Units: every cell any rater judged in a case, per case in dossier order.
        let units: [(dossier: String, cell: Cell)] = cases.flatMap { entry in
            Set(entry.evaluations.flatMap { $0.judgements.map(\.cell) }).sorted().map { (entry.dossier, $0) }
        }
        var answers: [String: [String: String]] = [:]   // "dossier\tcell" → rater → value
        for entry in cases {
            for evaluation in entry.evaluations {
                for judgement in evaluation.judgements { answers[entry.dossier + "\t" + judgement.cell.description, default: [:]][evaluation.rater] = judgement.value }
            }
        }
        func value(_ rater: String, _ unit: (dossier: String, cell: Cell)) -> String? { answers[unit.dossier + "\t" + unit.cell.description]?[rater] }

        func matrix(_ families: [CellFamily], _ level: MeasurementLevel, raters: [String]) -> ReliabilityMatrix {
            let chosen = units.filter { families.contains($0.cell.family) }
            var categories: [String] = []
            let values: [[Double?]] = raters.map { rater in
                chosen.map { unit -> Double? in
                    guard let answer = value(rater, unit) else { return nil }
                    if level == .ordinal { return levels.firstIndex(of: answer).map(Double.init) }
                    // Categories are coded per family, as in a single comparison.
                    let label = unit.cell.family.rawValue + ":" + answer
                    if let index = categories.firstIndex(of: label) { return Double(index) }
                    categories.append(label)
                    return Double(categories.count - 1)
                }
            }
            return ReliabilityMatrix(raters: raters, units: chosen.map { "\($0.dossier) · \($0.cell)" }, values: values, categories: level == .nominal ? categories : [])
        }
        func agreement(_ name: String, _ families: [CellFamily], _ level: MeasurementLevel) -> Comparison.Agreement {
            let matrix = matrix(families, level, raters: raterList)
            let result = KrippendorffAlpha.compute(matrix, level: level)
            let interval = result.units < 2 ? nil : KrippendorffAlpha.bootstrap(matrix, level: level, samples: bootstrapSamples, seed: seed)
            var warnings: [String] = []
            if result.raters < Comparison.minimumRaters { warnings.append("only \(result.raters) rater(s) with pairable values; alpha needs at least \(Comparison.minimumRaters)") }
            if result.units < Comparison.minimumUnits { warnings.append("only \(result.units) pairable unit(s); fewer than \(Comparison.minimumUnits) makes alpha and its interval unreliable") }
            return Comparison.Agreement(name: name, families: families, evaluations: raterList.count, level: level, result: result, interval: interval, warning: warnings.isEmpty ? nil : warnings.joined(separator: "; "), matrix: matrix)
        }
        let present = CellFamily.allCases.filter { family in units.contains { $0.cell.family == family } }
        var agreements = present.map { agreement($0.rawValue, [$0], $0.level) }
        let overall: [(String, [CellFamily], MeasurementLevel)] = [
            ("overall ordinal (burden, strength, schema2)", [.burden, .strength, .schema2], .ordinal),
            ("overall nominal (level2, willing, able, approach)", [.level2, .willing, .able, .approach], .nominal),
        ]
        agreements += overall.map { agreement($0.0, $0.1, $0.2) }

        // Per rater: distances to the others, unit by unit.
        var profiles: [RaterProfile] = []
        for rater in raterList {
            var families: [FamilyDivergence] = []
            var divergences: [Divergence] = []
            var systematic: [(nl: String, en: String)] = []
            for family in present {
                var distances: [Double] = [], excesses: [Double] = [], shifts: [Double] = []
                for unit in units where unit.cell.family == family {
                    guard let mine = value(rater, unit) else { continue }
                    let others = (answers[unit.dossier + "\t" + unit.cell.description] ?? [:]).filter { $0.key != rater }.sorted { $0.key < $1.key }
                    guard !others.isEmpty else { continue }
                    let distance = others.map { Comparison.distance(mine, $0.value, family: family, levels: levels) }.reduce(0, +) / Double(others.count)
                    distances.append(distance)
                    if others.count >= 2 {
                        var among = 0.0, pairs = 0
                        for i in others.indices { for j in others.indices where j > i { among += Comparison.distance(others[i].value, others[j].value, family: family, levels: levels); pairs += 1 } }
                        excesses.append(distance - among / Double(pairs))
                    }
                    if family.level == .ordinal, let own = levels.firstIndex(of: mine) {
                        let ranks = others.compactMap { levels.firstIndex(of: $0.value) }
                        if !ranks.isEmpty { shifts.append(Double(own) - Double(ranks.reduce(0, +)) / Double(ranks.count)) }
                    }
                    if distance > 0 {
                        divergences.append(Divergence(dossier: unit.dossier, cell: unit.cell, value: mine, others: others.map { ($0.key, $0.value) }, distance: distance))
                    }
                }
                guard !distances.isEmpty else { continue }
                var entry = FamilyDivergence(family: family.rawValue, units: distances.count, distance: distances.reduce(0, +) / Double(distances.count))
                if !excesses.isEmpty {
                    entry.excess = excesses.reduce(0, +) / Double(excesses.count)
                    entry.excessInterval = Self.meanInterval(excesses, samples: bootstrapSamples, seed: seed)
                }
                if !shifts.isEmpty {
                    entry.shift = shifts.reduce(0, +) / Double(shifts.count)
                    entry.shiftInterval = Self.meanInterval(shifts, samples: bootstrapSamples, seed: seed)
                }
                if excesses.count >= Self.minimumUnits, let interval = entry.excessInterval, interval.lower > 0 {
                    systematic.append((
                        nl: "wijkt op \(family.rawValue) stelselmatig meer af van de anderen dan zij onderling (gemiddeld +\(Self.format(entry.excess ?? 0)), 95% BI \(Self.format(interval.lower)) … \(Self.format(interval.upper)), \(excesses.count) eenheden)",
                        en: "diverges from the others on \(family.rawValue) more than they diverge among themselves (mean +\(Self.format(entry.excess ?? 0)), 95% CI \(Self.format(interval.lower)) … \(Self.format(interval.upper)), \(excesses.count) units)"
                    ))
                }
                if shifts.count >= Self.minimumUnits, let interval = entry.shiftInterval, interval.lower > 0 || interval.upper < 0 {
                    let higher = interval.lower > 0
                    systematic.append((
                        nl: "schat \(family.rawValue) stelselmatig \(higher ? "hoger" : "lager") in dan de anderen (gemiddeld \(Self.signed(entry.shift ?? 0)) niveaustappen, 95% BI \(Self.format(interval.lower)) … \(Self.format(interval.upper)), \(shifts.count) eenheden)",
                        en: "rates \(family.rawValue) systematically \(higher ? "higher" : "lower") than the others (mean \(Self.signed(entry.shift ?? 0)) level steps, 95% CI \(Self.format(interval.lower)) … \(Self.format(interval.upper)), \(shifts.count) units)"
                    ))
                }
                families.append(entry)
            }
            let others = raterList.filter { $0 != rater }
            let alphaWithout = overall.map { name, families, level -> (String, Double?, Double?) in
                let all = agreements.first { $0.name == name }?.result.alpha
                let without = KrippendorffAlpha.compute(matrix(families, level, raters: others), level: level).alpha
                return (name, without, without.flatMap { w in all.map { w - $0 } })
            }
            let evaluations = cases.flatMap { entry in entry.evaluations.filter { $0.rater == rater }.map { (entry.dossier, $0) } }
            profiles.append(RaterProfile(
                rater: rater, professions: Array(Set(evaluations.map(\.1.profession))).sorted(), cases: evaluations.map(\.0),
                families: families, alphaWithout: alphaWithout, systematic: systematic,
                onWhat: Array(divergences.sorted { $0.distance != $1.distance ? $0.distance > $1.distance : ($0.dossier, $0.cell) < ($1.dossier, $1.cell) }.prefix(5))
            ))
        }
        self.agreements = agreements
        raters = profiles
    }

    /// A deterministic 95% percentile bootstrap interval of a mean (SplitMix64, as alpha's bootstrap).
    static func meanInterval(_ values: [Double], samples: Int, seed: UInt64) -> (lower: Double, upper: Double)? {
        guard values.count >= 2, samples > 0 else { return nil }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var means: [Double] = []
        means.reserveCapacity(samples)
        for _ in 0..<samples {
            var total = 0.0
            for _ in values.indices { total += values[Int(next() % UInt64(values.count))] }
            means.append(total / Double(values.count))
        }
        means.sort()
        func quantile(_ p: Double) -> Double {
            let position = Double(means.count - 1) * p
            let below = Int(position.rounded(.down)), above = min(below + 1, means.count - 1)
            return means[below] + (position - Double(below)) * (means[above] - means[below])
        }
        return (quantile(0.025), quantile(0.975))
    }

    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + format(value) }
}
