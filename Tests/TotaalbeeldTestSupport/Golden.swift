import Foundation
import XCTest

/// Golden-file comparison: reports byte for byte against files in the source tree.
/// Regenerate deliberately with `TOTAALBEELD_UPDATE_GOLDEN=1 swift test --filter …` and review the diff.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["TOTAALBEELD_UPDATE_GOLDEN"] == "1" }

    /// Fails with the first differing line, or writes `text` to `path` when updating.
    public static func assertMatches(_ text: String, file path: String, sourceFile: StaticString = #filePath, line: UInt = #line) throws {
        if updating {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            XCTFail("no golden file \(path); run with TOTAALBEELD_UPDATE_GOLDEN=1", file: sourceFile, line: line)
            return
        }
        guard expected != text else { return }
        let pairs = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
        let first = pairs.enumerated().first { $0.element.0 != $0.element.1 }
        let name = URL(fileURLWithPath: path).lastPathComponent
        XCTFail("\(name) differs from its golden file at line \((first?.offset ?? 0) + 1):\n- \(first?.element.0 ?? "")\n+ \(first?.element.1 ?? "")", file: sourceFile, line: line)
    }
}
