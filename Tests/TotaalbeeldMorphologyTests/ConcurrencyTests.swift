import Foundation
import TotaalbeeldMorphology
import XCTest

/// Many threads stemming and splitting at once give exactly what one thread gives.
final class ConcurrencyTests: XCTestCase {
    static let words: [String] = CompoundSplitterTests.compounds.map(\.word) + [
        "verslaving", "schulden", "diploma", "geregeld", "uitkering", "kantoor", "klachten", "drinken", "gepest",
        "eenzaamheid", "werkloosheid", "winkeldiefstal", "Huurschuld", "zelfvertrouwen",
    ]

    func testSharedStemmerAndSplitterFromManyThreads() {
        let stemmer = Shared.stemmer
        // A fresh splitter, so the threads race on the cache and on Hunspell, not on finished entries.
        let splitter = CompoundSplitter(dictionary: Shared.dictionary)
        let reference = CompoundSplitter(dictionary: Shared.dictionary, cacheLimit: 0)
        let expectedSplits = Self.words.map(reference.split)
        let expectedStems = Self.words.map(stemmer.stem)

        let rounds = 16
        let results = Results(count: rounds * Self.words.count)
        DispatchQueue.concurrentPerform(iterations: rounds * Self.words.count) { iteration in
            // Each thread walks the list from its own starting point.
            let word = Self.words[(iteration * 7) % Self.words.count]
            results.set(iteration, (word, stemmer.stem(word), splitter.split(word), reference.splitUncached(word)))
        }
        for iteration in 0..<(rounds * Self.words.count) {
            let index = (iteration * 7) % Self.words.count
            let (word, stem, split, uncached) = results.get(iteration)!
            XCTAssertEqual(word, Self.words[index])
            XCTAssertEqual(stem, expectedStems[index], word)
            XCTAssertEqual(split, expectedSplits[index], word)
            XCTAssertEqual(uncached, expectedSplits[index], word)
        }
        XCTAssertEqual(splitter.cachedWordCount, Set(Self.words.map { $0.lowercased() }).count)
    }

    /// Stemmers and splitters created and released on many threads: each owns its C object, frees
    /// it when released, and none sees another's state.
    func testInstancesCreatedOnManyThreads() {
        let results = Results(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let stemmer = try! DutchStemmer()
            let splitter = CompoundSplitter(dictionary: Shared.dictionary)
            let word = Self.words[iteration % Self.words.count]
            results.set(iteration, (word, stemmer.stem(word), splitter.split(word), splitter.split(word)))
        }
        for iteration in 0..<64 {
            let (word, stem, split, cached) = results.get(iteration)!
            XCTAssertEqual(stem, Shared.stemmer.stem(word))
            XCTAssertEqual(split, Shared.splitter.split(word))
            XCTAssertEqual(cached, split)
        }
    }
}

private final class Results: @unchecked Sendable {
    typealias Entry = (word: String, stem: String, split: CompoundSplit, other: CompoundSplit)
    private let lock = NSLock()
    private var values: [Entry?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Entry) { lock.withLock { values[index] = value } }

    func get(_ index: Int) -> Entry? { lock.withLock { values[index] } }
}
