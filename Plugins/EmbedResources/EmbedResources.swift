import Foundation
import PackagePlugin

/// Embeds the shipped rulesets, schemas, identifier list and HTML templates into the target it is
/// applied to, so an installed `totaalbeeld` carries its data and works from any folder. The files stay
/// the source of truth: the plugin re-runs whenever one of them changes.
@main
struct EmbedResources: BuildToolPlugin {
    /// Folders (relative to the package) whose files are embedded, and the endings taken from each.
    static let folders: [(path: String, endings: [String])] = [
        ("Rulesets", [".xml"]),
        ("Rulesets/schema", [".xsd"]),
        ("Templates/html", [".mustache"]),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relative: [String] = []
        for folder in Self.folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder.path).path)
            relative += names.filter { name in folder.endings.contains { name.hasSuffix($0) } }.sorted().map { folder.path + "/" + $0 }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(relative.count) ruleset, schema and template files",
                executable: try context.tool(named: "totaalbeeld-embed").url,
                arguments: [output.path, root.path] + relative,
                inputFiles: relative.map { root.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }
}
