import Foundation
import TotaalbeeldTestSupport
import XCTest

/// A FIFO, a device or a dangling link given to a command is refused before it is opened: exit 66,
/// "not a regular file", never a process blocked on a pipe or reading /dev/zero forever.
final class NonRegularFileTests: XCTestCase {
    func testFIFOsAndDevicesAreRefusedWithoutOpeningThem() throws {
        let scratch = makeScratchDirectory()
        let fifo = scratch.path + "/pipe.dossier.xml"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        for arguments in [["screen", fifo], ["validate", fifo], ["annotate", fifo], ["agreement", fifo, "--level", "nominal"], ["screen", "/dev/zero"], ["validate", "/dev/zero"], ["screen", "/dev/null"]] {
            let run = try CLI.run(arguments, timeout: 30)
            XCTAssertEqual(run.status, 66, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("not a regular file"), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("more than the limit"), run.stderr)
        }
        let dangling = scratch.path + "/gone.dossier.xml"
        XCTAssertEqual(symlink(scratch.path + "/nowhere", dangling), 0)
        let run = try CLI.run(["screen", dangling], timeout: 30)
        XCTAssertEqual(run.status, 66, run.stderr)
        XCTAssertTrue(run.stderr.contains("symbolic link"), run.stderr)
    }
}
