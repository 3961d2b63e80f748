import Foundation
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldXML

/// `totaalbeeld import`: an intake file (or uploaded bytes) → a dossier that validates, and the report of what went where.
///
/// ```swift
/// let importer = IntakeImporter(ruleset: ruleset, schemas: schemas)
/// let result = try importer.importIntake(bytes: Array(data), fileName: "intake.docx", options: ImportOptions())
/// try result.xml.write(toFile: "intake.dossier.xml", atomically: true, encoding: .utf8)
/// ```
public struct IntakeImporter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case docx, odt, markdown, text }

    /// Text intakes larger than this are refused (Office files have their own limits, ``ArchiveLimits``).
    public static let maxTextBytes = 8 << 20

    public let ruleset: Ruleset
    public let schemas: SchemaSet
    public var limits = ArchiveLimits()

    public init(ruleset: Ruleset, schemas: SchemaSet) {
        self.ruleset = ruleset
        self.schemas = schemas
    }

    /// The format a file name says (.docx, .odt, .md/.markdown, .txt), or nil.
    public static func format(forFileName name: String) -> Format? {
        switch name.split(separator: ".").last?.lowercased() {
        case "docx": .docx
        case "odt": .odt
        case "md", "markdown": .markdown
        case "txt", "text": .text
        default: nil
        }
    }

    /// Reads the blocks of an intake.
    public func read(bytes: [UInt8], fileName: String, format: Format) throws(ImportError) -> IntakeDocument {
        switch format {
        case .docx, .odt:
            return try OfficeReader.read(Data(bytes), fileName: fileName, format: format == .docx ? .docx : .odt, limits: limits)
        case .markdown, .text:
            guard bytes.count <= Self.maxTextBytes else {
                throw .invalid(path: fileName, reason: "file is \(bytes.count) bytes, more than the limit of \(Self.maxTextBytes)")
            }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw .invalid(path: fileName, reason: "this is a zip archive (a .docx or .odt?), not text; name it after its format")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .invalid(path: fileName, reason: "the text is not valid UTF-8 (save it as UTF-8)")
            }
            return MarkdownReader.read(text, fileName: fileName, plainText: format == .text)
        }
    }

    /// Reads, maps and validates: the result is a dossier the schema and the ruleset accept, or an error.
    public func importIntake(bytes: [UInt8], fileName: String, format: Format? = nil, options: ImportOptions = .init()) throws(ImportError) -> ImportResult {
        guard let format = format ?? Self.format(forFileName: fileName) else { throw .unsupported(path: fileName) }
        let intake = try read(bytes: bytes, fileName: fileName, format: format)
        let result = try IntakeMapper(ruleset: ruleset).map(intake, options: options)
        do {
            _ = try DossierLoader.load(bytes: Array(result.xml.utf8), fileName: fileName + " (imported)", ruleset: ruleset, schemas: schemas)
        } catch {
            throw .invalid(path: fileName, reason: "the imported dossier does not validate (please report this): " + error.description)
        }
        return result
    }

    /// The report as lines: `file:line:1: …` or `file: paragraph N: …`, then the notes.
    public static func reportLines(_ result: ImportResult, fileName: String) -> [String] {
        result.report.map { line in
            let prefix = line.position.map { $0.located(in: fileName) } ?? fileName
            let tag = line.kind == .mapped ? "" : "\(line.kind.rawValue): "
            return "\(prefix): \(tag)\(line.message)"
        }
    }
}
