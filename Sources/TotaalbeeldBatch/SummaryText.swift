import Foundation
import TotaalbeeldReport

/// `summary.txt`: the summary for a reader — counts, support need per domain, referral share,
/// the most frequent flags and gaps. Derived from the same counts as `summary.json`.
public enum SummaryText {
    public static func render(_ summary: BatchSummary) -> String {
        var out: [String] = []
        let identity = summary.identity
        out.append("Bulk screening with ruleset \(identity.rulesetID) \(identity.rulesetVersion) (sha256:\(identity.rulesetChecksum.prefix(12))…)")
        if let list = identity.guardList { out.append("Anonymisation guard: \(list.id) \(list.version)") }
        if let shard = summary.shard { out.append("Shard \(shard) of the inputs") }
        out.append("Inputs: \(identity.inputs.joined(separator: " ")) (files ending in \(identity.suffix) in directories)")
        out.append("")
        let failures = ErrorRecord.Kind.allCases.map { "\($0.rawValue) \(summary.failures[$0] ?? 0)" }.joined(separator: ", ")
        out.append("Dossiers found \(summary.found): screened \(summary.screened), failed \(summary.failed) (\(failures))")
        if summary.identifiers.values.contains(where: { $0 > 0 }) {
            out.append("Refused for direct identifiers: " + IdentifierKind.allCases.compactMap { kind in summary.identifiers[kind].map { "\(kind.label) \($0)" } }.joined(separator: ", "))
        }
        out.append("Trial-and-error track indicated: \(summary.indicated) of \(summary.screened) screened = \(percent(summary.indicated, of: summary.screened)); referred for assessment first: \(summary.referredFirst)")
        if !summary.regimes.isEmpty {
            out.append("  per benefit regime: " + summary.regimes.keys.sorted().map { regime in
                let counts = summary.regimes[regime]!
                return "\(regime) \(counts.indicated)/\(counts.screened)"
            }.joined(separator: ", "))
        }
        out.append("")
        out.append("Support need per domain (mean, median, p90, max; dossiers per level)")
        let levels = summary.domains.first?.levels.map(\.level) ?? []
        var rows = [["domain", "mean", "median", "p90", "max"] + levels]
        for domain in summary.domains {
            let need = domain.supportNeed
            rows.append([domain.code, number(need.mean), number(need.quantile(0.5)), number(need.quantile(0.9)), number(need.largest)] + domain.levels.map { String($0.dossiers) })
        }
        out += table(rows)
        out.append("")
        out.append("Flags per rule (dossiers with the flag, share of screened; rules that never fired left out)")
        let fired = summary.rules.filter { $0.dossiers > 0 }.sorted { $0.dossiers != $1.dossiers ? $0.dossiers > $1.dossiers : $0.rule < $1.rule }
        out += fired.isEmpty ? ["  none"] : table([["rule", "kind", "dossiers", "share", "flags"]] + fired.map { [$0.rule, $0.kind, String($0.dossiers), percent($0.dossiers, of: summary.screened), String($0.flags)] })
        let weighed = summary.rules.filter { $0.weighed + $0.reweigh > 0 }
            .sorted { ($0.weighed + $0.reweigh) != ($1.weighed + $1.reweigh) ? ($0.weighed + $0.reweigh) > ($1.weighed + $1.reweigh) : $0.rule < $1.rule }
        out.append("")
        out.append("Weighed flags per rule (the professional weighed the flag; to weigh again: its evidence has changed since)")
        if weighed.isEmpty {
            out.append("  none")
        } else {
            out += table([["rule", "flags", "weighed", "share of flags", "to weigh again"]] + weighed.map {
                [$0.rule, String($0.flags), String($0.weighed), percent($0.weighed, of: $0.flags), String($0.reweigh)]
            })
            for rule in weighed {
                out.append("  \(rule.rule), reasons given:")
                let reasons = rule.rankedReasons
                for reason in reasons.prefix(reasonLimit) { out.append("    \(reason.flags)× \(reason.reason)") }
                if reasons.count > reasonLimit { out.append("    … and \(reasons.count - reasonLimit) other reasons (all in summary.json)") }
            }
        }
        out.append("")
        out.append("Gaps per conversation theme (dossiers without information)")
        out += table([["theme", "dossiers", "share"]] + summary.gaps.map { [$0.theme, String($0.dossiers), percent($0.dossiers, of: summary.screened)] })
        return out.joined(separator: "\n") + "\n"
    }

    /// Reasons listed per rule in the text; summary.json keeps every one.
    static let reasonLimit = 10

    static func percent(_ count: Int, of total: Int) -> String {
        total == 0 ? "–" : String(format: "%.1f %%", locale: Locale(identifier: "en_US_POSIX"), 100 * Double(count) / Double(total))
    }

    static func number(_ value: Double?) -> String { value.map { JSONValue.number($0).serialized() } ?? "–" }

    /// Left-aligned first column, right-aligned numbers, two spaces between columns.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
