import XCTest
import TotaalbeeldXML

final class ExploreTests: XCTestCase {
    func show(_ s: String, _ name: String = "doc.xml") {
        do {
            let d = try XMLDocumentLoader.parse(bytes: Array(s.utf8), fileName: name) { _ in nil }
            print("OK", d.root.name)
        } catch {
            print("---- \(name)\n\(error)")
        }
    }
    func testExplore() {
        show("<a>\n  <b>\n</a>\n")
        show("<a>\n  <x:b/>\n  <y:c/>\n</a>")
        show("<a><b x='1' x='2'/>\n<c y=1/></a>")
        show("<a>\n<b\n  x='1'\n  y='2'/></a>")
        show("<?xml version='1.0'?>\n<!DOCTYPE a [\n<!ENTITY x 'y'>\n]>\n<a>&x;</a>")
        show("<a>&foo;</a>")
        show("")
        show("<a>\n<b>\u{FF}</b></a>")
        var bad = Array("<a>\n  <b>x".utf8); bad += [0xC3, 0x28]; bad += Array("</b></a>".utf8)
        do { _ = try XMLDocumentLoader.parse(bytes: bad, fileName: "bad.xml") { _ in nil } } catch { print("----\n\(error)") }
        show("<a xmlns='relative'/>")
    }
}
