import Foundation
import TotaalbeeldBatch
import TotaalbeeldLoader
import TotaalbeeldModel

/// The workbench's folder: the only files it reads or writes, by names it checks itself — a dossier is
/// `NAME.dossier.xml`, an evaluation `NAME.evaluation.xml`, NAME of lower-case letters, digits, '.', '_' and '-'
/// (no '/', no '..'); a symbolic link or anything but a regular file is refused. Writes are atomic (temporary file,
/// fsync, rename) and serialised by this actor, so the version check and the write cannot interleave.
actor DossierStore {
    let folder: String

    init(folder: String) {
        self.folder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    enum StoreError: Error {
        case badName
        case notFound
        case notRegular(String)
        case conflict(current: String)
        case exists
        case write(String)
    }

    static func isSafeName(_ name: String, suffix: String) -> Bool {
        guard name.hasSuffix(suffix), name.count <= 160 else { return false }
        let stem = name.dropLast(suffix.count)
        guard let first = stem.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        guard !stem.contains("..") else { return false }
        return stem.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The path of a checked name, refusing links and non-regular files (nil when it does not exist).
    private func path(_ name: String, suffix: String) throws(StoreError) -> String {
        guard Self.isSafeName(name, suffix: suffix) else { throw .badName }
        return folder + "/" + name
    }

    private func checkRegular(_ path: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .notFound }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular("not a regular file (a link or special file is never followed)") }
    }

    func names(suffix: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { name in
            guard Self.isSafeName(name, suffix: suffix) else { return false }
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }.sorted()
    }

    func read(_ name: String, suffix: String = ".dossier.xml") throws(StoreError) -> (bytes: [UInt8], version: String) {
        let path = try path(name, suffix: suffix)
        try checkRegular(path)
        guard let data = FileManager.default.contents(atPath: path), data.count <= DossierLoader.maxBytes else { throw .notFound }
        let bytes = [UInt8](data)
        return (bytes, Self.version(of: bytes))
    }

    static func version(of bytes: [UInt8]) -> String { String(SHA256.hex(of: bytes).prefix(32)) }

    /// Writes `text` over `name` if the file is still at `expected` (nil: the file must not exist yet).
    func write(_ text: String, to name: String, suffix: String = ".dossier.xml", expected: String?) throws(StoreError) -> String {
        let path = try path(name, suffix: suffix)
        var info = stat()
        let exists = lstat(path, &info) == 0
        if let expected {
            guard exists else { throw .notFound }
            try checkRegular(path)
            let current = Self.version(of: [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
            guard current == expected else { throw .conflict(current: current) }
        } else if exists {
            throw .exists
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw .write(error.description)
        }
        return Self.version(of: Array(text.utf8))
    }

    /// A free name `STEM.dossier.xml`, `STEM-2.dossier.xml`, … for a new dossier.
    func freeName(stem: String, suffix: String = ".dossier.xml") -> String {
        var candidate = stem + suffix
        var n = 2
        while FileManager.default.fileExists(atPath: folder + "/" + candidate) || !Self.isSafeName(candidate, suffix: suffix) {
            candidate = "\(stem)-\(n)\(suffix)"
            n += 1
            if n > 10_000 { return "dossier-\(UUID().uuidString.lowercased())" + suffix }
        }
        return candidate
    }
}
