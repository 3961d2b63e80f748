import Foundation
import TotaalbeeldMorphology
import XCTest

/// One dictionary, splitter and stemmer for all tests: loading the Dutch dictionary takes a tenth
/// of a second, and sharing them is also how the batch screener uses them.
enum Shared {
    static let dictionary: HunspellDictionary = {
        do { return try HunspellDictionary.dutch() } catch { fatalError("Dutch Hunspell dictionary (apt-get install hunspell-nl): \(error)") }
    }()

    static let splitter = CompoundSplitter(dictionary: dictionary)

    static let stemmer: DutchStemmer = {
        do { return try DutchStemmer() } catch { fatalError("libstemmer: \(error)") }
    }()
}

extension XCTestCase {
    /// A new empty directory, removed when the test ends.
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("totaalbeeld-morphology-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
