import Foundation
import TotaalbeeldBatch
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

/// Generated input sets and helpers to compare batch output directories byte for byte.
enum BatchFixtures {
    static let catalogue = IndicatorCatalogue(ruleset: Fixtures.defaultRuleset)

    /// Writes `count` generated dossiers (seeded, `brokenShare` of them broken) into `directory`/`name`.
    @discardableResult
    static func population(in directory: String, name: String = "set", count: Int, seed: UInt64 = 11, brokenShare: Double = 0.05) -> String {
        let target = directory + "/" + name
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let generator = DossierGenerator(options: GeneratorOptions(seed: seed, brokenShare: brokenShare), indicatorCatalogue: catalogue)
        for index in 0..<count {
            let dossier = generator.dossier(at: index)
            // Two subfolders, so the walk is recursive and ordered across directories.
            let folder = target + (index % 3 == 0 ? "/a" : "/b")
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: folder + "/" + dossier.fileName, contents: Data(dossier.bytes))
        }
        return target
    }

    /// The five outputs of a run, by name.
    static func outputs(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in RunJournal.outputNames { files[name] = FileManager.default.contents(atPath: directory + "/" + name) }
        return files
    }

    static func assertSameOutputs(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        let left = outputs(a), right = outputs(b)
        for name in RunJournal.outputNames {
            XCTAssertNotNil(left[name], "\(a)/\(name) missing", file: file, line: line)
            XCTAssertTrue(left[name] == right[name], "\(name) differs between \(a) and \(b)", file: file, line: line)
        }
    }

    static func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    static func summary(_ directory: String) throws -> [String: Any] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: directory + "/summary.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
