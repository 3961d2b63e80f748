import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Measures the ruleset from the outside, on the vignettes of `Vignettes/` (see its README): per rule
/// precision and recall, per kind for judgement risks and inconsistencies, flags on clean controls,
/// the trial-and-error verdict and the support-need levels — over all vignettes and over the held-out
/// part apart — and the rule-firing table over the shipped cases and the vignettes.
///
/// It asserts floors on the tuning part and two invariants (no dead rule; no rule firing unexpectedly on
/// more than half of the clean controls). Held-out figures are printed, never tuned on:
/// `VIGNETTE_ERRORS=1 swift test --filter VignetteEvaluationTests` lists every disagreement on the
/// tuning part only.
final class VignetteEvaluationTests: XCTestCase {
    /// The rule ids the vignettes were written against (the writer's rule list, 2026-12-03). For the
    /// kinds inconsistency and judgement-risk a sidecar's `flags` is exhaustive over these; a rule added
    /// later is reported on its own, and counts against a clean control like any other.
    static let vocabulary: Set<String> = [
        "ontkenning-tegenover-derden", "ongeschikt-tegenover-arts", "beperking-tegenover-observatie", "test-tegenover-diploma",
        "motivatie-zonder-onderbouwing", "lacune-gespreksthema", "alleen-eigen-verhaal", "verouderde-bron", "fml-ontbreekt",
        "conclusie-zonder-bewijs", "tunnelvisie", "verankering", "verankering-fml", "projectie", "stereotypering", "halo-horn",
        "ondersteuningsbehoefte-niet-geanalyseerd", "snelle-oplossing", "te-weinig-steun", "te-veel-steun", "geen-gedeeld-doel",
        "lezingen-onbesproken", "onwil-of-onmacht", "onwil-zonder-bewijs", "onmacht-zonder-bewijs", "terugvalrisico-niet-beoordeeld",
    ]

    struct Expected: Decodable {
        var id: String
        var split: String
        var clean: Bool
        var flags: [String]
        var notFlags: [String]
        /// Absent where the writer was not confident of the verdict (the eighth writer left twelve open); such a
        /// vignette does not count in the verdict figures.
        var trialAndError: String?
        /// The levels the writer was confident of; none is as good as an empty object.
        var needs: [String: String]

