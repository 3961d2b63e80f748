import Foundation
import TotaalbeeldXML
import XCTest

final class ConcurrencyTests: XCTestCase {
    /// Valid, malformed and schema-invalid documents parsed at once with one shared schema:
    /// each result must be exactly its own, with diagnostics naming only its own file.
    func testConcurrentParsesAreIndependent() throws {
        let schema = try Fixtures.compileSchema(in: Fixtures.temporaryDirectory(for: self))
        let results = Results(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            let padding = String(repeating: "\n", count: i % 13)
            let body: String
            switch i % 3 {
            case 0: body = "<t:item id='n\(i)' kind='a'>\(i)</t:item>"
            case 1: body = "<t:item id='n\(i)' kind='a'>\(i)</t:wrong>"
            default: body = "<t:item id='n\(i)' kind='bad\(i)'/>"
            }
            let text = "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='\(i)'>\(padding)\(body)</t:catalog>"
            let outcome: String
            do {
                let document = try Fixtures.parse(text, fileName: "doc\(i).xml", schema: schema)
                let item = document.root.children[0]
                outcome = "ok \(document.root.attribute("version") ?? "") \(item.text) \(item.location)"
            } catch {
                outcome = "\(error)"
            }
            results.set(i, outcome)
        }
        for i in 0..<200 {
            let line = 1 + i % 13
            let column = line == 1 ? "<t:catalog xmlns:t='urn:totaalbeeld:test:1' version='\(i)'>".count + 1 : 1
            let expected: String
            switch i % 3 {
            case 0:
                expected = "ok \(i) \(i) doc\(i).xml:\(line):\(column)"
            case 1:
                let end = column + "<t:item id='n\(i)' kind='a'>\(i)</t:wrong>".count
                expected = "doc\(i).xml:\(line):\(end): Opening and ending tag mismatch: item line \(line) and wrong"
            default:
                let attribute = column + "<t:item id='n\(i)' ".count
                expected = "doc\(i).xml:\(line):\(attribute): Element '{urn:totaalbeeld:test:1}item', attribute 'kind': "
                    + "[facet 'enumeration'] The value 'bad\(i)' is not an element of the set {'a', 'b'}."
            }
            let lines = results.get(i).components(separatedBy: "\n")
            XCTAssertEqual(lines.first, expected, "iteration \(i)")
            if i % 3 != 0 {
                XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("doc\(i).xml:") }, "iteration \(i) got foreign diagnostics: \(lines)")
            }
        }
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String]

    init(count: Int) { values = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String { lock.withLock { values[index] } }
}
