import Foundation
import Mustache
import TotaalbeeldLoader
import TotaalbeeldModel

/// The Mustache templates of `Templates/html/`, parsed once.
///
/// Templates hold all markup; Swift code only builds the values they show (see ``ScreeningPage`` and
/// ``ComparisonPage``), so a report's look can change without touching code. Mustache escapes every `{{value}}`,
/// so dossier text can never break out of the markup.
/// ```swift
/// let templates = try HTMLTemplates(directory: home + "/Templates/html")
/// let html = templates.render(ScreeningPage(language: .nl).context(for: result), template: "screen")
/// ```
public struct HTMLTemplates: Sendable {
    /// Pages and the partials they include; all must be present.
    public static let required = ["screen", "compare", "diff", "diffgaps", "impact", "style", "legend", "heatmap", "aid", "fact", "facts", "said"]

    private let library: MustacheLibrary

    /// Reads every `*.mustache` file of `directory`. A syntax error is reported as `file:line:column: message`.
    public init(directory: String) throws(LoadError) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory) else {
            throw .missingInput(path: directory, reason: "the HTML template folder cannot be read")
        }
        var library = MustacheLibrary()
        var problems: [LocatedProblem] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let data = fileManager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .missingInput(path: path, reason: "cannot be read as UTF-8")
            }
            do {
                try library.register(MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                problems.append(LocatedProblem(Location(file: path, line: error.context.lineNumber, column: error.context.columnNumber + 1), "template error: \(error.error)"))
            } catch {
                problems.append(LocatedProblem(Location(file: path, line: 1, column: 1), "template error: \(error)"))
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            problems.append(LocatedProblem(Location(file: directory + "/" + name + ".mustache", line: 0, column: 0), "template missing"))
        }
        if !problems.isEmpty { throw .invalid(problems) }
        self.library = library
    }

    /// Renders one page; every page template is checked to exist at load time.
    public func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
