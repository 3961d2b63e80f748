import TotaalbeeldModel
import TotaalbeeldXML

/// Loads a track catalogue and checks it against the ruleset: every indicator, activity, ordering
/// prerequisite and contraindication referral must exist.
///
/// ```swift
/// let catalogue = try TrackCatalogueLoader.load(contentsOf: "Rulesets/tracks-2026.xml", ruleset: ruleset, schemas: schemas)
/// ```
public enum TrackCatalogueLoader {
    public static func load(contentsOf path: String, ruleset: Ruleset, schemas: SchemaSet) throws(LoadError) -> TrackCatalogue {
        let (document, _) = try schemas.load(path, maxBytes: RulesetLoader.maxBytes)
        return try catalogue(from: document, ruleset: ruleset)
    }

    static func catalogue(from document: XMLDocument, ruleset: Ruleset) throws(LoadError) -> TrackCatalogue {
        let root = document.root
        guard root.name.localName == "catalogue" else {
            throw .invalid([LocatedProblem(root.modelLocation, "expected a track catalogue, found a <\(root.name.localName)> document")])
        }
        let log = ProblemLog()
        let tracks = root.children(named: "track").map { element in
            let size = element.child(named: "size")
            let addresses = element.child(named: "addresses")
            return Track(
                id: element.attribute("id") ?? "",
                fenger: Track.Fenger(rawValue: element.attribute("fenger") ?? "") ?? .workFirst,
                intensity: Track.Intensity(rawValue: element.attribute("intensity") ?? "") ?? .moderate,
                referralOnly: element.boolean("referralOnly", default: false), trial: element.boolean("trial", default: false),
                label: element.localized("label"), goal: element.localized("goal"),
                dutchLevel: element.child(named: "intake")?.attribute("dutch") ?? "none",
                minWeeks: size?.integer("minWeeks") ?? 1, maxWeeks: size?.integer("maxWeeks") ?? 1,
                indicators: addresses?.list("indicators") ?? [], activities: addresses?.list("activities") ?? [],
                after: element.children(named: "after").map { (track: $0.attribute("track") ?? "", when: $0.list("when")) },
                parked: element.child(named: "parked") != nil, notFor: element.list("notFor"), testsWish: element.boolean("testsWish", default: false),
                questions: addresses?.list("questions") ?? [], location: element.modelLocation
            )
        }
        // Lint: ids unique, references into the ruleset and the catalogue itself.
        var seen: [String: Int] = [:]
        let trackIDs = tracks.map(\.id)
        for (element, track) in zip(root.children(named: "track"), tracks) {
            if let first = seen[track.id] {
                log.report(element.attributeLocation("id"), "duplicate track id '\(track.id)' (first defined at line \(first))")
            }
            seen[track.id] = seen[track.id] ?? element.location.line
            if track.minWeeks > track.maxWeeks, let size = element.child(named: "size") {
                log.report(size.attributeLocation("minWeeks"), "track '\(track.id)': minWeeks \(track.minWeeks) is more than maxWeeks \(track.maxWeeks)")
            }
            if let addresses = element.child(named: "addresses") {
                for id in track.indicators where ruleset.indicator(id: id) == nil {
                    log.report(addresses.attributeLocation("indicators"), "track '\(track.id)' addresses unknown indicator '\(id)' (not in ruleset \(ruleset.id))\(suggestion(id, among: ruleset.indicators.map(\.id)))")
                }
                for id in track.questions where !ruleset.rules.contains(where: { $0.id == id }) {
                    log.report(addresses.attributeLocation("questions"), "track '\(track.id)' answers the question of unknown rule '\(id)'\(suggestion(id, among: ruleset.rules.map(\.id)))")
                }
                for id in track.activities where ruleset.activity(id: id) == nil {
                    log.report(addresses.attributeLocation("activities"), "track '\(track.id)' addresses unknown Schema 2 activity '\(id)'\(suggestion(id, among: ruleset.activities.map(\.id)))")
                }
            }
            let capacities = ruleset.trialAndError?.capacities.map(\.id) ?? []
            for id in track.notFor where !capacities.contains(id) {
                log.report(element.attributeLocation("notFor"), "track '\(track.id)' names unknown work capacity '\(id)' (not in ruleset \(ruleset.id))\(suggestion(id, among: capacities))")
            }
            for after in element.children(named: "after") {
                let prerequisite = after.attribute("track") ?? ""
                if !trackIDs.contains(prerequisite) {
                    log.report(after.attributeLocation("track"), "track '\(track.id)' must come after unknown track '\(prerequisite)'\(suggestion(prerequisite, among: trackIDs))")
                }
                for id in after.list("when") where ruleset.indicator(id: id) == nil {
                    log.report(after.attributeLocation("when"), "track '\(track.id)': ordering condition names unknown indicator '\(id)'")
                }
            }
        }
        for contraindication in ruleset.trialAndError?.contraindications ?? [] {
            for id in contraindication.referral where !trackIDs.contains(id) {
                log.report(root.modelLocation.asSourceLocation, "ruleset \(ruleset.id) contraindication '\(contraindication.id)' refers to track '\(id)', which this catalogue does not define")
            }
        }
        try log.throwIfAny()
        return TrackCatalogue(id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", tracks: tracks)
    }
}

extension Location {
    var asSourceLocation: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
