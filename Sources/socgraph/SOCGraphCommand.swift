import ArgumentParser

@main
struct SOCGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socgraph",
        abstract: "Explore SOC 2018 occupations for EB-2 National Interest Waiver petitions.",
        version: "socgraph 0.1.0",
        subcommands: [ImportCommand.self]
    )
}
