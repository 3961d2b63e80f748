import Foundation

/// Reading JSON back into ``JSONValue``, so the outputs of one run (a screening, a summary) can be the input of
/// another (`totaalbeeld diff` of two screening files) through the same accessors.
///
/// ```swift
/// let value = try JSONValue(parsing: Data(#"{"flags":[{"id":"tunnelvisie"}]}"#.utf8))
/// value["flags"]?[0]?["id"]?.string // "tunnelvisie"
/// ```
extension JSONValue {
    /// Parses JSON text. Object key order is lost (Foundation returns dictionaries), so keys are sorted; numbers
    /// that are whole and written without a fraction become `.integer`.
    public init(parsing data: Data) throws {
        self = JSONValue(foundation: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    init(foundation value: Any) {
        switch value {
        case is NSNull:
            self = .null
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(array.map(JSONValue.init(foundation:)))
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, JSONValue(foundation: object[$0]!)) })
        case let number as NSNumber:
            // Booleans arrive as NSNumber too; their type code tells them apart.
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" {
                self = .bool(number.boolValue)
            } else if ["d", "f"].contains(type) {
                self = .number(number.doubleValue)
            } else {
                self = .integer(number.intValue)
            }
        case let bool as Bool:
            self = .bool(bool)
        default:
            self = .null
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var array: [JSONValue]? { if case .array(let items) = self { return items } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A number, whether written as an integer or with a fraction.
    public var double: Double? {
        switch self {
        case .number(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let i): i
        case .number(let d) where d == d.rounded(): Int(exactly: d)
        default: nil
        }
    }
}
