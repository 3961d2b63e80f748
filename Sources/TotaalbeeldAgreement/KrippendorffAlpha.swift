/// Why Krippendorff's alpha is undefined for a matrix.
///
/// ```swift
/// if let reason = KrippendorffAlpha.compute(matrix, level: .nominal).undefinedReason {
///     print("alpha undefined: \(reason)")
/// }
/// ```
public enum AlphaUndefinedReason: String, Sendable, Equatable, CustomStringConvertible {
    /// No unit has two or more values, so there is nothing to compare.
    case noPairableValues
    /// All pairable values are identical, so the expected disagreement is zero (alpha would be 0/0).
    case noVariation
    /// The ratio difference function needs values ≥ 0, and the data holds a negative value.
    case negativeRatioValue

    public var description: String {
        switch self {
        case .noPairableValues: "no unit has at least two values, so there are no pairable values"
        case .noVariation: "all pairable values are identical, so the expected disagreement is zero"
        case .negativeRatioValue: "ratio level needs non-negative values, but the data holds a negative value"
        }
    }
}

/// The outcome of ``KrippendorffAlpha/compute(_:level:)``.
///
/// ```swift
/// let result = KrippendorffAlpha.compute(matrix, level: .ordinal)
/// print(result.alpha.map { String(format: "α = %.3f", $0) } ?? "α undefined: \(result.undefinedReason!)")
/// ```
public struct AlphaResult: Sendable, Equatable {
    /// α = 1 − D_o / D_e; `nil` when undefined (see ``undefinedReason``).
    public var alpha: Double?
    public var level: MeasurementLevel
    /// Number of pairable units: units with at least two values.
    public var units: Int
    /// Number of raters contributing at least one pairable value.
    public var raters: Int
    /// n.. — the total number of pairable values (values in pairable units).
    public var pairable: Int
    /// D_o = Σ_ck o_ck δ²_ck / n..
    public var observedDisagreement: Double
    /// D_e = Σ_ck n_c n_k δ²_ck / (n.. (n.. − 1))
    public var expectedDisagreement: Double
    /// Set exactly when ``alpha`` is `nil`.
    public var undefinedReason: AlphaUndefinedReason?
}

/// Krippendorff's alpha reliability coefficient, computed with the coincidence-matrix formulation of
/// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
///
/// ```swift
/// let matrix = ReliabilityMatrix(raters: ["A", "B"], units: ["1", "2", "3"],
///                                values: [[1, 2, 3], [1, 2, 4]])
/// let result = KrippendorffAlpha.compute(matrix, level: .interval)   // result.alpha ≈ 0.878
/// let ci = KrippendorffAlpha.bootstrap(matrix, level: .interval, seed: 42)
/// ```
///
/// For every unit u with m_u ≥ 2 values, each ordered pair of values (c, k) from different raters adds
/// 1/(m_u − 1) to the coincidence o_ck. With marginals n_c and n.. = Σ n_c:
/// α = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
/// Units with fewer than two values are not pairable and are ignored; non-finite values count as missing.
public enum KrippendorffAlpha {
    /// Computes alpha for `matrix` at the given level of measurement.
    public static func compute(_ matrix: ReliabilityMatrix, level: MeasurementLevel) -> AlphaResult {
        let data = PairableData(matrix)
        return data.evaluate(units: data.units, level: level)
    }

    /// A deterministic bootstrap confidence interval for alpha, or `nil` when alpha is undefined for `matrix`,
    /// `samples < 1`, `confidence` is not strictly between 0 and 1, or no resample has a defined alpha.
    ///
    /// Method: a plain **unit-resampling percentile bootstrap** — not the Hayes & Krippendorff (2007) /
    /// Krippendorff (2016) algorithm, which resamples pairs of values from the coincidence matrix while
    /// holding D_e fixed. Each of `samples` resamples draws the pairable units with replacement (as many as
    /// the data has), keeps each drawn unit's values together, and recomputes alpha from scratch (including
    /// the ordinal ranks and D_e). Resamples with an undefined alpha (e.g. all values identical) are
    /// discarded. The interval is the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the resampled
    /// alphas (linear interpolation between order statistics). With few units the interval is coarse.
    ///
    /// Randomness comes from a SplitMix64 generator seeded with `seed`, with its own bounded-integer
    /// sampling, so the same input and seed give the same interval on every platform and Swift version.
    public static func bootstrap(
        _ matrix: ReliabilityMatrix,
        level: MeasurementLevel,
        samples: Int = 1000,
        confidence: Double = 0.95,
        seed: UInt64 = 20110101
    ) -> (lower: Double, upper: Double)? {
        guard samples > 0, confidence > 0, confidence < 1 else { return nil }
        let data = PairableData(matrix)
        guard data.evaluate(units: data.units, level: level).alpha != nil else { return nil }

        var generator = SplitMix64(seed: seed)
        var alphas: [Double] = []
        alphas.reserveCapacity(samples)
        for _ in 0..<samples {
            let resample = data.units.indices.map { _ in data.units[generator.next(below: data.units.count)] }
            if let alpha = data.evaluate(units: resample, level: level).alpha {
                alphas.append(alpha)
            }
        }
        guard !alphas.isEmpty else { return nil }
        alphas.sort()
        let tail = (1 - confidence) / 2
        return (quantile(alphas, tail), quantile(alphas, 1 - tail))
    }

