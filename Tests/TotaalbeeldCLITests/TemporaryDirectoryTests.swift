import Foundation
import TotaalbeeldTestSupport
import XCTest

/// Scratch directories do not outlive their run, not even a run that was killed.
final class TemporaryDirectoryTests: XCTestCase {
    func testADirectoryLeftByAFinishedProcessIsRemovedAndOneOfALiveProcessKept() throws {
        // A process that has exited: its directory is what a killed test run leaves behind.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = NSTemporaryDirectory() + "totaalbeeld-test-pid\(finished.processIdentifier)-left-behind"
        let live = NSTemporaryDirectory() + "totaalbeeld-test-pid1-init-process"
        for path in [abandoned, live] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        addTeardownBlock { for path in [abandoned, live] { try? FileManager.default.removeItem(atPath: path) } }

        TemporaryDirectoryJanitor.removeAbandoned()

        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "pid 1 runs: its directory stays")
        // This run's own directories stay too, and so does a name without a process id (an older run's, unknown).
        let unnamed = NSTemporaryDirectory() + "totaalbeeld-test-12345678-9ABC-DEF0-1234-56789ABCDEF0"
        try FileManager.default.createDirectory(atPath: unnamed, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: unnamed) }
        let own = temporaryDirectory()
        TemporaryDirectoryJanitor.removeAbandoned()
        XCTAssertTrue(FileManager.default.fileExists(atPath: own.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unnamed))
    }
}
