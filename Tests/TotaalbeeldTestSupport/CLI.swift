import Foundation

/// Runs the built `totaalbeeld` executable and captures what a user would see.
public struct CLIRun {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CLI {
    /// The executable SwiftPM built next to the test bundle.
    public static var executable: String {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }.map { URL(fileURLWithPath: $0.bundlePath).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("totaalbeeld").path
    }

    /// Runs `executable` (default: the built one) in `directory` (default: the repository root); an
    /// environment value of "" removes that variable.
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable path: String? = nil, directory: String? = nil
    ) throws -> CLIRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Fixtures.root)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value.isEmpty ? nil : value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, stderr on its own thread: a child that fills one pipe while the
        // parent waits on the other would block forever.
        let stderrBox = DataBox()
        let reader = Thread { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile(); stderrBox.done.signal() }
        reader.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrBox.done.wait()
        let stderrData = stderrBox.data
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