        private enum CodingKeys: String, CodingKey { case id, split, clean, flags, notFlags, trialAndError, needs }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            split = try container.decode(String.self, forKey: .split)
            clean = try container.decode(Bool.self, forKey: .clean)
            flags = try container.decode([String].self, forKey: .flags)
            notFlags = try container.decode([String].self, forKey: .notFlags)
            trialAndError = try container.decodeIfPresent(String.self, forKey: .trialAndError)
            needs = try container.decodeIfPresent([String: String].self, forKey: .needs) ?? [:]
        }
    }

    struct Screened {
        var file: String
        var expected: Expected
        var fired: Set<String>
        var verdict: String
        var levels: [String: String]
    }

    static let ruleset = Fixtures.defaultRuleset
    static let evaluator: Evaluator = {
        let catalogue = try? TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: ruleset, schemas: Fixtures.schemas)
        return Evaluator(ruleset: ruleset, catalogue: catalogue)
    }()

    /// Every vignette, screened once, sorted by split then id.
    static let screened: [Screened] = {
        let directory = Fixtures.path("Tests/TotaalbeeldEngineTests/Vignettes")
        var all: [Screened] = []
        for split in ["heldout", "heldout-c", "tuning"] {
            let folder = directory + "/" + split
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".expected.json") }.sorted()
            for name in names {
                let base = String(name.dropLast(".expected.json".count))
                guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                      let expected = try? JSONDecoder().decode(Expected.self, from: data) else { fatalError("unreadable sidecar \(name)") }
                let file = "Tests/TotaalbeeldEngineTests/Vignettes/\(split)/\(base).dossier.xml"
                guard let dossier = try? Fixtures.dossier(file) else { fatalError("invalid vignette \(file)") }
                let result = evaluator.screen(dossier)
                all.append(Screened(
                    file: file, expected: expected, fired: Set(result.flags.map(\.rule)), verdict: result.trialAndError.verdict,
                    levels: Dictionary(uniqueKeysWithValues: result.domains.map { ($0.domain.id, $0.supportNeedLevel?.id ?? "geen") })
                ))
            }
        }
        return all
    }()

    static func kind(of rule: String) -> FlagRule.Kind? { ruleset.rules.first { $0.id == rule }?.kind }

    static func exhaustive(_ rule: String) -> Bool {
        let kind = kind(of: rule)
        return kind == .inconsistency || kind == .judgementRisk
    }

    /// Whether the sidecar expects `rule` to fire (true), not to fire (false), or says nothing (nil).
    static func expectation(_ rule: String, in expected: Expected) -> Bool? {
        if expected.flags.contains(rule) { return true }
        if expected.notFlags.contains(rule) { return false }
        if exhaustive(rule) && vocabulary.contains(rule) { return false }
        return nil
    }

    struct Counts {
        var tp = 0, fp = 0, fn = 0, tn = 0
        var precision: Double? { tp + fp == 0 ? nil : Double(tp) / Double(tp + fp) }
        var recall: Double? { tp + fn == 0 ? nil : Double(tp) / Double(tp + fn) }
        mutating func add(expected: Bool, fired: Bool) {
            switch (expected, fired) {
            case (true, true): tp += 1
            case (false, true): fp += 1
            case (true, false): fn += 1
            case (false, false): tn += 1
            }
        }
    }

    static func counts(rule: String, over vignettes: [Screened]) -> Counts {
        var counts = Counts()
        for vignette in vignettes {
            guard let expected = expectation(rule, in: vignette.expected) else { continue }
            counts.add(expected: expected, fired: vignette.fired.contains(rule))
        }
        return counts
    }

    static func counts(kind: FlagRule.Kind, over vignettes: [Screened]) -> Counts {
        let rules = ruleset.rules.filter { $0.kind == kind && vocabulary.contains($0.id) }.map(\.id)
        var total = Counts()
        for rule in rules {
            let c = counts(rule: rule, over: vignettes)
            total.tp += c.tp; total.fp += c.fp; total.fn += c.fn; total.tn += c.tn
        }
        return total
    }

    /// Clean controls on which an inconsistency or judgement risk fires, with the rules.
    static func cleanViolations(over vignettes: [Screened]) -> [(String, [String])] {
        vignettes.filter(\.expected.clean).compactMap { vignette in
            let risky = vignette.fired.filter { exhaustive($0) }.sorted()
            return risky.isEmpty ? nil : (vignette.expected.id, risky)
        }
    }

    static func verdictAccuracy(over vignettes: [Screened]) -> (right: Int, total: Int) {
        let judged = vignettes.filter { $0.expected.trialAndError != nil }
        return (judged.filter { $0.verdict == $0.expected.trialAndError }.count, judged.count)
    }

    static func needAgreement(over vignettes: [Screened]) -> (exact: Int, withinOne: Int, total: Int) {
        let order = ruleset.scoring.levels.map(\.id)
        var exact = 0, close = 0, total = 0
        for vignette in vignettes {
            for (domain, level) in vignette.expected.needs {
                total += 1
                let got = vignette.levels[domain] ?? "geen"
                if got == level { exact += 1 }
                if let a = order.firstIndex(of: got), let b = order.firstIndex(of: level), abs(a - b) <= 1 { close += 1 }
            }
        }
        return (exact, close, total)
    }

    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "  – " }

    static var tuning: [Screened] { screened.filter { $0.expected.split == "tuning" } }
    static var heldout: [Screened] { screened.filter { $0.expected.split == "heldout" } }
    /// The third writer's held-out vignettes (`c01`…, folder `heldout-c`), written blind after ruleset 1.5.0 and
    /// committed before anything was screened with them: measured, never tuned on, like `heldout/`.
    static var heldoutThirdWriter: [Screened] { screened.filter { $0.expected.split == "heldout-c" } }
    /// The tuning writers in the order the report lists them: the prefix of their ids, their place among all writers
    /// (the third wrote the held-out `c…` set) and how many vignettes they wrote. A new writer is one row here.
    static let tuningWriters: [(prefix: String, ordinal: String, count: Int)] = [
        ("t", "first", 32), ("s", "second", 24), ("d", "fourth", 24), ("e", "fifth", 24), ("f", "sixth", 24),
        ("g", "seventh", 24), ("j", "eighth", 24), ("k", "ninth", 24), ("m", "tenth", 12), ("n", "eleventh", 12), ("o", "twelfth", 12), ("p", "thirteenth", 12),
        ("q", "fourteenth", 12), ("r", "fifteenth", 12),
    ]
    static func tuningWriter(_ prefix: String) -> [Screened] { tuning.filter { $0.expected.id.hasPrefix(prefix) } }
    /// The first writer's tuning vignettes (`t01`…), read while the rules of issue 14 were written.
    static var tuningFirstWriter: [Screened] { tuningWriter("t") }
    /// The second writer's tuning vignettes (`s01`…), written blind to the rules: the best tuning measure of
    /// how the rules carry over to another hand (see the vignettes' README).
    static var tuningSecondWriter: [Screened] { tuningWriter("s") }
    /// The fourth writer's tuning vignettes (`d01`…), written blind to the rules after ruleset 1.5.0; their baseline
    /// with 1.5.0 was recorded before any rule was tuned on them (EVALUATION.md).
    static var tuningFourthWriter: [Screened] { tuningWriter("d") }
    /// The fifth writer's tuning vignettes (`e01`…), written blind to the rules after ruleset 1.9.0 (more
    /// inconsistencies in the sources' own words and clean controls); baseline with 1.9.0 recorded before any rule
    /// was tuned on them (EVALUATION.md).
    static var tuningFifthWriter: [Screened] { tuningWriter("e") }
    /// The sixth writer's tuning vignettes (`f01`…), written blind to the rules after ruleset 1.12.0 (clean controls,
    /// inconsistencies in the sources' own words, judgement risks in unusual phrasing); baseline with 1.12.0 recorded
    /// before any rule was tuned on them (EVALUATION.md).
    static var tuningSixthWriter: [Screened] { tuningWriter("f") }
    /// The seventh writer's tuning vignettes (`g01`…), written blind to the rules after ruleset 1.13.0 (twelve clean
    /// controls, ten inconsistencies read from the sources' own words, some noticed and explained); baseline with 1.13.0
    /// recorded before any rule was tuned on them (EVALUATION.md).
    static var tuningSeventhWriter: [Screened] { tuningWriter("g") }
    /// The eighth writer's tuning vignettes (`j01`…), written blind to the rules after ruleset 1.15.0 (eight clean
    /// controls, ten inconsistencies in the sources' own words — three without a shared keyword, two assessments that
    /// contradict themselves —, six judgement risks and trial questions); baseline with 1.15.0 recorded before any rule
    /// was tuned on them (EVALUATION.md).
    static var tuningEighthWriter: [Screened] { tuningWriter("j") }
    /// The ninth writer's tuning vignettes (`k01`…), written blind to the rules after ruleset 1.16.0 from the domain, the
    /// rule list and the dossier format only, never a shipped dossier (eight clean controls, six with an explained or
    /// time-separated contradiction; fourteen inconsistencies in every form a dossier shows them; two mixed with judgement
    /// risks); baseline with 1.16.0 recorded before any rule was tuned on them (EVALUATION.md).
    static var tuningNinthWriter: [Screened] { tuningWriter("k") }

    // MARK: Report

    func testPrintEvaluation() throws {
        let all = Self.screened, heldout = Self.heldout, tuning = Self.tuning, third = Self.heldoutThirdWriter
        let writers = Self.tuningWriters.map { (writer: $0, part: Self.tuningWriter($0.prefix)) }
        XCTAssertEqual(heldout.count, 38, "h01–h38")
        for (writer, part) in writers {
            XCTAssertEqual(part.count, writer.count, "\(writer.prefix)01–\(writer.prefix)\(writer.count)")
        }
        XCTAssertEqual(
            writers.reduce(0) { $0 + $1.part.count }, tuning.count,
            "every tuning vignette is one of \(writers.map { $0.writer.prefix }.joined(separator: ", "))"
        )
        XCTAssertEqual(third.count, 24, "c01–c24")
        XCTAssertEqual(heldout.count + third.count + tuning.count, all.count, "every vignette is held-out (h or c) or tuning")
        let perWriter = writers.map { "\($0.part.count) \($0.writer.prefix)…" }.joined(separator: ", ")
        var lines: [String] = ["", "Vignette evaluation — ruleset \(Self.ruleset.id) \(Self.ruleset.version): \(all.count) vignettes (\(heldout.count) held-out, \(third.count) held-out by a third writer, \(tuning.count) tuning: \(perWriter))"]
        lines.append("")
        lines.append("rule                                     kind            all P  all R   held-out P  R      tuning P  R     (tp/fp/fn all)")
        for rule in Self.ruleset.rules {
            let a = Self.counts(rule: rule.id, over: all), h = Self.counts(rule: rule.id, over: heldout), t = Self.counts(rule: rule.id, over: tuning)
            let mark = Self.vocabulary.contains(rule.id) ? "" : "  (not in the vignettes' vocabulary)"
            lines.append("\(rule.id.padding(toLength: 40, withPad: " ", startingAt: 0)) \(rule.kind.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(Self.ratio(a.precision))   \(Self.ratio(a.recall))    \(Self.ratio(h.precision))   \(Self.ratio(h.recall))    \(Self.ratio(t.precision))   \(Self.ratio(t.recall))   \(a.tp)/\(a.fp)/\(a.fn)\(mark)")
        }
        lines.append("")
        let parts = [("all", all), ("held-out", heldout), ("held-out, third writer (c…)", third), ("tuning", tuning)]
            + writers.map { ("tuning, \($0.writer.ordinal) writer (\($0.writer.prefix)…)", $0.part) }
        for (name, part) in parts {
            let jr = Self.counts(kind: .judgementRisk, over: part), inc = Self.counts(kind: .inconsistency, over: part)
            let clean = Self.cleanViolations(over: part)
            let verdict = Self.verdictAccuracy(over: part)
            let needs = Self.needAgreement(over: part)
            let cleanCount = part.filter(\.expected.clean).count
            lines.append("\(name): judgement-risk P \(Self.ratio(jr.precision)) R \(Self.ratio(jr.recall)) (\(jr.tp)/\(jr.fp)/\(jr.fn)); inconsistency P \(Self.ratio(inc.precision)) R \(Self.ratio(inc.recall)) (\(inc.tp)/\(inc.fp)/\(inc.fn)); clean controls with a risk or inconsistency \(clean.count)/\(cleanCount); trial verdict \(verdict.right)/\(verdict.total) = \(Self.ratio(Double(verdict.right) / Double(max(verdict.total, 1)))); need levels exact \(needs.exact)/\(needs.total), within one \(needs.withinOne)/\(needs.total)")
        }
        print(lines.joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["VIGNETTE_ERRORS"] != nil { printTuningErrors() }
    }

    /// Floors on the first writer's tuning part, t01–t30 (measured 2026-12-03 with ruleset 1.10.0: judgement risk P 0.93
    /// R 1.00, inconsistency P 1.00 R 1.00, no flag on its clean controls, verdict 28/30). The held-out part is printed above
    /// and asserted nowhere: the issue's held-out targets (judgement risk P ≥ 0.90, R ≥ 0.80, inconsistency R ≥ 0.80,
    /// verdict ≥ 0.90) are not reached yet (see EVALUATION.md).
    func testTuningPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningFirstWriter, risk: (0.90, 0.95), inconsistency: (0.95, 0.95), flaggedCleanControls: 0, verdict: 0.90)
    }

    /// Floors on the second writer's tuning part, s01–s24, a little below what ruleset 1.10.0 reaches (2026-12-03:
    /// judgement risk P 0.82 R 0.88, inconsistency P 1.00 R 1.00, no clean control flagged — s03's "gescheiden" and
    /// its assessed past addiction no longer flag —, verdict 22/24). Its baseline with ruleset 1.3.0, before any tuning on it: P 0.53 R 0.62,
    /// inconsistency P 0.60 R 0.38, six of ten clean controls flagged, verdict 18/24 (EVALUATION.md). Verdict floor 0.90 →
    /// 0.875 with ruleset 1.25.0: its lexicon reads s03's "vrienden van vroeger ziet hij niet meer" as isolation, told by
    /// the client alone, and that quality point brings the picture's uncertainty to the threshold (4 of 4), so the trial
    /// is indicated where the writer expected a regular advice: the reading is right, the verdict sits on the threshold.
    func testSecondWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningSecondWriter, risk: (0.80, 0.85), inconsistency: (0.95, 0.95), flaggedCleanControls: 0, verdict: 0.875)
    }

    /// Floors on the fourth writer's tuning part, d01–d24, a little below what ruleset 1.10.0 reaches (2026-12-03: judgement
    /// risk P 1.00 R 1.00, inconsistency P 1.00 R 1.00, no clean control flagged, verdict 23/24). Its baseline with ruleset
    /// 1.5.0, recorded before any rule was tuned on it: judgement risk P 0.64 R 0.60, inconsistency P 0.67 R 0.50, two of
    /// nine clean controls flagged, verdict 22/24 (EVALUATION.md). With 1.16.0 d19 drew `tunnelvisie` (P 0.94, floor
    /// lowered to 0.93); with 1.17.1 it no longer does (P 1.00, floor 0.95 again): the burden the direction seemed to leave
    /// out was "geen betaald werk" read as little work experience.
    func testFourthWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningFourthWriter, risk: (0.95, 0.95), inconsistency: (0.95, 0.95), flaggedCleanControls: 0, verdict: 0.90)
    }

    /// Floors on the fifth writer's tuning part, e01–e24, a little below what ruleset 1.11.0 reaches (2026-12-03: judgement
    /// risk P 0.87 R 0.76, inconsistency P 0.89 R 0.89 — 1.10.0: P 0.86 R 0.67, before a client's limit met his own
    /// activity of the same function — no clean control flagged, verdict 23/24). Its baseline with ruleset
    /// 1.9.0, recorded before any rule was tuned on it: judgement risk P 0.53 R 0.47, inconsistency P 0.60 R 0.33, four of
    /// nine clean controls flagged, verdict 19/24 (EVALUATION.md).
    func testFifthWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningFifthWriter, risk: (0.85, 0.75), inconsistency: (0.85, 0.85), flaggedCleanControls: 0, verdict: 0.90)
    }

    /// Floors on the sixth writer's tuning part, f01–f24, a little below what ruleset 1.13.0 reaches (2026-12-04: judgement
    /// risk P 1.00 R 0.78, inconsistency P 1.00 R 1.00, no clean control flagged, verdict 20/24). Its baseline, recorded
    /// before any rule was tuned on it: judgement risk P 0.80 R 0.44, inconsistency P 0.80 R 0.50, three of nine clean
    /// controls flagged, verdict 16/24 (EVALUATION.md).
    func testSixthWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningSixthWriter, risk: (0.95, 0.75), inconsistency: (0.95, 0.95), flaggedCleanControls: 0, verdict: 0.80)
    }

    /// Floors on the seventh writer's tuning part, g01–g24, a little below what ruleset 1.14.0 reaches (2026-12-04: judgement
    /// risk P 1.00 R 1.00, inconsistency P 1.00 R 1.00, no clean control flagged, verdict 22/24). Its baseline, recorded
    /// before any rule was tuned on it: judgement risk P 0.94 R 0.94, inconsistency P 0.50 R 0.17, two of twelve clean
    /// controls flagged, verdict 19/24 (EVALUATION.md). Since 1.24.0 judgement-risk recall 0.88 and verdict 21/24: g16's two
    /// support-need flags and its verdict rested on reading a test item "niet afgemaakt binnen de tijd" as a missing diploma.
    func testSeventhWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningSeventhWriter, risk: (0.95, 0.87), inconsistency: (0.95, 0.95), flaggedCleanControls: 0, verdict: 0.875)
    }

    /// Floors on the eighth writer's tuning part, j01–j24, a little below what ruleset 1.16.0 reaches (2026-12-04: judgement
    /// risk P 0.90 R 0.95, inconsistency P 0.88 R 1.00, no clean control flagged, verdict 10 of the 12 the writer gave).
    /// Its baseline with 1.15.0, recorded before any rule was tuned on it: judgement risk P 0.73 R 0.84, inconsistency
    /// P 0.67 R 0.29, two of nine clean controls flagged, verdict 7/12 (EVALUATION.md).
    func testEighthWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningEighthWriter, risk: (0.85, 0.90), inconsistency: (0.85, 0.95), flaggedCleanControls: 0, verdict: 0.80)
    }

    /// Floors on the ninth writer's tuning part, k01–k24, a little below what ruleset 1.17.0 reaches (2026-12-04: judgement
    /// risk P 1.00 R 0.67, inconsistency P 1.00 R 0.92, no clean control flagged, verdict 10 of the 10 the writer gave).
    /// Its baseline with 1.16.0, recorded before any rule was tuned on it: judgement risk P 0.75 R 0.50, inconsistency
    /// P 0.83 R 0.38, two of eight clean controls flagged, verdict 10/10 (EVALUATION.md).
    func testNinthWriterPartMeetsItsFloors() throws {
        assertFloors(over: Self.tuningNinthWriter, risk: (0.95, 0.65), inconsistency: (0.95, 0.90), flaggedCleanControls: 0, verdict: 0.90)
    }

    /// Precision and recall floors per kind (inconsistency and judgement risk), at most so many clean controls with
    /// such a flag, and a floor on the trial verdict, over one part.
    private func assertFloors(
        over part: [Screened], risk: (precision: Double, recall: Double), inconsistency: (precision: Double, recall: Double),
        flaggedCleanControls: Int, verdict: Double, file: StaticString = #filePath, line: UInt = #line
    ) {
        for (kind, floor) in [(FlagRule.Kind.judgementRisk, risk), (.inconsistency, inconsistency)] {
            let counts = Self.counts(kind: kind, over: part)
            XCTAssertGreaterThanOrEqual(counts.precision ?? 0, floor.precision, "\(kind.rawValue) precision", file: file, line: line)
            XCTAssertGreaterThanOrEqual(counts.recall ?? 0, floor.recall, "\(kind.rawValue) recall", file: file, line: line)
        }
        let flagged = Self.cleanViolations(over: part).map(\.0)
        XCTAssertLessThanOrEqual(flagged.count, flaggedCleanControls, "clean controls with an inconsistency or judgement risk: \(flagged)", file: file, line: line)
        let right = Self.verdictAccuracy(over: part)
        XCTAssertGreaterThanOrEqual(Double(right.right) / Double(right.total), verdict, "trial verdict", file: file, line: line)
    }

    /// Disagreements on the tuning part only; the held-out part is measured, never inspected.
    private func printTuningErrors() {
        var lines = ["", "Disagreements on the tuning part:"]
        for vignette in Self.tuning {
            var notes: [String] = []
            for rule in Self.ruleset.rules.map(\.id) {
                guard let expected = Self.expectation(rule, in: vignette.expected) else {
                    if vignette.expected.clean && Self.exhaustive(rule) && vignette.fired.contains(rule) { notes.append("+\(rule) (on a clean control)") }
                    else if !Self.vocabulary.contains(rule) && vignette.fired.contains(rule) { notes.append("~\(rule) (new rule)") }
                    continue
                }
                if expected && !vignette.fired.contains(rule) { notes.append("-\(rule)") }
                if !expected && vignette.fired.contains(rule) { notes.append("+\(rule)") }
            }
            if let expected = vignette.expected.trialAndError, vignette.verdict != expected { notes.append("verdict \(vignette.verdict), expected \(expected)") }
            for (domain, level) in vignette.expected.needs.sorted(by: { $0.key < $1.key }) where vignette.levels[domain] != level {
                notes.append("need \(domain) \(vignette.levels[domain] ?? "geen") (expected \(level))")
            }
            if !notes.isEmpty { lines.append("  \(vignette.expected.id): " + notes.joined(separator: ", ")) }
        }
        print(lines.joined(separator: "\n"))
    }

    // MARK: Firing table

    /// How often each rule fires over the shipped cases and the vignettes: a dead rule has no effect, and a
    /// rule that fires unexpectedly on more than half of the clean controls cannot discriminate.
    func testRuleFiringTableHasNoDeadRuleAndNoRuleFiringOnMostCleanControls() throws {
        let evaluator = Self.evaluator
        var onCases: [String: Int] = [:]
        let cases = Fixtures.caseFiles
        for file in cases {
            for rule in Set(evaluator.screen(try Fixtures.dossier(file)).flags.map(\.rule)) { onCases[rule, default: 0] += 1 }
        }
        let clean = Self.screened.filter(\.expected.clean)
        var lines = ["", "Rule firing over \(cases.count) shipped cases and \(Self.screened.count) vignettes (\(clean.count) clean controls):",
                     "rule                                      cases  vignettes  clean  clean, not expected"]
        for rule in Self.ruleset.rules.map(\.id) {
            let vignettes = Self.screened.filter { $0.fired.contains(rule) }.count
            let onClean = clean.filter { $0.fired.contains(rule) }
            let unexpected = onClean.filter { !$0.expected.flags.contains(rule) }.count
            let total = (onCases[rule] ?? 0) + vignettes
            lines.append("\(rule.padding(toLength: 42, withPad: " ", startingAt: 0)) \(String(onCases[rule] ?? 0).padding(toLength: 6, withPad: " ", startingAt: 0)) \(String(vignettes).padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(onClean.count).padding(toLength: 6, withPad: " ", startingAt: 0)) \(unexpected)\(total == 0 ? "   DEAD" : "")")
            XCTAssertGreaterThan(total, 0, "\(rule) fires on no shipped case and no vignette")
            XCTAssertLessThanOrEqual(unexpected * 2, clean.count, "\(rule) fires unexpectedly on \(unexpected) of \(clean.count) clean controls")
        }
        print(lines.joined(separator: "\n"))
    }
}
