import ArgumentParser
import Foundation
import MoodlineEngine
import MoodlineReplay
import MoodlineServer
import MoodlineWire

/// `moodline replay`: recorded conversations through the live pipeline, for QA and tuning.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded conversations through the live pipeline: alerts, reports, scorecards, tuning.",
        discussion: """
        Reads JSON Lines recordings in wire schema v1 (plain or .gz; directories are searched for \
        *.jsonl and *.jsonl.gz) and runs them through the same decoder, engine and rules as \
        `serve`, on event time. Several recordings are merged by `ts` as one live stream. Bad \
        lines are counted by reason and skipped. Recordings are streamed, never loaded whole; \
        .gz files are decompressed by a `gzip -dc` child process.

        Examples:
          moodline replay calls/ --alerts a.jsonl --report r.html --csv out/
          moodline replay calls/ --expect exp.jsonl --set engine.rules.abuse.cooldown_seconds=60
          moodline replay calls/ --expect exp.jsonl --compare candidate.yaml
        """
    )

    @Argument(help: "Recordings: JSON Lines files (.jsonl, .jsonl.gz) or directories of them.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Write every alert to this JSON Lines file (the alert object `serve` publishes).", valueName: "file"))
    var alerts: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report to this file.", valueName: "file.html"))
    var report: String?

    @Option(help: ArgumentHelp("Write alerts.csv, sessions.csv and agents.csv into this directory.", valueName: "dir"))
    var csv: String?

    @Option(help: ArgumentHelp("A YAML configuration file, as for `serve` (see `moodline config --defaults`).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one setting: dotted.key=value (engine.rules.customer_negative.enter=0.3). Repeatable.", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Score the alerts against labelled expectations (the format of scenarios/expectations.jsonl).", valueName: "file"))
    var expect: String?

    @Option(help: ArgumentHelp("Also replay under this configuration file and show which alerts appear and disappear (--set applies to the main run only).", valueName: "file"))
    var compare: String?

    @Option(help: ArgumentHelp("Pace by event time at this speed (1x, 10x, 0.5x) instead of as fast as possible.", valueName: "multiple"))
    var speed: String?

    @Option(help: ArgumentHelp("With --speed: also publish alerts, tickets and snapshots on this PUB endpoint, as `serve` does (default: the configuration's publish endpoint).", valueName: "endpoint"))
    var publish: String?

    @Option(help: ArgumentHelp("With --speed: shorten gaps between events to at most this many seconds while pacing.", valueName: "seconds"))
    var maxGap: Double = 30

    @Option(help: ArgumentHelp("Sessions drawn with timeline and transcript in the report (the first ones seen).", valueName: "n"))
    var reportSessions: Int = 100

    @Flag(help: "Never draw the progress bar (it is drawn only when standard error is a terminal).")
    var noProgress = false

    @Flag(help: "List every missed expectation and false alarm after the scores.")
    var list = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one recording file or directory") }
        if let speed, Self.parseSpeed(speed) == nil {
            throw ValidationError("--speed takes a positive multiple such as 1x, 10x or 0.5x, not '\(speed)'")
        }
        if maxGap <= 0 { throw ValidationError("--max-gap must be above 0 seconds") }
        if reportSessions < 0 { throw ValidationError("--report-sessions cannot be negative") }
    }

    /// `10x`, `10` or `0.5x` → the multiple.
    static func parseSpeed(_ text: String) -> Double? {
        let trimmed = text.lowercased().hasSuffix("x") ? String(text.dropLast()) : text
        guard let value = Double(trimmed), value > 0, value.isFinite else { return nil }
        return value
    }

    func run() throws {
        do {
            try replay()
        } catch let error as ReplayError {
            throw ValidationError(error.description)
        }
    }

    private func replay() throws {
        let configuration = try loadConfiguration(config, overrides: overrides)
        // Both configurations are checked before the first, possibly long, replay starts.
        let other = try compare.map { path in try loadConfiguration(path, overrides: []) }
        let files = try RecordingFile.resolve(inputs)
        let expectations = try expect.map { path throws(ReplayError) in try SessionExpectation.load(path: path) }

        var options = ReplayRecorder.Options()
        options.alertsPath = alerts
        options.csvDirectory = csv
        options.timelineSessions = report == nil ? 0 : reportSessions
        options.sessionRows = report == nil ? 0 : 2_000
        if compare != nil {
            options.keys = .all
        } else if let expectations {
            options.keys = .sessions(ExpectationScore.sessions(of: expectations))
        }

        var replay = Replay(files: files, configuration: configuration)
        replay.speed = speed.flatMap(Self.parseSpeed)
        replay.maxGapSeconds = maxGap
        replay.progress = noProgress ? false : nil
        // Paced replays feed consoles too: the same PUB topics and messages as `serve`.
        var publisher: ZMQSocket?
        var context: ZMQContext?
        if replay.speed != nil {
            let zmq = try ZMQContext()
            let socket = try zmq.socket(.pub)
            try socket.bind(publish ?? configuration.publish)
            print("publishing on \(try socket.lastEndpoint)")
            publisher = socket
            context = zmq
        }
        defer {
            publisher?.close()
            _ = context
        }
        var recorder = try ReplayRecorder(options: options, downstream: publisher.map { PublishingSink(socket: $0) })
        let statistics = try replay.run(into: &recorder)
        try recorder.finish()
        print(ReplaySummaryText.render(statistics))
        for failure in statistics.failures {
            FileHandle.standardError.write(Data("warning: \(failure)\n".utf8))
        }

        let score = expectations.map { ExpectationScore(alerts: recorder.alertKeys, expectations: $0) }
        if let score {
            print("")
            print(score.rendered(title: "against \(expect ?? "")", listMisses: list))
            if let expectations, SessionExpectation.areDevelopmentSet(expectations) {
                print("  note: these are Moodline's development scenarios, the set the rules were tuned on: the figures are optimistic")
            }
        }

        var comparison: AlertComparison?
        var otherScore: ExpectationScore?
        if let compare, let other {
            var otherOptions = ReplayRecorder.Options()
            otherOptions.timelineSessions = 0
            otherOptions.sessionRows = 0
            otherOptions.keys = .all
            var otherReplay = Replay(files: files, configuration: other)
            otherReplay.progress = noProgress ? false : nil
            var otherRecorder = try ReplayRecorder(options: otherOptions)
            _ = try otherReplay.run(into: &otherRecorder)
            try otherRecorder.finish()
            let diff = AlertComparison(base: recorder.alertKeys, other: otherRecorder.alertKeys)
            comparison = diff
            print("")
            print(diff.rendered(baseName: configurationNote, otherName: compare))
            if let expectations, let score {
                let scored = ExpectationScore(alerts: otherRecorder.alertKeys, expectations: expectations)
                otherScore = scored
                print(String(format: "  precision %.3f → %.3f, recall %.3f → %.3f, false alarms %d → %d",
                             score.precision, scored.precision, score.recall, scored.recall, score.falseAlarms, scored.falseAlarms))
            }
        }

        if let report {
            var html = HTMLReport(statistics: statistics, inputs: inputs, configurationNote: configurationNote, recorder: recorder)
            html.engine = configuration.engine
            html.score = score
            html.expectations = expectations
            html.comparison = comparison
            html.comparisonName = compare
            html.comparisonScore = otherScore
            try html.write(to: report)
        }
        let written = [alerts, report, csv].compactMap { $0 }
        if !written.isEmpty { print("\nwrote \(written.joined(separator: ", "))") }
    }

    private var configurationNote: String {
        var parts: [String] = []
        if let config { parts.append("--config \(config)") }
        for o in overrides { parts.append("--set \(o)") }
        return parts.isEmpty ? "defaults" : parts.joined(separator: " ")
    }

    private func loadConfiguration(_ path: String?, overrides: [String]) throws -> ServerConfiguration {
        // Printed alone, every problem with its line: a configuration error is no usage error.
        try ServerConfiguration.load(path: path, overrides: overrides)
    }
}
