import Foundation
import TotaalbeeldDocuments
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import TotaalbeeldXML
import XCTest
import ZIPFoundation

/// Shipped cases screened as `totaalbeeld screen` does, and the renderings the tests look at.
enum ReportFixtures {
    static let catalogue: TrackCatalogue = {
        do {
            return try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        } catch { fatalError("catalogue: \(error)") }
    }()

    static let plain: PlainLanguage = {
        do {
            return try PlainLanguageLoader.load(contentsOf: Fixtures.path("Rulesets/plain-nl.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        } catch { fatalError("plain words: \(error)") }
    }()

    static let templates: HTMLTemplates = {
        do { return try HTMLTemplates(directory: Fixtures.path("Templates/html")) } catch { fatalError("templates: \(error)") }
    }()

    static func screen(_ file: String) throws -> ScreeningResult {
        Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue).screen(try Fixtures.dossier(file))
    }

    static func name(_ file: String) -> String {
        URL(fileURLWithPath: file).lastPathComponent.replacingOccurrences(of: ".dossier.xml", with: "")
    }

    /// The parts of a zip container by path.
    static func unzip(_ data: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, bytes)
        }
    }

    /// Parses an XML part (or a page after its doctype) well-formed, without a schema.
    static func parse(_ bytes: Data, file: String) throws -> XMLDocument {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("<!DOCTYPE html>\n") { text.removeFirst("<!DOCTYPE html>\n".count) }
        return try XMLDocumentLoader.parseWellFormed(bytes: Array(text.utf8), fileName: file)
    }

    static func elements(_ root: XMLElement) -> [XMLElement] { [root] + root.children.flatMap(elements) }
}
