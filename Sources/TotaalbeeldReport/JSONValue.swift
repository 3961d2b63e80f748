/// A JSON value with ordered object keys and locale-free number formatting, so output is byte-identical run to run.
///
/// ```swift
/// let value: JSONValue = .object([("alpha", .number(0.74)), ("units", .integer(11))])
/// value.serialized() // {"alpha":0.74,"units":11}
/// ```
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// Written with at most four decimals (scores are judgements, not measurements).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact (one line) or pretty (two-space indent) serialisation.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedUTF8(pretty: pretty), as: UTF8.self)
    }

    /// As ``serialized(pretty:)``, as UTF-8 bytes ready to write, without building a String.
    public func serializedUTF8(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    /// Written into bytes, not a String: appending UTF-8 runs to an array is a copy, which matters
    /// when a batch run serialises thousands of results a second.
    private func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .integer(let i): JSONValue.writeInteger(i, into: &out)
        case .number(let d): JSONValue.writeNumber(d, into: &out)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(into: &out, depth: depth + 1) }
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSONValue.newline(into: &out, depth: depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(into: &out, depth: depth + 1) }
                JSONValue.quote(key, into: &out)
                out += (pretty ? ": " : ":").utf8
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSONValue.newline(into: &out, depth: depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        out += repeatElement(UInt8(ascii: " "), count: 2 * depth)
    }

    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        writeNumber(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number with at most four decimals, trailing zeros dropped, written without building a String.
    static func writeNumber(_ value: Double, into out: inout [UInt8]) {
        guard value.isFinite else { out += "null".utf8; return }
        let scaled = (value * 10_000).rounded()
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = Int(abs(scaled))
        writeDigits(UInt(magnitude / 10_000), into: &out)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        out.append(UInt8(ascii: "."))
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// An integer in decimal, as `String(value)` writes it.
    static func writeInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude, into: &out)
    }

    private static func writeDigits(_ value: UInt, into out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Runs without anything to escape are copied whole; only quotes, backslashes and control
    /// characters (all ASCII) are written one by one.
    static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out += UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                switch byte {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                default:
                    let hex = String(byte, radix: 16)
                    out += (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                }
                runStart = index + 1
            }
            out += UnsafeBufferPointer(rebasing: bytes[runStart...])
        }
        out.append(0x22)
    }
}
