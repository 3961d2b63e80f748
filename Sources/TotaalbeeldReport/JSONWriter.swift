/// Where a JSON document is written to, event by event: ``JSONWriter`` writes the bytes straight away,
/// ``JSONTreeBuilder`` builds a ``JSONValue`` for callers that want to inspect or combine one. A renderer
/// written against a sink (``ScreeningJSON``) has one structure and both outputs, byte for byte the same.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject(); writer.key("alpha"); writer.number(0.74); writer.endObject()
/// writer.bytes // {"alpha":0.74}
/// ```
public protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the next member of the open object. Keys are the contract's own names: never escaped.
    mutating func key(_ name: StaticString)
    mutating func string(_ value: String)
    mutating func integer(_ value: Int)
    /// At most four decimals, as ``JSONValue/number(_:)``.
    mutating func number(_ value: Double)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension JSONSink {
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// `"key": value` members, the common case.
    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: StaticString, integer value: Int) { key(name); integer(value) }
    public mutating func member(_ name: StaticString, number value: Double) { key(name); number(value) }
    public mutating func member(_ name: StaticString, bool value: Bool) { key(name); bool(value) }

    /// An array of strings.
    public mutating func strings<S: Sequence>(_ values: S) where S.Element == String {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}

/// JSON written straight into a byte buffer — compact, or pretty with a two-space indent — with exactly the bytes
/// ``JSONValue/serializedUTF8(pretty:)`` writes for the same document. `reset()` keeps the buffer's capacity, so a
/// batch worker reuses one writer for every dossier.
public struct JSONWriter: JSONSink {
    public private(set) var bytes: [UInt8] = []
    public let pretty: Bool
    /// Per open container: whether it has a member yet (decides the comma and, pretty, the closing line).
    private var hasItems: [Bool] = []
    /// A key was just written: the next value follows it directly.
    private var afterKey = false

    public init(pretty: Bool = false, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
        hasItems.reserveCapacity(16)
    }

    /// Empties the buffer for the next document, keeping its storage.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hasItems.removeAll(keepingCapacity: true)
        afterKey = false
    }

    /// Bytes written as they stand (a document's start that is not JSON, a newline between documents).
    public mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The comma and, pretty, the line break before a value or key.
    @inline(__always)
    private mutating func beforeItem() {
        if afterKey { afterKey = false; return }
        guard let last = hasItems.indices.last else { return }
        if hasItems[last] { bytes.append(UInt8(ascii: ",")) } else { hasItems[last] = true }
        if pretty { newline(depth: hasItems.count) }
    }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func open(_ bracket: UInt8) {
        beforeItem()
        bytes.append(bracket)
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasItems.removeLast()
        if pretty && had { newline(depth: hasItems.count) }
        bytes.append(bracket)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: StaticString) {
        beforeItem()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        beforeItem()
        JSONValue.quote(value, into: &bytes)
    }

    public mutating func integer(_ value: Int) {
        beforeItem()
        JSONValue.writeInteger(value, into: &bytes)
    }

    public mutating func number(_ value: Double) {
        beforeItem()
        JSONValue.writeNumber(value, into: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        beforeItem()
        if value { raw("true") } else { raw("false") }
    }

    public mutating func null() {
        beforeItem()
        raw("null")
    }
}

/// Builds a ``JSONValue`` from sink events: the tree form of what ``JSONWriter`` writes.
public struct JSONTreeBuilder: JSONSink {
    private enum Frame {
        case array([JSONValue])
        case object([(String, JSONValue)], key: String?)
    }

    private var frames: [Frame] = []
    /// The finished document, once its outermost container is closed (or its only value written).
    public private(set) var value: JSONValue?

    public init() {}

    private mutating func add(_ item: JSONValue) {
        guard let frame = frames.popLast() else { value = item; return }
        switch frame {
        case .array(var items):
            items.append(item)
            frames.append(.array(items))
        case .object(var members, let key):
            members.append((key ?? "", item))
            frames.append(.object(members, key: nil))
        }
    }

    public mutating func beginObject() { frames.append(.object([], key: nil)) }
    public mutating func beginArray() { frames.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let members, _) = frames.popLast() else { preconditionFailure("endObject without an open object") }
        add(.object(members))
    }

    public mutating func endArray() {
        guard case .array(let items) = frames.popLast() else { preconditionFailure("endArray without an open array") }
        add(.array(items))
    }

    public mutating func key(_ name: StaticString) {
        guard case .object(let members, _) = frames.popLast() else { preconditionFailure("key outside an object") }
        frames.append(.object(members, key: name.description))
    }

    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func integer(_ value: Int) { add(.integer(value)) }
    public mutating func number(_ value: Double) { add(.number(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
}
