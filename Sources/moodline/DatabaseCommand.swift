import ArgumentParser
import Foundation
import MoodlineServer
import MoodlineStore

/// `moodline db`: upkeep of the database file.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Upkeep of the database: prune what is older than the retention age.",
        subcommands: [Prune.self]
    )

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove alerts, summaries, resolved tickets, feedback and baselines older than an age, then compact the file.",
            discussion: """
            Open and acknowledged tickets are kept however old. The age is --older-than, or the \
            configuration's retention.max_age_days; `serve` also prunes on that schedule. \
            Compacting rewrites the file: it waits for a running `serve` between its commits.

            Examples:
              moodline db prune --older-than 90
              moodline db prune --config moodline.yaml --no-compact
            """
        )

        @Option(help: ArgumentHelp("Days of event time to keep.", valueName: "days"))
        var olderThan: Double?

        @Option(help: ArgumentHelp("The database file (default: the configuration's).", valueName: "file"))
        var database: String?

        @Option(help: ArgumentHelp("A configuration file, for its database and retention age.", valueName: "file"))
        var config: String?

        @Flag(help: "Do not rewrite the file to give the space back.")
        var noCompact = false

        func run() throws {
            let configuration = try ServerConfiguration.load(path: config)
            let days = olderThan ?? configuration.retention.maxAgeDays
            guard days.isFinite, days > 0 else {
                throw Failure(description: "no age to prune at: pass --older-than DAYS, or set retention.max_age_days in the configuration")
            }
            let path = database ?? configuration.database
            guard FileManager.default.fileExists(atPath: path) else {
                throw Failure(description: "no database at \(path); pass --database FILE or --config with its `database` setting")
            }
            do {
                let store = try TicketStore(path: path)
                let cutoff = RetentionPolicy(maxAgeDays: days).cutoff(now: Date().timeIntervalSince1970)
                let removed = try store.prune(before: cutoff)
                print("pruned \(path) of what is older than \(EventTimeFormat.dateTime(cutoff)) (\(DayCount.text(days))): "
                    + "\(removed.alerts) alerts, \(removed.tickets) resolved tickets, \(removed.summaries) summaries, "
                    + "\(removed.feedback) feedback, \(removed.baselines) speakers' baselines")
                if !noCompact {
                    try store.compact()
                    print("compacted")
                }
            } catch {
                throw Failure(description: "\(error)")
            }
        }
    }

    /// A problem found after parsing: printed alone, without the usage text.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

/// A number of days as people write it: "90 days", "0.5 days".
enum DayCount {
    static func text(_ d: Double) -> String {
        d == d.rounded() ? "\(Int(d)) days" : String(format: "%.1f days", d)
    }
}
