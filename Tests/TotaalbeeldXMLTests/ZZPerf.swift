import XCTest
import TotaalbeeldXML
final class ZZPerfTests: XCTestCase {
    func testPerf() throws {
        let schema = try Fixtures.compileSchema(in: FileManager.default.temporaryDirectory.appendingPathComponent("zzp-\(UUID())").also { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: true) })
        var text = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='1'>\n"
        for i in 0..<100_000 { text += "  <t:item id='n\(i)' kind='a'>Een stukje tekst met één accent</t:item>\n" }
        text += "</t:catalog>\n"
        let start = Date()
        let doc = try Fixtures.parse(text, schema: schema)
        print("bytes", text.utf8.count, "elements", doc.root.children.count, "seconds", Date().timeIntervalSince(start))
    }
}
extension URL { func also(_ f: (URL) throws -> Void) rethrows -> URL { try f(self); return self } }
