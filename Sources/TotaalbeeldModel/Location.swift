/// Where something came from in an input file, so every score can point back to its evidence.
///
/// ```swift
/// let here = Location(file: "case1.dossier.xml", line: 12, column: 5)
/// print(here) // case1.dossier.xml:12:5
/// ```
public struct Location: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A problem in an input file, reported as one `file:line:column: message` line.
public struct LocatedProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: Location
    public var message: String

    public init(_ location: Location, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
