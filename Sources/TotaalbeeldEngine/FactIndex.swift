import TotaalbeeldModel

/// A dossier's facts indexed once by indicator, as positions in `ruleset.indicators`: Schema 1, Schema 2, the rule
/// input and every fact pattern read the same index instead of each hashing the facts' indicator ids again.
///
/// ```swift
/// let index = FactIndex(facts, ruleset: ruleset)
/// index.byIndicator[ruleset.indicatorPosition(id: "schulden")!].map { facts[$0] } // its facts, in order
/// ```
struct FactIndex: Sendable {
    /// Per fact (same order as the facts), its indicator's position; nil for an id the ruleset does not define
    /// (a parked indicator), which `ruleset.indicator(id:)` does not find either.
    let indicators: [Int?]
    /// Per indicator position, the positions of its facts, in the facts' order.
    let byIndicator: [[Int]]

    init(_ facts: [Fact], ruleset: Ruleset) {
        var indicators: [Int?] = []
        indicators.reserveCapacity(facts.count)
        var byIndicator = [[Int]](repeating: [], count: ruleset.indicators.count)
        for (position, fact) in facts.enumerated() {
            let indicator = ruleset.indicatorPosition(id: fact.indicator)
            indicators.append(indicator)
            if let indicator { byIndicator[indicator].append(position) }
        }
        self.indicators = indicators
        self.byIndicator = byIndicator
    }
}

/// What the evaluator needs of the ruleset's indicators by position, worked out once per ruleset.
struct IndicatorTable: Sendable {
    /// Per indicator position, its rank when the indicators are sorted by id: results list indicators in id order,
    /// and comparing ranks gives that order without comparing the Strings.
    let rankByID: [Int]
    /// Per Schema 2 activity (ruleset order), per derivation, the position of the indicator it derives from.
    let derivations: [[Int?]]

    init(_ ruleset: Ruleset) {
        var rank = [Int](repeating: 0, count: ruleset.indicators.count)
        let byID = ruleset.indicators.indices.sorted { ruleset.indicators[$0].id < ruleset.indicators[$1].id }
        for (order, position) in byID.enumerated() { rank[position] = order }
        rankByID = rank
        derivations = ruleset.activities.map { activity in activity.derivations.map { ruleset.indicatorPosition(id: $0.indicator) } }
    }

    /// `positions` (of `index`'s facts) grouped by indicator, the groups in id order and each in the facts' order;
    /// facts of an indicator the ruleset does not define are left out. The same groups, in the same order, as
    /// `Dictionary(grouping:)` by id with the keys sorted, for the ids the ruleset defines.
    func grouped(_ positions: [Int], index: FactIndex) -> [(indicator: Int, facts: [Int])] {
        var keyed: [(rank: Int, fact: Int)] = []
        keyed.reserveCapacity(positions.count)
        for fact in positions {
            if let indicator = index.indicators[fact] { keyed.append((rankByID[indicator], fact)) }
        }
        // Ranks are distinct per indicator and positions per fact: the order is total, stability is not needed.
        keyed.sort { $0 < $1 }
        var groups: [(indicator: Int, facts: [Int])] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].rank == keyed[start].rank { end += 1 }
            groups.append((index.indicators[keyed[start].fact]!, keyed[start..<end].map(\.fact)))
            start = end
        }
        return groups
    }
}
