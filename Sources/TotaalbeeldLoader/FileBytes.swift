import Foundation
import TotaalbeeldXML

/// Reads a whole input file, refusing directories, missing files and oversize inputs before parsing.
enum FileBytes {
    static func read(_ path: String, limit: Int) throws(XMLLoadError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        // Read one byte past the limit so an oversize file is detected without reading it all.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: "read failed")
        }
        if data.count > limit {
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
            throw .tooLarge(path: path, bytes: size ?? data.count, limit: limit)
        }
        return [UInt8](data)
    }
}
