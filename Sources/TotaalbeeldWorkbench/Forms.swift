import Foundation

/// Fields of a submitted form, in order (a name may repeat).
struct FormFields: Sendable {
    var pairs: [(String, String)] = []
    /// Uploaded files: field name → (file name, bytes).
    var files: [String: (name: String, bytes: [UInt8])] = [:]

    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func value(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// application/x-www-form-urlencoded.
    static func urlEncoded(_ bytes: [UInt8]) -> FormFields {
        var fields = FormFields()
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(Array(pieces[0]))
            let value = pieces.count > 1 ? decode(Array(pieces[1])) : ""
            fields.pairs.append((name, value))
        }
        return fields
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%"), i + 2 < bytes.count, let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// multipart/form-data with the boundary from the Content-Type.
    static func multipart(_ body: [UInt8], boundary: String) -> FormFields? {
        var fields = FormFields()
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int? = nil
        var i = 0
        while let found = find(delimiter, in: body, from: i) {
            if let s = start { parts.append(body[s..<max(s, found - 2)]) }  // drop the CRLF before the delimiter
            i = found + delimiter.count
            if i + 1 < body.count, body[i] == UInt8(ascii: "-"), body[i + 1] == UInt8(ascii: "-") { break }
            if i + 1 < body.count, body[i] == 13, body[i + 1] == 10 { i += 2 }
            start = i
        }
        guard !parts.isEmpty else { return nil }
        for part in parts {
            guard let headerEnd = find([13, 10, 13, 10], in: Array(part), from: 0) else { continue }
            let partBytes = Array(part)
            let headers = String(decoding: partBytes[..<headerEnd], as: UTF8.self)
            let content = Array(partBytes[(headerEnd + 4)...])
            var name: String?
            var filename: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            guard let name else { continue }
            if let filename {
                if !filename.isEmpty || !content.isEmpty { fields.files[name] = (filename, content) }
            } else {
                fields.pairs.append((name, String(decoding: content, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")))
            }
        }
        return fields
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: " " + key + "=\"") ?? line.range(of: ";" + key + "=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// Escapes text for HTML element content and attribute values.
func esc(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
