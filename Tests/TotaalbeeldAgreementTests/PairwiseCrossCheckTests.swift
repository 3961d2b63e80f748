import Foundation
import XCTest
import TotaalbeeldAgreement

/// An independent, deliberately naive formulation of Krippendorff's alpha: no coincidence matrix, no
/// value indexing. D_o sums δ² over all ordered pairs of values within each unit, weighted 1/(m_u − 1);
/// D_e sums δ² over all ordered pairs of distinct positions in the pooled pairable values.
private func pairwiseAlpha(_ rows: [[Double?]], level: MeasurementLevel)
    -> (alpha: Double?, observed: Double, expected: Double, pairable: Int) {
    let unitCount = rows.first?.count ?? 0
    let units = (0..<unitCount).map { unit in rows.compactMap { $0[unit] } }.filter { $0.count >= 2 }
    let pooled = units.flatMap { $0 }
    let n = pooled.count
    guard n > 0 else { return (nil, 0, 0, 0) }

    func delta(_ a: Double, _ b: Double) -> Double {
        switch level {
        case .nominal:
            return a == b ? 0 : 1
        case .ordinal:
            let (low, high) = (min(a, b), max(a, b))
            let between = Double(pooled.filter { $0 >= low && $0 <= high }.count)
            let na = Double(pooled.filter { $0 == a }.count), nb = Double(pooled.filter { $0 == b }.count)
            return pow(between - (na + nb) / 2, 2)
        case .interval:
            return pow(a - b, 2)
        case .ratio:
            return a + b == 0 ? 0 : pow((a - b) / (a + b), 2)
        }
    }

    var observed = 0.0
    for unit in units {
        for i in unit.indices {
            for j in unit.indices where i != j {
                observed += delta(unit[i], unit[j]) / Double(unit.count - 1)
            }
        }
    }
    var expected = 0.0
    for i in pooled.indices {
        for j in pooled.indices where i != j {
            expected += delta(pooled[i], pooled[j])
        }
    }
    observed /= Double(n)
    expected /= Double(n * (n - 1))
    return (expected > 0 ? 1 - observed / expected : nil, observed, expected, n)
}

/// xorshift64* — a different generator from the library's SplitMix64, used only to make test data.
private struct XorShift64Star {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

final class PairwiseCrossCheckTests: XCTestCase {
    func testCoincidenceMatrixAgreesWithPairwiseFormulation() {
        var random = XorShift64Star(state: 0x5EED_2011)
        var compared = 0, undefined = 0
        for level in MeasurementLevel.allCases {
            for trial in 0..<40 {
                let raterCount = random.int(2...6), unitCount = random.int(1...15)
                let missing = [0.0, 0.2, 0.5][trial % 3]
                let rows: [[Double?]] = (0..<raterCount).map { _ in
                    (0..<unitCount).map { _ in
                        if random.chance(missing) { return nil }
                        switch level {
                        case .nominal, .ordinal: return Double(random.int(1...(trial % 2 == 0 ? 3 : 7)))
                        case .interval: return Double(random.int(-10...10)) / 2
                        case .ratio: return Double(random.int(0...20)) / 2
                        }
                    }
                }
                let library = KrippendorffAlpha.compute(matrix(rows), level: level)
                let reference = pairwiseAlpha(rows, level: level)
                let label = "\(level) trial \(trial): \(rows)"
                XCTAssertEqual(library.pairable, reference.pairable, label)
                XCTAssertEqual(library.observedDisagreement, reference.observed, accuracy: 1e-9, label)
                XCTAssertEqual(library.expectedDisagreement, reference.expected, accuracy: 1e-9, label)
                switch (library.alpha, reference.alpha) {
                case let (a?, b?):
                    XCTAssertEqual(a, b, accuracy: 1e-9, label)
                    compared += 1
                case (nil, nil):
                    undefined += 1
                default:
                    XCTFail("defined in only one formulation: \(library.alpha as Any) vs \(reference.alpha as Any); \(label)")
                }
            }
        }
        // Guard against a generator that only produces degenerate matrices.
        XCTAssertGreaterThan(compared, 120)
        XCTAssertEqual(compared + undefined, 160)
    }

    func testPairwiseFormulationReproducesPublishedValues() {
        // Sanity check of the reference implementation itself against the 2011 worked example.
        let published: [MeasurementLevel: Double] = [.nominal: 0.743, .ordinal: 0.815, .interval: 0.849, .ratio: 0.797]
        for level in MeasurementLevel.allCases {
            let alpha = pairwiseAlpha(workedExample.values, level: level).alpha!
            XCTAssertEqual(alpha, published[level]!, accuracy: 0.0005, "\(level)")
        }
    }
}
