import XCTest
@testable import TotaalbeeldAgreement

/// Builds a matrix with default labels from rows of optional values.
func matrix(_ rows: [[Double?]]) -> ReliabilityMatrix {
    ReliabilityMatrix(
        raters: rows.indices.map { "r\($0 + 1)" },
        units: (rows.first ?? []).indices.map { "u\($0 + 1)" },
        values: rows)
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
/// 4 observers (A–D) × 12 units, values 1…5, `nil` = missing.
let workedExample = matrix([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
    [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
])

final class KrippendorffAlphaTests: XCTestCase {
    // MARK: - Published examples

    func testWorkedExamplePublishedValues() throws {
        let published: [MeasurementLevel: Double] = [.nominal: 0.743, .ordinal: 0.815, .interval: 0.849, .ratio: 0.797]
        for level in MeasurementLevel.allCases {
            let result = KrippendorffAlpha.compute(workedExample, level: level)
            let alpha = try XCTUnwrap(result.alpha, "\(level)")
            XCTAssertEqual((alpha * 1000).rounded() / 1000, published[level]!, accuracy: 1e-12, "\(level): \(alpha)")
            // Unit 12 holds a single value (B: 3) and is not pairable; the rest hold 3+4·8+3+2 = 40 values.
            XCTAssertEqual(result.units, 11, "\(level)")
            XCTAssertEqual(result.pairable, 40, "\(level)")
            XCTAssertEqual(result.raters, 4, "\(level)")
            XCTAssertNil(result.undefinedReason)
        }
    }

    func testWorkedExampleNominalDisagreementsByHand() {
        // Off-diagonal coincidences: units 2 and 8 contribute 6 ordered unequal pairs × 1/3 each, unit 6
        // contributes 12 × 1/3, so Σ_{c≠k} o_ck = 8. Marginals n_1…n_5 = 9, 13, 10, 5, 3.
        let result = KrippendorffAlpha.compute(workedExample, level: .nominal)
        XCTAssertEqual(result.observedDisagreement, 8.0 / 40, accuracy: 1e-12)
        let marginals: [Double] = [9, 13, 10, 5, 3]
        let sumSquares = marginals.map { $0 * $0 }.reduce(0, +)   // 384
        XCTAssertEqual(result.expectedDisagreement, (1600 - sumSquares) / (40 * 39), accuracy: 1e-12)
        XCTAssertEqual(result.alpha!, 1 - 39 * 8 / (1600 - sumSquares), accuracy: 1e-12)   // 0.743421…
    }

    func testBinaryTwoObserverExample() throws {
        // Krippendorff (2011), section A: two observers, ten units, binary data; published α = 0.095.
        let binary = matrix([
            [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
            [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        ])
        let result = KrippendorffAlpha.compute(binary, level: .nominal)
        let alpha = try XCTUnwrap(result.alpha)
        XCTAssertEqual((alpha * 1000).rounded() / 1000, 0.095, accuracy: 1e-12)
        XCTAssertEqual(alpha, 0.09523809523809534, accuracy: 1e-12)   // = 1 − 19·4/(20² − 14² − 6²)
        XCTAssertEqual(result.pairable, 20)
        XCTAssertEqual(result.units, 10)
    }

    // MARK: - Reference values from the Python package

    /// Reference values computed with the PyPI package `krippendorff` 0.9.0 (numpy 2.4.6):
    /// `krippendorff.alpha(reliability_data=np.array(rows, dtype=float), level_of_measurement=level)`
    /// with `np.nan` for missing cells, printed with `repr` and pasted here. Tests do not call Python.
    func testAgainstPythonKrippendorffPackage() throws {
        let cases: [(name: String, rows: [[Double?]], expected: [MeasurementLevel: Double])] = [
            ("worked example", workedExample.values, [
                .nominal: 0.743421052631579, .ordinal: 0.8153875037548814,
                .interval: 0.8491071428571428, .ratio: 0.7974027747116121,
            ]),
            ("M1: 3 raters × 8 units, 1…4", [
                [1, 2, 2, 3, 4, nil, 1, 3],
                [1, 2, 3, 3, 4, 2, nil, 3],
                [2, 2, 3, 4, 4, 2, 1, nil],
            ], [
                .nominal: 0.6296296296296295, .ordinal: 0.8700389883035089,
                .interval: 0.8654708520179372, .ratio: 0.8297745931153679,
            ]),
            ("M2: 5 raters × 6 units, continuous", [
                [0.5, 2.0, 3.5, 7.0, 10.0, 4.0],
                [1.0, 2.5, 3.0, 6.5, nil, 4.5],
                [0.0, 2.0, 4.0, 8.0, 9.0, nil],
                [nil, 3.0, 3.5, 7.5, 9.5, 5.0],
                [0.5, nil, nil, 7.0, 10.0, 4.0],
            ], [
                .nominal: 0.12714776632302416, .ordinal: 0.9594440154440155,
                .interval: 0.9762770562770563, .ratio: 0.6721287688515117,
            ]),
            ("M3: 4 raters × 10 units, 0…2, low agreement, single-value units", [
                [0, 1, 2, 0, 1, 2, 0, nil, 1, 2],
                [1, 1, 2, 0, 2, nil, 0, 1, nil, 0],
                [0, 2, 1, 0, 1, nil, nil, nil, 1, 2],
                [nil, 1, 2, 1, 1, 0, 2, nil, 0, nil],
            ], [
                .nominal: 0.1270903010033444, .ordinal: 0.08348370927318272,
                .interval: 0.08260105448154653, .ratio: 0.12954186413902047,
            ]),
        ]
        for (name, rows, expected) in cases {
            for level in MeasurementLevel.allCases {
                let alpha = try XCTUnwrap(KrippendorffAlpha.compute(matrix(rows), level: level).alpha, "\(name) \(level)")
                XCTAssertEqual(alpha, expected[level]!, accuracy: 1e-9, "\(name) \(level)")
            }
        }
    }

    // MARK: - Edge cases

    func testPerfectAgreementIsOne() throws {
        let perfect = matrix([[1, 2, 3, nil], [1, 2, 3, 4], [nil, 2, 3, 4]])
        for level in MeasurementLevel.allCases {
            let result = KrippendorffAlpha.compute(perfect, level: level)
            XCTAssertEqual(try XCTUnwrap(result.alpha, "\(level)"), 1, accuracy: 1e-12, "\(level)")
            XCTAssertEqual(result.observedDisagreement, 0)
        }
    }

    func testIdenticalValuesGiveUndefinedAlpha() {
        let constant = matrix([[3, 3, nil], [3, 3, 3], [3, nil, 3]])
        for level in MeasurementLevel.allCases {
            let result = KrippendorffAlpha.compute(constant, level: level)
            XCTAssertNil(result.alpha, "\(level)")
            XCTAssertEqual(result.undefinedReason, .noVariation, "\(level)")
            XCTAssertEqual(result.expectedDisagreement, 0)
            XCTAssertEqual(result.pairable, 7)
        }
        XCTAssertTrue(AlphaUndefinedReason.noVariation.description.contains("expected disagreement is zero"))
    }

    func testNoPairableValuesGiveUndefinedAlpha() {
        let sparse = matrix([[1, nil, nil], [nil, 2, nil], [nil, nil, nil]])
        let result = KrippendorffAlpha.compute(sparse, level: .interval)
        XCTAssertNil(result.alpha)
        XCTAssertEqual(result.undefinedReason, .noPairableValues)
        XCTAssertEqual(result.units, 0)
        XCTAssertEqual(result.pairable, 0)
        XCTAssertEqual(result.raters, 0)

        let empty = ReliabilityMatrix(raters: [], units: [], values: [])
        XCTAssertEqual(KrippendorffAlpha.compute(empty, level: .nominal).undefinedReason, .noPairableValues)
    }

    func testSingleValueUnitsAreExcluded() {
        let base: [[Double?]] = [[1, 2, 3, 3], [1, 3, 3, 4], [2, 2, 3, nil]]
        // The same data with two extra units holding one value each (5 and 9: values nowhere else).
        let padded = base.enumerated().map { rater, row in row + [rater == 0 ? 5 : nil, rater == 2 ? 9 : nil] }
        for level in MeasurementLevel.allCases {
            let plain = KrippendorffAlpha.compute(matrix(base), level: level)
            let extra = KrippendorffAlpha.compute(matrix(padded), level: level)
            XCTAssertEqual(plain.alpha!, extra.alpha!, accuracy: 1e-12, "\(level)")
            XCTAssertEqual(extra.units, 4)
            XCTAssertEqual(extra.pairable, 11)
        }
    }

    /// Interval and ratio alpha are unchanged when every value is multiplied by one factor, also when the
    /// factor takes the values near the largest Double (whose squared differences would overflow).
    func testAlphaIsScaleFreeUpToTheLargestValues() {
        let base: [[Double?]] = [[1, 2, 3, nil, 1], [1, 2, 4, 2, 2], [2, 2, 3, 2, nil]]
        for level in [MeasurementLevel.interval, .ratio] {
            let reference = KrippendorffAlpha.compute(matrix(base), level: level).alpha!
            for factor in [1e-300, 1e-3, 1e3, 1e300, 4e307] {
                let scaled = base.map { $0.map { $0.map { $0 * factor } } }
                let alpha = KrippendorffAlpha.compute(matrix(scaled), level: level).alpha
                XCTAssertNotNil(alpha, "\(level) ×\(factor)")
                XCTAssertEqual(alpha ?? .nan, reference, accuracy: 1e-9, "\(level) ×\(factor)")
            }
        }
        let extremes = KrippendorffAlpha.compute(matrix([[1e308, 1, 2], [-1e308, 1, 3]]), level: .interval)
        XCTAssertNotNil(extremes.alpha, "1e308 against -1e308 is a defined (strong) disagreement")
    }

    func testTwoRatersTwoUnitsByHand() {
        // Values 1,1 | 2,3. n.. = 4, marginals n_1 = 2, n_2 = 1, n_3 = 1; o_11 = 2, o_23 = o_32 = 1.
        let tiny = matrix([[1, 2], [1, 3]])
        let nominal = KrippendorffAlpha.compute(tiny, level: .nominal)
        XCTAssertEqual(nominal.observedDisagreement, 2.0 / 4, accuracy: 1e-12)
        XCTAssertEqual(nominal.expectedDisagreement, 10.0 / 12, accuracy: 1e-12)   // (16 − 4 − 1 − 1) / (4·3)
        XCTAssertEqual(nominal.alpha!, 0.4, accuracy: 1e-12)
        let interval = KrippendorffAlpha.compute(tiny, level: .interval)
        XCTAssertEqual(interval.observedDisagreement, 2.0 / 4, accuracy: 1e-12)
        XCTAssertEqual(interval.expectedDisagreement, 22.0 / 12, accuracy: 1e-12)  // 2·(2·1·1 + 2·1·4 + 1·1·1)
        XCTAssertEqual(interval.alpha!, 8.0 / 11, accuracy: 1e-12)
        XCTAssertEqual(interval.units, 2)
        XCTAssertEqual(interval.raters, 2)
    }

    func testRaterCountOnlyIncludesContributingRaters() {
        let data = matrix([[1, 2, nil], [1, 3, 4], [nil, nil, nil], [nil, nil, 5]])
        // Rater 3 judged nothing; rater 4 only judged unit 3, which is pairable (4 and 5).
        XCTAssertEqual(KrippendorffAlpha.compute(data, level: .interval).raters, 3)
    }

    func testRatioRejectsNegativeValues() {
        let result = KrippendorffAlpha.compute(matrix([[-1, 2], [1, 2]]), level: .ratio)
        XCTAssertNil(result.alpha)
        XCTAssertEqual(result.undefinedReason, .negativeRatioValue)
        XCTAssertNotNil(KrippendorffAlpha.compute(matrix([[-1, 2], [1, 2]]), level: .interval).alpha)
        // Zeros are fine: δ²(0, 0) = 0.
        XCTAssertNotNil(KrippendorffAlpha.compute(matrix([[0, 0, 2], [0, 1, 2]]), level: .ratio).alpha)
    }

    func testNonFiniteValuesCountAsMissing() {
        let clean = matrix([[1, 2, nil], [1, 3, 2]])
        let dirty = matrix([[1, 2, .nan], [1, 3, 2]])
        XCTAssertEqual(KrippendorffAlpha.compute(clean, level: .interval), KrippendorffAlpha.compute(dirty, level: .interval))
    }

    // MARK: - Bootstrap

    func testBootstrapIsDeterministicAndContainsEstimate() throws {
        for level in MeasurementLevel.allCases {
            let alpha = try XCTUnwrap(KrippendorffAlpha.compute(workedExample, level: level).alpha)
            let first = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: level))
            let second = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: level))
            XCTAssertEqual(first.lower, second.lower, "\(level)")
            XCTAssertEqual(first.upper, second.upper, "\(level)")
            XCTAssertLessThanOrEqual(first.lower, first.upper, "\(level)")
            XCTAssertLessThanOrEqual(first.lower, alpha, "\(level)")
            XCTAssertGreaterThanOrEqual(first.upper, alpha, "\(level)")
            XCTAssertLessThanOrEqual(first.upper, 1, "\(level)")
        }
        let other = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: .interval, seed: 7))
        let standard = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: .interval))
        XCTAssertNotEqual(other.lower, standard.lower, "a different seed should give a different resample")
    }

    func testBootstrapPinnedInterval() throws {
        // Regression pin: the generator and sampling are our own code, so this holds on every platform.
        // Reproduced independently in Python: the same SplitMix64 + Lemire draws of the 11 pairable units,
        // `krippendorff.alpha` (PyPI 0.9.0) on each resample, `np.quantile(alphas, [0.025, 0.975])`.
        // The upper bound is 1: about (8/11)^11 ≈ 3% of resamples miss all three disagreeing units.
        let interval = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: .interval))
        XCTAssertEqual(interval.lower, 0.4184290382819795, accuracy: 1e-9)
        XCTAssertEqual(interval.upper, 1.0, accuracy: 1e-12)
    }

    func testBootstrapNarrowsWithConfidence() throws {
        let wide = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: .ordinal, confidence: 0.99))
        let narrow = try XCTUnwrap(KrippendorffAlpha.bootstrap(workedExample, level: .ordinal, confidence: 0.5))
        XCTAssertLessThanOrEqual(wide.lower, narrow.lower)
        XCTAssertGreaterThanOrEqual(wide.upper, narrow.upper)
    }

    func testBootstrapRejectsUndefinedInput() {
        XCTAssertNil(KrippendorffAlpha.bootstrap(matrix([[3, 3], [3, 3]]), level: .nominal))
        XCTAssertNil(KrippendorffAlpha.bootstrap(workedExample, level: .nominal, samples: 0))
        XCTAssertNil(KrippendorffAlpha.bootstrap(workedExample, level: .nominal, confidence: 1))
        XCTAssertNil(KrippendorffAlpha.bootstrap(workedExample, level: .nominal, confidence: 0))
    }

    func testSplitMix64ReferenceOutputs() {
        // First outputs of the reference splitmix64.c (Vigna) for seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(generator.next(), 6_457_827_717_110_365_317)
        XCTAssertEqual(generator.next(), 3_203_168_211_198_807_973)
        XCTAssertEqual(generator.next(), 9_817_491_932_198_370_423)
        var bounded = SplitMix64(seed: 1)
        let draws = (0..<1000).map { _ in bounded.next(below: 7) }
        XCTAssertTrue(draws.allSatisfy { (0..<7).contains($0) })
        XCTAssertEqual(Set(draws).count, 7)
    }
}
