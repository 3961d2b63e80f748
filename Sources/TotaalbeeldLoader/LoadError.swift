import TotaalbeeldModel
import TotaalbeeldXML

/// Why an input could not be used. Each case maps to one sysexits code in the CLI.
public enum LoadError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read (EX_NOINPUT, 66).
    case missingInput(path: String, reason: String)
    /// The file was read but is not acceptable: parse, schema or lint problems (EX_DATAERR, 65).
    case invalid([LocatedProblem])

    public var description: String {
        switch self {
        case .missingInput(let path, let reason): "\(path): \(reason)"
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }

    public var problems: [LocatedProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }

    init(_ error: XMLLoadError) {
        switch error {
        case .fileNotFound(let path):
            self = .missingInput(path: path, reason: "no such file")
        case .unreadable(let path, let reason):
            self = .missingInput(path: path, reason: "cannot be read: \(reason)")
        case .tooLarge(let path, let bytes, let limit):
            self = .invalid([LocatedProblem(Location(file: path, line: 1, column: 1), "file is \(bytes) bytes, more than the limit of \(limit)")])
        case .invalid(let diagnostics):
            self = .invalid(diagnostics.map { LocatedProblem(Location($0.location), $0.message) })
        }
    }
}

extension Location {
    init(_ location: SourceLocation) {
        self.init(file: location.file, line: location.line, column: location.column)
    }
}
