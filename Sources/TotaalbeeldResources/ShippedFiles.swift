import Foundation

/// The rulesets, schemas, identifier list and HTML templates the package ships, embedded in the binary
/// at build time (by the EmbedResources plugin), so an installed `totaalbeeld` works from any folder.
///
/// The loaders read files (errors name a file, line and column; XSD includes resolve beside their
/// schema), so ``materialize()`` writes the embedded files once into a folder named after their
/// content, under the user's cache, and returns it. The folder is never changed afterwards: a newer
/// binary with other files gets a folder of its own.
/// ```swift
/// let home = try ShippedFiles.materialize()   // e.g. ~/.cache/totaalbeeld/resources-3fa2…
/// let schemas = try SchemaSet(directory: home + "/Rulesets/schema")
/// ```
public enum ShippedFiles {
    public static var fingerprint: String { EmbeddedFiles.fingerprint }

    /// Paths relative to the package root, sorted by folder then name.
    public static var paths: [String] { EmbeddedFiles.all.map(\.path) }

    public static func contents(of path: String) -> Data? {
        EmbeddedFiles.all.first { $0.path == path }.flatMap { Data(base64Encoded: $0.base64) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The folder holding the embedded files, written on first use. Concurrent processes are safe:
    /// each writes a private folder and renames it into place; a loser of the race uses the winner's.
    public static func materialize(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) -> String {
        let base = try cacheBase(environment)
        let target = base + "/resources-" + fingerprint
        let marker = target + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return target }
        let scratch = base + "/.incoming-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        do {
            for entry in EmbeddedFiles.all {
                guard let data = Data(base64Encoded: entry.base64) else { throw Failure(description: "embedded \(entry.path) is damaged") }
                let file = URL(fileURLWithPath: scratch + "/" + entry.path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            try Data().write(to: URL(fileURLWithPath: scratch + "/.complete"))
            if rename(scratch, target) != 0 {
                // Another process got there first (or a broken earlier attempt): use a complete one, else replace.
                try? FileManager.default.removeItem(atPath: scratch)
                if FileManager.default.fileExists(atPath: marker) { return target }
                throw Failure(description: "cannot place the shipped files in \(target): \(String(cString: strerror(errno)))")
            }
            return target
        } catch let failure as Failure {
            try? FileManager.default.removeItem(atPath: scratch)
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw Failure(description: "cannot write the shipped files under \(base): \((error as NSError).localizedDescription)")
        }
    }

    /// `$XDG_CACHE_HOME/totaalbeeld`, `~/.cache/totaalbeeld`, or a private folder in the temporary
    /// directory; a folder shared with other users is never trusted.
    private static func cacheBase(_ environment: [String: String]) throws(Failure) -> String {
        var candidates: [String] = []
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { candidates.append(cache + "/totaalbeeld") }
        if let home = environment["HOME"], home.hasPrefix("/") { candidates.append(home + "/.cache/totaalbeeld") }
        candidates.append(NSTemporaryDirectory().trimmingSuffix("/") + "/totaalbeeld-\(geteuid())")
        for candidate in candidates {
            try? FileManager.default.createDirectory(atPath: candidate, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var status = stat()
            guard lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid(),
                  status.st_mode & 0o022 == 0, access(candidate, W_OK) == 0
            else { continue }
            return candidate
        }
        throw Failure(description: "no private, writable cache folder for the shipped files (tried \(candidates.joined(separator: ", "))); set TOTAALBEELD_HOME to a copy of the Rulesets and Templates folders")
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
