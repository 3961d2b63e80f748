/// Word keys to small ids in one open-addressing table, looked up with a hash the token carries.
///
/// Every matcher looks every token's key up in a table of its words (terms, context phrases, senses, free-order
/// words, inverted subjects, clause words): with a `Dictionary` each of those lookups hashes the key again,
/// seeded, and that was the largest single cost of reading a sentence. Here the key is hashed once, when the
/// token is made (``Token/keyHash``, FNV-1a over its UTF-8), and a lookup compares that hash and, only on
/// equal hashes, the key itself.
struct KeyTable: Sendable {
    private var hashes: [UInt64]
    private var keys: [String]
    /// -1 marks an empty slot; every stored value is at least 0.
    private var values: [Int32]
    private var shift: UInt64
    /// The number of keys stored.
    private(set) var count = 0

    /// `entries`' values must not be negative.
    init(_ entries: [String: Int32]) {
        var capacity = 2
        while capacity < entries.count * 2 { capacity *= 2 }
        hashes = Array(repeating: 0, count: capacity)
        keys = Array(repeating: "", count: capacity)
        values = Array(repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        // In key order, so the layout does not depend on the Dictionary's seed.
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            precondition(value >= 0, "KeyTable values are ids")
            let hash = Self.hash(key)
            var slot = slot(of: hash)
            while values[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            hashes[slot] = hash
            keys[slot] = key
            values[slot] = value
            count += 1
        }
    }

    /// A set of keys: each one's value is 0.
    init(_ keys: some Sequence<String>) {
        self.init(Dictionary(keys.map { ($0, Int32(0)) }, uniquingKeysWith: { first, _ in first }))
    }

    /// FNV-1a over the UTF-8 of `key`.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { hash($0) }
    }

    /// FNV-1a over `bytes` (a key's UTF-8).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private func slot(of hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`, -1 when there is none; `hash` is ``hash(_:)`` of `key`.
    func value(of key: String, hash: UInt64) -> Int32 {
        let mask = values.count - 1
        var slot = slot(of: hash)
        while true {
            let value = values[slot]
            if value < 0 { return -1 }
            if hashes[slot] == hash, keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ key: String, hash: UInt64) -> Bool { value(of: key, hash: hash) >= 0 }
}
