import TotaalbeeldEngine
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldReport
import TotaalbeeldTestSupport
import XCTest

/// The byte writer against the value tree's serialiser: the same document must give the same bytes, compact and
/// pretty, escaping and numbers included; and the screening JSON of every shipped case written directly equals
/// the tree the renderers of old built.
final class JSONWriterTests: XCTestCase {
    /// Writes `value` event by event into `sink`.
    private func replay<Sink: JSONSink>(_ value: JSONValue, into sink: inout Sink) {
        switch value {
        case .null: sink.null()
        case .bool(let b): sink.bool(b)
        case .integer(let i): sink.integer(i)
        case .number(let d): sink.number(d)
        case .string(let s): sink.string(s)
        case .array(let items):
            sink.beginArray()
            for item in items { replay(item, into: &sink) }
            sink.endArray()
        case .object(let members):
            sink.beginObject()
            for (key, member) in members {
                sink.key(Self.key(key))
                replay(member, into: &sink)
            }
            sink.endObject()
        }
    }

    /// Keys are StaticStrings in the writer; the test documents use these.
    private static func key(_ name: String) -> StaticString {
        switch name {
        case "a": "a"
        case "b": "b"
        case "empty": "empty"
        default: "other"
        }
    }

    private let strings = [
        "", "plain", "cliënt zegt: \"ik kan het niet\"", #"back\slash"#, "line\nbreak\r\ttab", "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}",
        "e\u{301} combining", "emoji 👩🏽‍⚕️ and ‘quotes’ “these”", "</script>", "\u{2028}\u{2029}", String(repeating: "x\"", count: 300),
    ]
    private let numbers: [Double] = [0, -0.0, 0.00004, 0.00005, -0.00004, -0.00005, 0.5, 1, -1, 2.25, 1.23456, 1.00001, 99.99995, -7.1, 1e9, 123_456.789, .nan, .infinity, -.infinity]
    private let integers = [0, 1, -1, 9, 10, 42, -987_654_321, Int.max, Int.min]

    private var document: JSONValue {
        .object([
            ("a", .array(strings.map(JSONValue.string))),
            ("b", .array(numbers.map(JSONValue.number) + integers.map(JSONValue.integer))),
            ("empty", .object([("a", .array([])), ("b", .object([])), ("empty", .array([.array([]), .object([]), .null, .bool(true), .bool(false)]))])),
            ("other", .array([.object([("a", .null)]), .array([.array([.integer(1)])])])),
        ])
    }

    func testWriterWritesTheSerialisersBytesCompactAndPretty() {
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            replay(document, into: &writer)
            XCTAssertEqual(writer.bytes, document.serializedUTF8(pretty: pretty), "pretty: \(pretty)")
        }
    }

    func testEscapingAndNumbersOneByOne() {
        for string in strings {
            var writer = JSONWriter()
            writer.string(string)
            XCTAssertEqual(writer.bytes, JSONValue.string(string).serializedUTF8(), string)
        }
        var writer = JSONWriter()
        writer.string("a\"b\\c\n\u{1}")
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), #""a\"b\\c\n\u0001""#)
        for number in numbers {
            var writer = JSONWriter()
            writer.number(number)
            XCTAssertEqual(writer.bytes, JSONValue.number(number).serializedUTF8(), "\(number)")
        }
        XCTAssertEqual(JSONValue.number(1.23456).serialized(), "1.2346")
        XCTAssertEqual(JSONValue.number(2.5).serialized(), "2.5")
        XCTAssertEqual(JSONValue.number(-0.00004).serialized(), "0")
        XCTAssertEqual(JSONValue.number(0.0105).serialized(), "0.0105")
        XCTAssertEqual(JSONValue.number(.nan).serialized(), "null")
        for integer in integers {
            var writer = JSONWriter()
            writer.integer(integer)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), String(integer))
        }
    }

    func testTreeBuilderRebuildsTheDocumentAndResetKeepsNothing() {
        var builder = JSONTreeBuilder()
        replay(document, into: &builder)
        XCTAssertEqual(builder.value?.serialized(), document.serialized())
        var writer = JSONWriter()
        replay(document, into: &writer)
        writer.reset()
        writer.beginArray()
        writer.endArray()
        XCTAssertEqual(writer.bytes, Array("[]".utf8))
    }

    func testScreeningJSONOfEveryShippedCaseEqualsTheValueTreeSerialised() throws {
        let catalogue = try TrackCatalogueLoader.load(contentsOf: Fixtures.path("Rulesets/tracks-2026.xml"), ruleset: Fixtures.defaultRuleset, schemas: Fixtures.schemas)
        let evaluator = Evaluator(ruleset: Fixtures.defaultRuleset, catalogue: catalogue)
        XCTAssertFalse(Fixtures.caseFiles.isEmpty)
        for file in Fixtures.caseFiles {
            let result = evaluator.screen(try Fixtures.dossier(file))
            for language in Language.allCases {
                let json = ScreeningJSON(language: language)
                for pretty in [false, true] {
                    XCTAssertEqual(json.serialized(result, pretty: pretty), json.value(for: result).serializedUTF8(pretty: pretty), "\(file) \(language) pretty: \(pretty)")
                }
            }
        }
    }
}
