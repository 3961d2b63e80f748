/// A stretch of a document's text the identifier guard reads as one: element content, an attribute
/// value or a comment, with the local name of the element or attribute it belongs to.
struct TextUnit: Equatable {
    var range: Range<Int>
    /// Lower-cased local name of the enclosing element, of the attribute, or "#comment".
    var context: String
}

/// Splits well-formed (or nearly so) XML bytes into text units without building a tree, so the guard
/// sees comments and attribute values too and keeps exact byte offsets for line and column.
enum TextUnits {
    static func units(in bytes: [UInt8]) -> [TextUnit] {
        var units: [TextUnit] = []
        var elements: [String] = []
        var i = 0
        let n = bytes.count
        func has(_ literal: String, at offset: Int) -> Bool {
            var k = offset
            for byte in literal.utf8 {
                guard k < n, bytes[k] == byte else { return false }
                k += 1
            }
            return true
        }
        func find(_ literal: String, from offset: Int) -> Int {
            var k = offset
            while k < n {
                if bytes[k] == literal.utf8.first!, has(literal, at: k) { return k }
                k += 1
            }
            return n
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "="))
        }
        func localName(_ range: Range<Int>) -> String {
            let name = String(decoding: bytes[range], as: UTF8.self)
            return (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                var end = i
                while end < n, bytes[end] != UInt8(ascii: "<") { end += 1 }
                units.append(TextUnit(range: i..<end, context: elements.last ?? ""))
                i = end
                continue
            }
            if has("<!--", at: i) {
                let end = find("-->", from: i + 4)
                units.append(TextUnit(range: (i + 4)..<end, context: "#comment"))
                i = min(n, end + 3)
            } else if has("<![CDATA[", at: i) {
                let end = find("]]>", from: i + 9)
                units.append(TextUnit(range: (i + 9)..<end, context: elements.last ?? ""))
                i = min(n, end + 3)
            } else if has("<?", at: i) {
                i = min(n, find("?>", from: i + 2) + 2)
            } else if has("<!", at: i) {
                i = min(n, find(">", from: i + 2) + 1)
            } else if has("</", at: i) {
                if !elements.isEmpty { elements.removeLast() }
                i = min(n, find(">", from: i + 2) + 1)
            } else {
                // Start tag: name, then attributes name="value" until > or />.
                var k = i + 1
                while k < n, isNameByte(bytes[k]) { k += 1 }
                let element = localName((i + 1)..<k)
                var selfClosing = false
                while k < n {
                    let byte = bytes[k]
                    if byte == UInt8(ascii: ">") { k += 1; break }
                    if byte == UInt8(ascii: "/") { selfClosing = true; k += 1; continue }
                    if !isNameByte(byte) || byte == UInt8(ascii: "=") { k += 1; continue }
                    let nameStart = k
                    while k < n, isNameByte(bytes[k]) { k += 1 }
                    let attribute = localName(nameStart..<k)
                    while k < n, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == UInt8(ascii: "=") { k += 1 }
                    guard k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else { continue }
                    let quote = bytes[k]
                    let valueStart = k + 1
                    k = valueStart
                    while k < n, bytes[k] != quote { k += 1 }
                    units.append(TextUnit(range: valueStart..<k, context: attribute))
                    k = min(n, k + 1)
                }
                if !selfClosing { elements.append(element) }
                i = k
            }
        }
        return units.filter { !$0.range.isEmpty }
    }
}
