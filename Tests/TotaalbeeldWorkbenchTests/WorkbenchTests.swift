import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TotaalbeeldEngine
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

    private func withServer(case file: String = "Cases/eenvoudig/ww-heftruckchauffeur.dossier.xml", _ body: (String, String) async throws -> Void) async throws {
        let folder = temporaryDirectory()
        let dossier = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
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

    /// Weighing a flag writes issue 17's `<weighedFlag rule item? by date evidence>reason</weighedFlag>` with the
    /// engine's own evidence fingerprint — also when the weighing creates the assessment (case 7 has none) — so the
    /// engine reads it back as weighed; weighing again replaces the earlier weighing.
    func testWeighingWritesTheEnginesFingerprintAndReplacesAnEarlierWeighing() async throws {
        for file in ["Cases/eenvoudig/ziektewet-productiemedewerker.dossier.xml", "Cases/akc-focusgroep/case7-huisbezoek-trap.dossier.xml"] {
            try await withServer(case: file) { base, folder in
                let path = folder + "/ww.dossier.xml"
                func screen() throws -> ScreeningResult {
                    Evaluator(ruleset: Fixtures.defaultRuleset).screen(try DossierLoader.load(contentsOf: path, ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas))
                }
                let flags = try screen().flags
                let flag = try XCTUnwrap(flags.first { $0.item != nil } ?? flags.last, file)
                var (_, page) = try await request(base + "/dossier/ww.dossier.xml")
                let csrf = field("csrf", in: page)
                XCTAssertTrue(page.contains("name=\"flag\" value=\"\(flag.id)\""), file)

                let (tooLong, _) = try await request(base + "/dossier/ww.dossier.xml/wegen", method: "POST", body: encode([
                    ("csrf", csrf), ("version", field("version", in: page)), ("flag", flag.id), ("reason", "Besproken."),
                    ("by", String(repeating: "x", count: 121)),
                ]))
                XCTAssertEqual(tooLong, 422, file)

                for (reason, by) in [("Besproken in het teamoverleg.", "ad-1"), ("Opnieuw besproken; het blijft verklaard.", "ad-2")] {
                    let (status, after) = try await request(base + "/dossier/ww.dossier.xml/wegen", method: "POST", body: encode([
                        ("csrf", csrf), ("version", field("version", in: page)), ("flag", flag.id), ("reason", reason), ("by", by),
                    ]))
                    XCTAssertEqual(status, 200, file)
                    XCTAssertTrue(after.contains("Gewogen door \(by) op 2026-11-20"), file)
                    page = after
                }
                let xml = try String(contentsOfFile: path, encoding: .utf8)
                XCTAssertEqual(xml.components(separatedBy: "<weighedFlag ").count - 1, 1, "\(file): weighing again replaces")
                XCTAssertTrue(xml.contains("<weighedFlag rule=\"\(flag.rule)\"\(flag.item.map { " item=\"\($0)\"" } ?? "") by=\"ad-2\" date=\"2026-11-20\" evidence=\"sha256:"), xml)
                XCTAssertFalse(xml.contains(" flag=\""))
                let result = try screen()
                let weighed = try XCTUnwrap(result.flags.first { $0.id == flag.id }?.weighing, file)
                XCTAssertEqual(weighed.state, .weighed, "\(file): the fingerprint is the engine's")
                XCTAssertEqual(weighed.weighed.reason, "Opnieuw besproken; het blijft verklaard.")
                XCTAssertEqual(result.unmatchedWeighings.count, 0)
                let (_, list) = try await request(base + "/")
                XCTAssertTrue(list.contains("1 gewogen"), file)
            }
        }
    }

    func testOnlyLoopbackCountsAsLocal() {
        XCTAssertTrue(Workbench.isLoopback("127.0.0.1"))
        XCTAssertTrue(Workbench.isLoopback("::1"))
        XCTAssertFalse(Workbench.isLoopback("0.0.0.0"))
        XCTAssertFalse(Workbench.isLoopback("192.168.1.5"))
    }
}
