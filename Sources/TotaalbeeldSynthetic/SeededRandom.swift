/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast generator whose whole state is one `UInt64`.
///
/// The generator never uses `SystemRandomNumberGenerator`, and it does not rely on the standard
/// library's `random(in:using:)` or `shuffled(using:)` either: their algorithms are not part of
/// Swift's stability promise, and a toolchain update must not change a generated dossier.
/// ```swift
/// var random = SeededRandom(seed: 1, stream: 42)
/// random.int(below: 6)          // the same value on every machine, every run
/// random.pick(["wia", "ww"])
/// ```
struct SeededRandom {
    private var state: UInt64

    init(state: UInt64) { self.state = state }

    /// One independent stream per (seed, stream): neighbouring indices give unrelated sequences
    /// because both inputs pass through the SplitMix64 finaliser before they are combined.
    init(seed: UInt64, stream: UInt64) {
        self.state = Self.mix(seed &+ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The SplitMix64 output function: a bijective avalanche of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (Lemire's multiply-high; the bias for bounds this small is far below 2⁻⁴⁰).
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// Picks by relative weight; weights need not sum to 1.
    mutating func pick<T>(weighted items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + max(0, $1.1) }
        var target = unit() * total
        for (item, weight) in items where weight > 0 {
            if target < weight { return item }
            target -= weight
        }
        return items[items.count - 1].0
    }

    /// Fisher–Yates, so the order is a function of the stream alone.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(below: i + 1))
        }
    }

    /// Up to `count` distinct elements, in random order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var copy = items
        shuffle(&copy)
        return Array(copy.prefix(max(0, count)))
    }
}
