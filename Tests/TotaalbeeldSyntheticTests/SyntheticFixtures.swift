import Foundation
import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport

/// A generated population written to a scratch directory and loaded back, shared by the tests that
/// only read it, so 1,000 dossiers are generated, loaded and screened once per test run.
final class SyntheticPopulation: @unchecked Sendable {
    struct Member {
        var generated: GeneratedDossier
        var path: String
        var result: ScreeningResult
    }

    static let catalogue = IndicatorCatalogue(ruleset: Fixtures.defaultRuleset)
    static let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset)

    /// Seed 2026, 1,000 dossiers, no broken ones, the default assessment share.
    static let thousand = SyntheticPopulation(seed: 2026, count: 1000)

    let directory = TemporaryDirectory()
    let members: [Member]
    /// Dossiers that failed to load, with the loader's message.
    let failures: [(String, String)]

    init(seed: UInt64, count: Int, options: (inout GeneratorOptions) -> Void = { _ in }) {
        var settings = GeneratorOptions(seed: seed)
        options(&settings)
        let generator = DossierGenerator(options: settings, indicatorCatalogue: Self.catalogue)
        var members: [Member] = []
        var failures: [(String, String)] = []
        for index in 0..<count {
            let dossier = generator.dossier(at: index)
            let path = directory.path + "/" + dossier.fileName
            _ = FileManager.default.createFile(atPath: path, contents: Data(dossier.bytes))
            do {
                let loaded = try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
                members.append(Member(generated: dossier, path: path, result: Self.evaluator.screen(loaded)))
            } catch {
                failures.append((dossier.fileName, error.description))
            }
        }
        self.members = members
        self.failures = failures
    }
}
