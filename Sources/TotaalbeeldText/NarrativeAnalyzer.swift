import TotaalbeeldModel

/// Finds the ruleset's indicator terms in Dutch text. First version: term matching only.
public final class NarrativeAnalyzer: Sendable {
    private let ruleset: Ruleset
    public init(ruleset: Ruleset) { self.ruleset = ruleset }
    public func analyze(_ text: String) -> [TextHit] { [] }
}
