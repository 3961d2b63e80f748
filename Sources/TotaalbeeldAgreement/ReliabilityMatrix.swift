/// The level of measurement of the judgements, which selects Krippendorff's difference function δ².
///
/// ```swift
/// let result = KrippendorffAlpha.compute(matrix, level: .ordinal)
/// let all = MeasurementLevel.allCases.map { KrippendorffAlpha.compute(matrix, level: $0).alpha }
/// ```
public enum MeasurementLevel: String, Sendable, CaseIterable {
    /// Unordered categories: δ² = 0 when equal, 1 otherwise.
    case nominal
    /// Ranked values: δ² depends on how many values lie between c and k (rank-based, using the marginals).
    case ordinal
    /// Equal-interval scale: δ² = (c − k)².
    case interval
    /// Scale with a true zero, values must be ≥ 0: δ² = ((c − k) / (c + k))².
    case ratio
}

/// A reliability data matrix: rows are raters (coders, observers), columns are units (the things judged);
/// `nil` is a missing judgement.
///
/// ```swift
/// let matrix = ReliabilityMatrix(
///     raters: ["Anna", "Bram"],
///     units: ["case 1", "case 2", "case 3"],
///     values: [[1, 2, nil],
///              [1, 3, 2]])
/// let alpha = KrippendorffAlpha.compute(matrix, level: .interval).alpha
/// ```
///
/// Non-finite values (NaN, ±∞) are treated as missing by ``KrippendorffAlpha``.
/// When the matrix holds categorical data (see ``parseCSV(_:categorical:header:raterLabels:)``),
/// each value is an index into ``categories``.
public struct ReliabilityMatrix: Sendable, Equatable {
    /// Row labels, one per rater.
    public var raters: [String]
    /// Column labels, one per unit.
    public var units: [String]
    /// `values[rater][unit]`; `nil` = missing.
    public var values: [[Double?]]
    /// For categorical data: the label of category `i` is `categories[i]` (order of first appearance).
    /// Empty for numeric data.
    public var categories: [String]

    /// Creates a matrix. `values` must have one row per rater and one column per unit.
    public init(raters: [String], units: [String], values: [[Double?]], categories: [String] = []) {
        precondition(values.count == raters.count, "values must have one row per rater")
        precondition(values.allSatisfy { $0.count == units.count }, "each row of values must have one cell per unit")
        self.raters = raters
        self.units = units
        self.values = values
        self.categories = categories
    }

    /// The label of a categorical value, or `nil` if `value` is not a category index.
    public func category(of value: Double) -> String? {
        guard let index = Int(exactly: value), categories.indices.contains(index) else { return nil }
        return categories[index]
    }
}
