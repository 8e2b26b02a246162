import ArgumentParser
import Foundation
import MoodlineEngine
import MoodlineServer
import MoodlineWire

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Push simulated or recorded conversations into a running `moodline serve`.",
        discussion: """
        By default it keeps --sessions conversations going at once, cast from the 30 built-in
        scenario scripts (Chinese, English and mixed; voice and chat) with fresh session ids
        (sim-<seed>-<n>), agents a-<k>, a few teams t-<k>, jittered prosody and varied pace.
        The same --seed and --start-time give the same messages. Event time starts now, so
        tickets' deadlines line up with the wall clock; at --rate above the conversations'
        natural pace, event time runs ahead of the wall clock (use --speed 1x to keep it level).

        --file pushes recordings (JSON Lines files, or directories of *.jsonl) instead, merged
        by ts and unchanged.

        Pacing: --rate N fragments a second (0: as fast as possible), or --speed 1x/10x/max to
        follow the messages' own ts. --count and --duration stop early; conversations still
        running then get a session_end. --dry-run prints the JSON lines instead of sending
        them (--duration then counts event time).

        Examples:
          moodline simulate                          12 conversations, 20 fragments/s
          moodline simulate --lang zh --sessions 50 --rate 200
          moodline simulate --file ../shared/scenarios/sessions --speed max
          moodline simulate --dry-run --count 40 --start-time 1763700000
        """
    )

    @Option(help: ArgumentHelp("The ingest endpoint to PUSH to.", valueName: "endpoint"))
    var connect: String = ServerConfiguration().ingest

    @OptionGroup var curve: CurveClientOptions

    @Option(help: "Fragments a second; 0 sends as fast as possible. Ignored with --speed.")
    var rate: Double = 20

    @Option(help: "Conversations running at once.")
    var sessions: Int = 12

    @Option(help: "Seed of the simulation: the same seed gives the same conversations.")
    var seed: UInt64 = 1

    @Option(name: .customLong("lang"), help: ArgumentHelp("Only scripts in this language: zh, en or mixed (repeatable).", valueName: "lang"))
    var languages: [String] = []

    @Option(name: .customLong("start-time"), help: ArgumentHelp("Event time of the start, seconds since the epoch (default: now).", valueName: "ts"))
    var startTime: Double?

    @Option(help: "Stop after this many fragments.")
    var count: Int?

    @Option(help: "Stop after this many seconds.")
    var duration: Double?

    @Option(name: .customLong("file"), help: ArgumentHelp("Push this recording, or every *.jsonl in this directory (repeatable).", valueName: "path"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Pace by the messages' ts: 1x, 10x, 0.5x or max.", valueName: "speed"))
    var speed: String?

    @Option(help: ArgumentHelp("Which scripts to cast: uniform (every script alike, about a third urgent) or realistic (most calls calm).", valueName: "mix"))
    var mix: String = "uniform"

    @Flag(name: .customLong("dry-run"), help: "Print the JSON lines to standard output instead of pushing them.")
    var dryRun = false

    func validate() throws {
        guard rate >= 0, rate.isFinite else { throw ValidationError("--rate must be 0 (as fast as possible) or a positive number") }
        guard sessions >= 1 else { throw ValidationError("--sessions must be at least 1") }
        if let count, count < 0 { throw ValidationError("--count must not be negative") }
        if let duration, !(duration > 0) { throw ValidationError("--duration must be a positive number of seconds") }
        for lang in languages where !ConversationLibrary.languageGroups.contains(lang) {
            throw ValidationError("unknown --lang '\(lang)'; use zh, en or mixed")
        }
        if !files.isEmpty && !languages.isEmpty { throw ValidationError("--lang selects built-in scripts; it cannot filter --file recordings") }
        if ConversationMix.named[mix] == nil { throw ValidationError("unknown --mix '\(mix)'; use uniform or realistic") }
        if let speed, Self.parseSpeed(speed) == nil {
            throw ValidationError("--speed is a factor such as 1x, 10x or 0.5x, or max")
        }
    }

    /// `1x`, `10`, `0.5x` → the factor; `max` → infinity.
    static func parseSpeed(_ text: String) -> Double? {
        let lowered = text.lowercased()
        if lowered == "max" { return .infinity }
        let number = lowered.hasSuffix("x") ? String(lowered.dropLast()) : lowered
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        return value
    }

    func run() throws {
        ShutdownSignal.install()
        let pacing: Simulator.Pacing = speed.flatMap(Self.parseSpeed).map { .eventTime(speed: $0) } ?? .rate(rate)
        if files.isEmpty {
            let languageSet = languages.isEmpty ? nil : Set(languages)
            let stream = SimulatedStream(
                seed: seed, sessions: sessions, languages: languageSet, startTime: startTime ?? Date().timeIntervalSince1970,
                mix: ConversationMix.named[mix] ?? .uniform)
            try go(stream, pacing: pacing, describe: "\(sessions) simulated conversations at a time (seed \(seed))")
        } else {
            let stream: RecordedStream
            do {
                stream = try RecordedStream(paths: files)
            } catch {
                throw ValidationError("\(error)")
            }
            try go(stream, pacing: pacing, describe: "\(stream.count) recorded messages from \(stream.files.count) file(s)")
        }
    }

    private func go(_ stream: some WireEventSource, pacing: Simulator.Pacing, describe: String) throws {
        if dryRun {
            try printLines(stream)
            return
        }
        let context = try ZMQContext()
        let simulator = Simulator(context: context, endpoint: connect, source: stream, pacing: pacing, limit: count, duration: duration, curve: try curve.clientKeys())
        let paceText: String
        switch pacing {
        case .rate(let r): paceText = r > 0 ? "\(Self.number(r)) fragments/s" : "as fast as possible"
        case .eventTime(let s): paceText = s.isFinite ? "\(Self.number(s))x recorded time" : "as fast as possible"
        }
        Self.note("moodline simulate: pushing \(describe) to \(connect), \(paceText); Ctrl-C stops")
        simulator.start()
        var lastSent = -1
        var lastProgress = Date()
        var lastReport = Date()
        var warned = false
        while !simulator.isFinished {
            if ShutdownSignal.isRequested { simulator.stop() }
            Thread.sleep(forTimeInterval: 0.1)
            let sent = simulator.sent
            if sent != lastSent {
                lastSent = sent
                lastProgress = Date()
            } else if !warned, Date().timeIntervalSince(lastProgress) > 5 {
                warned = true
                Self.note("moodline simulate: \(connect) is not taking messages — is `moodline serve` running?")
            }
            if Date().timeIntervalSince(lastReport) >= 10 {
                lastReport = Date()
                Self.note("moodline simulate: \(simulator.sent) messages (\(simulator.fragmentsSent) fragments) sent")
            }
        }
        simulator.wait()
        if let failure = simulator.failure {
            Self.note("moodline simulate: stopped: \(failure)")
            throw ExitCode.failure
        }
        Self.note("moodline simulate: sent \(simulator.sent) messages (\(simulator.fragmentsSent) fragments) to \(connect)")
    }

    /// `--dry-run`: the JSON lines on standard output, with the same limits (duration in event time).
    private func printLines(_ stream: some WireEventSource) throws {
        var stream = stream
        var writer = JSONWriter(capacity: 64 * 1024)
        var fragments = 0
        var firstTs: Double?
        var complete = true
        while true {
            if ShutdownSignal.isRequested { complete = false; break }
            if let count, fragments >= count { complete = false; break }
            guard let event = stream.next() else { break }
            if firstTs == nil { firstTs = event.ts }
            if let duration, let firstTs, event.ts - firstTs >= duration {
                complete = false
                break
            }
            if case .fragment = event { fragments += 1 }
            writer.write(event)
            writer.newline()
            if writer.bytes.count > 32 * 1024 {
                guard Self.flush(&writer) else { return }
            }
        }
        if !complete {
            for event in stream.finish() {
                writer.write(event)
                writer.newline()
            }
        }
        _ = Self.flush(&writer)
    }

    /// Writes the buffer to standard output; false once the reader has gone (`| head`).
    private static func flush(_ writer: inout JSONWriter) -> Bool {
        defer { writer.removeAll() }
        do {
            try FileHandle.standardOutput.write(contentsOf: writer.bytes)
            return true
        } catch {
            return false
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
