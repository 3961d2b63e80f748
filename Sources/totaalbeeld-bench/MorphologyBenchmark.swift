import Foundation
import TotaalbeeldMorphology

/// Stems and splits the distinct words of the narrative evaluation corpus for a few seconds per
/// measurement and reports words per second: the Snowball stemmer, the compound splitter without
/// its cache (every word searched afresh in Hunspell) and with it (every word seen before), each
/// on one thread and on two threads sharing one stemmer and one splitter, as batch workers do.
///
/// `swift run -c release totaalbeeld-bench morphology [seconds] [--repo <path>]`
enum MorphologyBenchmark {
    static func run(_ arguments: [String]) throws {
        var seconds = 2.0
        var repository = FileManager.default.currentDirectoryPath
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--repo", let path = remaining.popFirst() {
                repository = path
            } else if let value = Double(argument), value > 0 {
                seconds = value
            } else {
                throw BenchmarkError("unexpected argument '\(argument)'")
            }
        }

        let sentences = try NarrativeBenchmark.corpusSentences(in: repository + "/Tests/TotaalbeeldTextTests/Corpus")
        // Runs of letters, lower-cased, as written (diacritics kept), each once, in a fixed order.
        var distinct = Set<String>()
        for sentence in sentences {
            for run in sentence.split(whereSeparator: { !$0.isLetter }) { distinct.insert(run.lowercased()) }
        }
        let words = distinct.sorted()
        guard !words.isEmpty else { throw BenchmarkError("no corpus words found") }

        let loadStart = Date()
        let dictionary = try HunspellDictionary.dutch()
        let loadTime = Date().timeIntervalSince(loadStart)
        let stemmer = try DutchStemmer()
        let splitter = CompoundSplitter(dictionary: dictionary)
        let compounds = words.filter { splitter.split($0).isCompound }
        let letters = words.reduce(0) { $0 + $1.count }
        let compoundLetters = compounds.reduce(0) { $0 + $1.count }

        print("morphology: \(words.count) distinct corpus words, \(format(Double(letters) / Double(words.count))) letters on average; \(compounds.count) split as compounds, \(format(Double(compoundLetters) / Double(compounds.count))) letters on average")
        print("morphology: Dutch dictionary \(dictionary.dictionaryPath) loaded in \(format(loadTime * 1000)) ms")
        for threads in [1, 2] {
            let stemming = measure(words, threads: threads, seconds: seconds) { _ = stemmer.stem($0) }
            let uncached = measure(words, threads: threads, seconds: seconds) { _ = splitter.splitUncached($0) }
            let cached = measure(words, threads: threads, seconds: seconds) { _ = splitter.split($0) }
            let uncachedCompounds = measure(compounds, threads: threads, seconds: seconds) { _ = splitter.splitUncached($0) }
            print("morphology: \(threads) thread\(threads == 1 ? "" : "s"): stem \(format(stemming)) words/s; split uncached \(format(uncached)) words/s (\(format(1_000_000 / uncached)) µs per word), the compounds alone \(format(uncachedCompounds)) words/s (\(format(1_000_000 / uncachedCompounds)) µs per word); split cached \(format(cached)) words/s")
        }
    }

    /// Words per second over all threads: each thread makes whole passes over `words`, starting
    /// at its own offset, until `seconds` have passed.
    private static func measure(_ words: [String], threads: Int, seconds: Double, _ body: @Sendable @escaping (String) -> Void) -> Double {
        for word in words.prefix(200) { body(word) }
        let counts = Counts(threads)
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var done = 0
            let offset = thread * words.count / threads
            repeat {
                for index in 0..<words.count { body(words[(index + offset) % words.count]) }
                done += words.count
            } while Date().timeIntervalSince(start) < seconds
            counts.set(thread, done)
        }
        return Double(counts.total) / Date().timeIntervalSince(start)
    }

    private final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int]
        init(_ count: Int) { values = Array(repeating: 0, count: count) }
        func set(_ index: Int, _ value: Int) { lock.withLock { values[index] = value } }
        var total: Int { lock.withLock { values.reduce(0, +) } }
    }

    private static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }
}
