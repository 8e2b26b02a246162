import ArgumentParser

@main
struct Moodline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodline",
        abstract: "Real-time emotion monitoring for customer-service conversations, in Chinese and English.",
        discussion: """
        Start here: `moodline serve --simulate` runs the service on its embedded defaults \
        (sockets on 127.0.0.1, ./moodline.db) and feeds it simulated conversations, so warnings \
        and tickets arrive within seconds. `moodline score "text"` explains how one line scores.
        """,
        subcommands: [
            ServeCommand.self,
            ScoreCommand.self,
            LexiconCommand.self,
            ConfigCommand.self,
            SimulateCommand.self,
            TailCommand.self,
            TicketsCommand.self,
            ReplayCommand.self,
            TuneCommand.self,
            DatabaseCommand.self,
            KeysCommand.self,
        ]
    )
}
