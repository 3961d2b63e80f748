import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TotaalbeeldHTML
import TotaalbeeldLoader
import TotaalbeeldTestSupport
import TotaalbeeldWorkbench
import XCTest

/// The workbench served on 127.0.0.1 (a free port), driven over HTTP: pages, a save, the version check and refusals.
final class WorkbenchTests: XCTestCase {
    private final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var bound = 0
        func set(_ port: Int) { lock.withLock { bound = port } }
        var value: Int { lock.withLock { bound } }
    }

    private func withServer(_ body: (String, String) async throws -> Void) async throws {
        let folder = temporaryDirectory()
        let dossier = try String(contentsOfFile: Fixtures.path("Cases/eenvoudig/ww-heftruckchauffeur.dossier.xml"), encoding: .utf8)
        _ = folder.write("ww.dossier.xml", dossier)
        let templates = try HTMLTemplates(directory: Fixtures.path("Templates/html"))
        var configuration = Workbench.Configuration(folder: folder.path, port: 0, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas, templates: templates)
        configuration.today = "2026-11-20"
        let port = Port()
        let server = Task {
            try await Workbench(configuration: configuration).run { bound in port.set(bound) }
        }
        defer { server.cancel() }
        var bound = 0
        for _ in 0..<200 where bound == 0 {
            try await Task.sleep(nanoseconds: 20_000_000)
            bound = port.value
        }
        XCTAssertNotEqual(bound, 0, "server did not start")
        try await body("http://127.0.0.1:\(bound)", folder.path)
        server.cancel()
        _ = await server.result
    }

    private func request(_ url: String, method: String = "GET", body: String? = nil, headers: [String: String] = [:]) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    private func field(_ name: String, in page: String) -> String {
        page.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
    }

    private func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
    }

    func testPagesSaveVersionCheckAndRefusals() async throws {
        try await withServer { base, folder in
            let (status, list) = try await request(base + "/")
            XCTAssertEqual(status, 200)
            XCTAssertTrue(list.contains("ww.dossier.xml"))
            XCTAssertTrue(list.contains("lang=\"nl\""))
            XCTAssertFalse(list.contains("<script"))

            let (pageStatus, page) = try await request(base + "/dossier/ww.dossier.xml")
            XCTAssertEqual(pageStatus, 200)
            let csrf = field("csrf", in: page), version = field("version", in: page)
            XCTAssertFalse(csrf.isEmpty)

            // A save with the token and the current version: validated, atomic, the screening updated.
            let (saved, after) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: encode([
                ("csrf", csrf), ("version", version), ("new:jeugd", "Cliënt groeide op in een stabiel gezin."), ("newsrc:jeugd", "s-client"),
            ]))
            XCTAssertEqual(saved, 200)
            XCTAssertTrue(after.contains("Opgeslagen"))
            let file = try String(contentsOfFile: folder + "/ww.dossier.xml", encoding: .utf8)
            XCTAssertTrue(file.contains("stabiel gezin"))
            XCTAssertTrue(file.hasPrefix("<?xml"))
            XCTAssertNoThrow(try DossierLoader.load(contentsOf: folder + "/ww.dossier.xml", ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }, [])

            // The same old version again: refused, the text given back, the file unchanged.
            let (conflict, conflictPage) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: encode([
                ("csrf", csrf), ("version", version), ("new:hobbys", "Tweede venster."), ("newsrc:hobbys", "s-client"),
            ]))
            XCTAssertEqual(conflict, 409)
            XCTAssertTrue(conflictPage.contains("Tweede venster."))
            XCTAssertEqual(try String(contentsOfFile: folder + "/ww.dossier.xml", encoding: .utf8), file)

            // An invalid edit (a citation of nothing) is refused and nothing is written.
            let (_, fresh) = try await request(base + "/dossier/ww.dossier.xml")
            let (invalid, _) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: encode([
                ("csrf", csrf), ("version", field("version", in: fresh)), ("c:new", "Een conclusie."), ("cc:new", "bestaat-niet"),
            ]))
            XCTAssertEqual(invalid, 422)
            XCTAssertEqual(try String(contentsOfFile: folder + "/ww.dossier.xml", encoding: .utf8), file)

            // Refusals: no token, another site, a path out of the folder, too large, unknown page.
            let (noToken, _) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: "new%3Ahobbys=x")
            XCTAssertEqual(noToken, 403)
            let (crossSite, _) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: encode([("csrf", csrf)]), headers: ["Origin": "http://elders.example"])
            XCTAssertEqual(crossSite, 403)
            let (traversal, traversalPage) = try await request(base + "/dossier/..%2F..%2Fetc%2Fpasswd")
            XCTAssertEqual(traversal, 400)
            XCTAssertFalse(traversalPage.contains("root:"))
            let (large, _) = try await request(base + "/dossier/ww.dossier.xml/opslaan", method: "POST", body: String(repeating: "a", count: 2 << 20))
            XCTAssertEqual(large, 413)
            let (missing, missingPage) = try await request(base + "/nergens")
            XCTAssertEqual(missing, 404)
            XCTAssertTrue(missingPage.contains("Niet gevonden"))
        }
    }

    func testOnlyLoopbackCountsAsLocal() {
        XCTAssertTrue(Workbench.isLoopback("127.0.0.1"))
        XCTAssertTrue(Workbench.isLoopback("::1"))
        XCTAssertFalse(Workbench.isLoopback("0.0.0.0"))
        XCTAssertFalse(Workbench.isLoopback("192.168.1.5"))
    }
}
