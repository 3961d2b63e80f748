import ArgumentParser

/// `totaalbeeld`: screens reintegration intake dossiers for secondary limitations.
@main
struct Totaalbeeld: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totaalbeeld",
        abstract: "Screens reintegration intake dossiers for secondary limitations — an aid for reflection, not a decision.",
        discussion: """
        Exit codes: 0 ok, 64 usage error, 65 invalid input data, 66 input missing or unreadable, 73 output cannot be created.
        Nothing is sent anywhere: all work happens on this machine.
        """,
        subcommands: [ValidateCommand.self, ScreenCommand.self, AnnotateCommand.self, AgreementCommand.self, GenerateCommand.self, CompareCommand.self, DiffCommand.self, BatchCommand.self, MergeCommand.self, ImpactCommand.self, ImportCommand.self, ExportCommand.self, ServeCommand.self]
    )

    static func main() {
        main(ValidateCommand.liftFileArguments(Array(CommandLine.arguments.dropFirst())))
    }
}
