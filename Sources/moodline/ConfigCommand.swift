import ArgumentParser
import MoodlineServer

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the documented default configuration, or check a configuration file."
    )

    @Flag(help: "Print every setting with its default value and what it does.")
    var defaults = false

    @Option(help: "Check this configuration file and print the settings it results in.")
    var check: String?

    @Option(name: .customLong("set"), help: "With --check: override one setting, dotted.key=value, as `serve` would. Repeatable.")
    var overrides: [String] = []

    func validate() throws {
        if defaults == (check != nil) { throw ValidationError("give --defaults or --check FILE") }
    }

    func run() throws {
        if defaults {
            print(ServerConfiguration.documentedDefaultsYAML)
            return
        }
        let configuration = try ServerConfiguration.load(path: check, overrides: overrides)
        print("\(check ?? ""): valid; ingest \(configuration.ingest), publish \(configuration.publish), control \(configuration.control), database \(configuration.database)")
    }
}
