/// A value kept in one shared, immutable box, for model values that are copied far more often than changed (facts
/// grouped and sorted per domain, rule and report; indicators looked up by id): a copy takes one reference count,
/// where the value's own fields would take one per String and array. A change makes a new box, so no copy sees it.
///
/// ```swift
/// var shared = SharedValue(["schulden"])
/// let copy = shared                 // one reference count
/// shared.value.append("huur")       // a new box; `copy` still holds ["schulden"]
/// ```
@frozen
public struct SharedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let value: Value
        @inlinable init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box

    @inlinable
    public init(_ value: Value) { box = Box(value) }

    @inlinable
    public var value: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    /// Equal and hashed as the values are; a box is equal to itself without comparing, which differs only for a
    /// value holding a NaN (equal to its own copies here, as `Hashable` expects; the ruleset's factors are decimals).
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }

    @inlinable
    public func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}
