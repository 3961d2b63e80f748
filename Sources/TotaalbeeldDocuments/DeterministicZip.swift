import Foundation
import ZIPFoundation

/// A zip container built in memory with fixed timestamps and permissions, so the same parts give the
/// same bytes on every run (DOCX and ODT are zip files of XML parts).
///
/// ```swift
/// let bytes = try DeterministicZip.archive([("mimetype", Data("…".utf8), stored: true)])
/// ```
enum DeterministicZip {
    /// Every entry carries this modification time (2011-01-01 00:00 UTC, the year of the AKC report),
    /// never the clock's.
    static let timestamp = Date(timeIntervalSince1970: 1_293_840_000)

    struct Part {
        var path: String
        var data: Data
        /// Stored without compression (ODF requires this for `mimetype`, which must come first).
        var stored = false
    }

    static func archive(_ parts: [Part]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = part.data
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                permissions: 0o644, compressionMethod: part.stored ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw DocumentError.containerNotWritten }
        return bytes
    }
}

/// Why a document could not be written.
public enum DocumentError: Error, CustomStringConvertible {
    case containerNotWritten

    public var description: String {
        switch self {
        case .containerNotWritten: "the document container could not be written"
        }
    }
}

/// Text made safe for an XML text node or attribute: the five special characters escaped, and characters
/// XML 1.0 does not allow (most control characters) left out.
func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            let value = scalar.value
            if value < 0x20 || (0xFFFE...0xFFFF).contains(value) { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
