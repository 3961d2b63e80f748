import Dispatch
import Foundation
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// Same seed and index → the same bytes, whoever generates them and in whatever order.
final class DeterminismTests: XCTestCase {
    let sample = [0, 1, 2, 17, 255, 999, 12_345, 1 << 20]

    func testSameSeedGivesIdenticalBytes() {
        // Two catalogues and two generators, built independently: nothing may leak from construction order.
        let first = DossierGenerator(options: GeneratorOptions(seed: 7, brokenShare: 0.1), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        let second = DossierGenerator(options: GeneratorOptions(seed: 7, brokenShare: 0.1), indicatorCatalogue: IndicatorCatalogue(ruleset: Fixtures.defaultRuleset))
        for index in sample {
            let a = first.dossier(at: index), b = second.dossier(at: index)
            XCTAssertEqual(a.bytes, b.bytes, "index \(index)")
            XCTAssertEqual(a.fileName, b.fileName)
            XCTAssertEqual(a.profile, b.profile)
            XCTAssertEqual(a.mentions, b.mentions)
        }
    }

    func testDifferentSeedGivesDifferentDossiers() {
        let one = DossierGenerator(options: GeneratorOptions(seed: 1), indicatorCatalogue: SyntheticPopulation.catalogue)
        let two = DossierGenerator(options: GeneratorOptions(seed: 2), indicatorCatalogue: SyntheticPopulation.catalogue)
        for index in sample {
            XCTAssertNotEqual(one.dossier(at: index).bytes, two.dossier(at: index).bytes, "index \(index)")
        }
        // Neighbouring indices of one seed are unrelated too.
        XCTAssertNotEqual(one.dossier(at: 0).bytes, one.dossier(at: 1).bytes)
    }

    func testConcurrentGenerationMatchesSequential() {
        let generator = DossierGenerator(options: GeneratorOptions(seed: 99, brokenShare: 0.2), indicatorCatalogue: SyntheticPopulation.catalogue)
        let count = 200
        let sequential = (0..<count).map { generator.dossier(at: $0).bytes }
        let collected = Collected(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            let index = count - 1 - offset // reverse order, many threads
            collected.set(index, generator.dossier(at: index).bytes)
        }
        XCTAssertEqual(collected.values, sequential)
    }

    /// Raising the broken share breaks more dossiers but leaves the others exactly as they were.
    func testSharesOnlyChangeTheDossiersTheyAffect() {
        let clean = DossierGenerator(options: GeneratorOptions(seed: 5), indicatorCatalogue: SyntheticPopulation.catalogue)
        let noisy = DossierGenerator(options: GeneratorOptions(seed: 5, brokenShare: 0.5), indicatorCatalogue: SyntheticPopulation.catalogue)
        var broken = 0
        for index in 0..<100 {
            let dossier = noisy.dossier(at: index)
            if dossier.isBroken { broken += 1 } else { XCTAssertEqual(dossier.bytes, clean.dossier(at: index).bytes) }
        }
        XCTAssertGreaterThan(broken, 30)
        XCTAssertLessThan(broken, 70)
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[UInt8]]
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [UInt8]) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }
    var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return storage }
}
