import Foundation
import TotaalbeeldTestSupport
import XCTest

/// The command line as a user meets it: exit codes, one located line per problem, no stack traces.
final class CLITests: XCTestCase {
    private let scratch = TemporaryDirectory()

    func testValidateAcceptsTheShippedRuleset() throws {
        let run = try CLI.run(["validate", "Rulesets/akc-2011.xml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "Rulesets/akc-2011.xml: valid ruleset\n")
    }

    func testBrokenDossierGivesOneLocatedLinePerProblemAndExit65() throws {
        let broken = scratch.write("broken.dossier.xml", dossierXML(client: #"<client ageBand="oud" benefitRegime="wajong"/>"#, body: #"  <findings><finding id="f-1" indicator="schuldenn" source="s-ad"/></findings>"#))
        let run = try CLI.run(["screen", broken])
        XCTAssertEqual(run.status, 65)
        XCTAssertEqual(run.stdout, "", "nothing half-written to stdout")
        let lines = run.stderr.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^totaalbeeld: .+\.xml:\d+:\d+: .+"#, options: .regularExpression), String(line))
        }
        XCTAssertFalse(run.stderr.contains("Fatal error"))
    }

    func testMissingInputIs66AndUnknownOptionIs64() throws {
        XCTAssertEqual(try CLI.run(["screen", "Cases/does-not-exist.xml"]).status, 66)
        XCTAssertEqual(try CLI.run(["screen", "--no-such-option", "x"]).status, 64)
        XCTAssertEqual(try CLI.run(["screen", "x", "--format", "pdf"]).status, 64)
    }

    func testOutputFileIsWrittenAndUnwritableOutputIs73() throws {
        let dossier = scratch.write("ok.dossier.xml", dossierXML(body: #"  <findings><finding id="f-1" indicator="angst" source="s-ad"/></findings>"#))
        let out = scratch.path + "/report.json"
        let run = try CLI.run(["screen", dossier, "--format", "json", "-o", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(report.contains(#""code": "ziekte""#))
        XCTAssertEqual(try CLI.run(["screen", dossier, "-o", scratch.path + "/no/such/dir/r.txt"]).status, 73)
    }

    func testDocxOdtAndTheClientLetterFromTheCommandLine() throws {
        let dossier = "Cases/akc-focusgroep/case3-wia-adviseur.dossier.xml"
        for format in ["docx", "odt"] {
            let out = scratch.path + "/overwegingen." + format
            let run = try CLI.run(["screen", dossier, "--format", format, "-o", out])
            XCTAssertEqual(run.status, 0, run.stderr)
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: out))
            XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B], "\(format) is a zip container")
            let again = scratch.path + "/again." + format
            XCTAssertEqual(try CLI.run(["screen", dossier, "--format", format, "-o", again]).status, 0)
            XCTAssertEqual(FileManager.default.contents(atPath: again), bytes, "\(format): the same bytes every run")
        }
        let letter = try CLI.run(["screen", dossier, "--audience", "client"])
        XCTAssertEqual(letter.status, 0, letter.stderr)
        XCTAssertTrue(letter.stdout.contains("Wat er nu gebeurt"), letter.stdout)
        XCTAssertEqual(try CLI.run(["screen", dossier, "--audience", "client", "--format", "html"]).status, 64)
        let compare = try CLI.run(["compare", dossier, "Cases/intervisie/case3-ad-inbrenger.evaluation.xml", "--format", "docx"])
        XCTAssertEqual(compare.status, 64)
        XCTAssertEqual(try CLI.run(["validate", "Rulesets/plain-nl.xml"]).stdout, "Rulesets/plain-nl.xml: valid plain-language words\n")
    }

    func testAnnotateReadsStdinAndRefusesInvalidUTF8WithAPosition() throws {
        let run = try CLI.run(["annotate", "-", "--format", "json"], stdin: "Hij heeft schulden.")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])
        let bad = scratch.path + "/bad.txt"
        _ = FileManager.default.createFile(atPath: bad, contents: Data([0x48, 0x69, 0x0a, 0x61, 0xff, 0x62]))
        let refused = try CLI.run(["annotate", bad])
        XCTAssertEqual(refused.status, 65)
        XCTAssertEqual(refused.stderr, "totaalbeeld: \(bad):2:2: input is not valid UTF-8\n")
    }

    /// Every hit carries uncertain, resolved and assertion, in JSON and in the text format's words (issue 13).
    func testAnnotateShowsUncertaintyResolutionAndClaims() throws {
        let text = "Cliënt zegt dat hij vermoedelijk schulden heeft. De huurachterstand is inmiddels afgelost."
        let run = try CLI.run(["annotate", "-", "--format", "json"], stdin: text)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "no morphology warning with the Dutch dictionary installed")
        let hits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let claimed = try XCTUnwrap(hits.first { $0["text"] as? String == "schulden" })
        XCTAssertEqual(claimed["uncertain"] as? Bool, true)
        XCTAssertEqual(claimed["assertion"] as? String, "claim")
        let settled = try XCTUnwrap(hits.first { $0["text"] as? String == "huurachterstand" })
        XCTAssertEqual(settled["resolved"] as? Bool, true)
        XCTAssertEqual(settled["assertion"] as? String, "finding")
        let plain = try CLI.run(["annotate", "-", "--format", "text"], stdin: text)
        XCTAssertTrue(plain.stdout.contains("uncertain,claim"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("\tresolved\n"), plain.stdout)
    }

    func testAgreementPrintsAlphaAsJSON() throws {
        // Krippendorff (2011), binary example: nominal alpha 0.095.
        let csv = scratch.write("m.csv", "0,1,0,0,0,0,0,0,1,0\n1,1,1,0,0,1,0,0,0,0\n")
        let run = try CLI.run(["agreement", csv, "--level", "nominal", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, #"{"alpha":0.0952,"units":10,"raters":2,"pairable":20,"level":"nominal"}"# + "\n")
    }
}