    /// Quantile of sorted values, interpolating linearly between order statistics (Hyndman & Fan type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}

/// The pairable part of a reliability matrix: distinct values and, per pairable unit, its values as indices.
struct PairableData {
    /// Sorted distinct values occurring in pairable units.
    let values: [Double]
    /// One entry per pairable unit: indices into `values`, one per rater who judged the unit.
    let units: [[Int]]
    /// Raters contributing at least one pairable value.
    let raters: Int

    init(_ matrix: ReliabilityMatrix) {
        let unitCount = matrix.values.map(\.count).max() ?? 0
        var columns: [[Double]] = []
        var contributing = Set<Int>()
        for unit in 0..<unitCount {
            let judged = matrix.values.indices.compactMap { rater -> (Int, Double)? in
                guard unit < matrix.values[rater].count, let value = matrix.values[rater][unit],
                      value.isFinite else { return nil }
                return (rater, value)
            }
            guard judged.count >= 2 else { continue }
            columns.append(judged.map(\.1))
            contributing.formUnion(judged.map(\.0))
        }
        let values = Array(Set(columns.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        self.values = values
        self.units = columns.map { $0.map { index[$0]! } }
        self.raters = contributing.count
    }

    /// Alpha over the given pairable units (a unit may occur more than once, as in a bootstrap resample).
    /// `raters` in the result is always that of the whole matrix.
    func evaluate(units: [[Int]], level: MeasurementLevel) -> AlphaResult {
        let count = values.count
        var coincidences = [Double](repeating: 0, count: count * count)   // o_ck at [c * count + k]
        var marginals = [Double](repeating: 0, count: count)              // n_c
        for unit in units {
            let weight = 1 / Double(unit.count - 1)
            for (i, c) in unit.enumerated() {
                marginals[c] += 1
                for (j, k) in unit.enumerated() where i != j {
                    coincidences[c * count + k] += weight
                }
            }
        }
        let total = units.reduce(0) { $0 + $1.count }                     // n..
        var result = AlphaResult(
            alpha: nil, level: level, units: units.count,
            raters: raters,
            pairable: total, observedDisagreement: 0, expectedDisagreement: 0, undefinedReason: nil)
        guard total > 0 else {
            result.undefinedReason = .noPairableValues
            return result
        }
        if level == .ratio, let smallest = values.first, smallest < 0 {
            result.undefinedReason = .negativeRatioValue
            return result
        }

        let delta = differenceFunction(level, marginals: marginals)
        var observed = 0.0, expected = 0.0
        for c in 0..<count {
            for k in 0..<count where c != k {
                let d = delta(c, k)
                observed += coincidences[c * count + k] * d
                expected += marginals[c] * marginals[k] * d
            }
        }
        let n = Double(total)
        let observedScaled = observed / n, expectedScaled = expected / (n * (n - 1))
        // Interval differences are computed on values scaled into [-1, 1]; the disagreements are reported
        // in the data's own units, alpha from the scaled ones (so 1e308 does not overflow it).
        let unit = level == .interval ? intervalScale * intervalScale : 1
        result.observedDisagreement = observedScaled * unit
        result.expectedDisagreement = expectedScaled * unit
        if expectedScaled > 0 {
            result.alpha = 1 - observedScaled / expectedScaled
        } else {
            result.undefinedReason = .noVariation
        }
        return result
    }

    /// The largest magnitude among the values (1 when all are 0): interval differences are taken on values
    /// divided by it.
    private var intervalScale: Double { values.map(abs).max().map { $0 > 0 ? $0 : 1 } ?? 1 }

    /// δ²(c, k) for distinct value indices c ≠ k (into the sorted `values`), given the marginals n_c.
    private func differenceFunction(_ level: MeasurementLevel, marginals: [Double]) -> (Int, Int) -> Double {
        let values = self.values
        switch level {
        case .nominal:
            return { c, k in c == k ? 0 : 1 }
        case .ordinal:
            // cumulative[i] = n_0 + … + n_{i-1}, so Σ_{g=c..k} n_g = cumulative[k+1] − cumulative[c] for c ≤ k.
            var cumulative = [0.0]
            for n in marginals { cumulative.append(cumulative.last! + n) }
            return { c, k in
                let (low, high) = (min(c, k), max(c, k))
                let between = cumulative[high + 1] - cumulative[low] - (marginals[low] + marginals[high]) / 2
                return between * between
            }
        case .interval:
            // Alpha is a ratio of disagreements, so scaling every value by one factor leaves it unchanged;
            // values are scaled into [-1, 1] so that huge ones (1e308) cannot overflow the squares.
            let scale = intervalScale
            return { c, k in
                let d = values[c] / scale - values[k] / scale
                return d * d
            }
        case .ratio:
            // Only called for c ≠ k on non-negative values, so c + k > 0; scaled as for interval.
            let scale = values.max().map { $0 > 0 ? $0 : 1 } ?? 1
            return { c, k in
                let (a, b) = (values[c] / scale, values[k] / scale)
                let d = (a - b) / (a + b)
                return d * d
            }
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator. Deliberately not a
/// `RandomNumberGenerator`, so no standard-library sampling algorithm (which may change) is involved.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject method, unbiased). `bound` must be > 0.
    mutating func next(below bound: Int) -> Int {
        precondition(bound > 0)
        let bound = UInt64(bound)
        let threshold = (0 &- bound) % bound
        while true {
            let (high, low) = next().multipliedFullWidth(by: bound)
            if low >= threshold { return Int(high) }
        }
    }
}
