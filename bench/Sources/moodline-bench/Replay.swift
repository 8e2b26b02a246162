import Foundation
import MoodlineCore
import MoodlineEngine
import MoodlineReplay
import MoodlineServer
import MoodlineStore
#if canImport(Glibc)
import Glibc
#endif

/// Counts what the pipeline hands out.
struct CountingSink: PipelineSink {
    var alerts = 0
    var tickets = 0
    var snapshots = 0
    var summaries = 0

    mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) { alerts += 1 }
    mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double) { tickets += 1 }
    mutating func snapshot(_ snapshot: SessionSnapshot) { snapshots += 1 }
    mutating func sessionEnded(_ summary: SessionSummary) { summaries += 1 }
}

/// Section 4 (`moodline-bench replay`): the generated messages as one buffer of JSON lines,
/// split at newlines and fed to `Pipeline.ingest(_:)` (wire decoding, validation, scoring,
/// engine, rules), flushed every 512 messages as the server does, with no sockets and no
/// store (`Pipeline(engine:store: nil, ...)`). One pass per fresh pipeline (a second pass
/// through the same one would be rejected as repeated `seq`s); the best and mean are given.
struct ReplayRun {
    let options: PipelineBenchmark.Options
    let messages: MessageSet

    func run() -> [PipelineBenchmark.Row] {
        print("\n[4] replay: \(messages.count.grouped) JSON lines (\(messages.fragments.grouped) fragments) → Pipeline (no sockets, no store), \(options.replayPasses) passes")
        var best = 0.0
        var total = 0.0
        for pass in 1...max(1, options.replayPasses) {
            var pipeline = Pipeline(
                engine: Engine(configuration: EngineConfig(), lexicon: .embedded), store: nil,
                policy: .standard, clock: EventClock(wall: { Date().timeIntervalSince1970 }))
            // As `moodline replay` runs when it publishes nothing: no session snapshots.
            pipeline.snapshotsWanted = false
            var sink = CountingSink()
            let allocationsBefore = AllocationCounter.allocations
            let start = monotonicNanoseconds()
            messages.bytes.withUnsafeBytes { all in
                guard let base = all.baseAddress else { return }
                var offset = 0
                var inBatch = 0
                while offset < all.count {
                    guard let newline = memchr(base + offset, 10, all.count - offset) else { break }
                    let end = base.distance(to: UnsafeRawPointer(newline))
                    pipeline.ingest(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                    offset = end + 1
                    inBatch += 1
                    if inBatch == 512 {
                        try? pipeline.flush(to: &sink)
                        inBatch = 0
                    }
                }
                try? pipeline.flush(to: &sink)
            }
            let seconds = Double(monotonicNanoseconds() - start) / 1e9
            let allocations = AllocationCounter.allocations &- allocationsBefore
            let rate = Double(messages.fragments) / seconds
            best = max(best, rate)
            total += rate
            let rejected = pipeline.counters.decodeRejections.values.reduce(0, +) + pipeline.engine.counters.totalRejections
            print("  pass \(pass): \(seconds.formatted(3)) s, \(Int(rate).grouped) fragments/s (\(Int(Double(messages.count) / seconds).grouped) messages/s, \((seconds * 1e9 / Double(messages.count)).formatted(0)) ns/message), \((Double(allocations) / Double(messages.count)).formatted(1)) allocations/message; alerts \(sink.alerts.grouped), snapshots \(sink.snapshots.grouped), summaries \(sink.summaries.grouped), rejected \(rejected)")
        }
        let mean = total / Double(max(1, options.replayPasses))
        var rows: [PipelineBenchmark.Row] = [
            .init(measure: "replay through Pipeline, mean (fragments/s)", value: Int(mean).grouped, target: "≥ 500,000", met: mean >= 500_000),
            .init(measure: "replay through Pipeline, best pass (fragments/s)", value: Int(best).grouped, target: "≥ 500,000", met: best >= 500_000),
        ]
        rows += commandReplay()
        return rows
    }

    /// `moodline replay FILE` as a QA analyst runs it: the same lines from a file through
    /// `MoodlineReplay.Replay` (reading, merge, decoding, scoring, engine, the recorder's
    /// statistics; no report files), on one thread once, and with the reading thread in
    /// `--passes` runs, reported as their mean and the fastest: on this shared machine a single
    /// run moves by ±10% with what else the host is doing, and the fastest run is the one
    /// least disturbed.
    func commandReplay() -> [PipelineBenchmark.Row] {
        let path = options.databaseDirectory + "/moodline-bench-\(getpid())-replay.jsonl"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(messages.bytes)) else {
            print("  cannot write \(path)")
            return []
        }
        print("\n[4b] moodline replay on a file of the same \(messages.count.grouped) lines (\((Double(messages.bytes.count) / 1e6).formatted(0)) MB), no report")
        var rows: [PipelineBenchmark.Row] = []
        if let rate = replayFile(path, readAhead: false, label: "one thread") {
            rows.append(.init(measure: "moodline replay, one thread (fragments/s)", value: Int(rate).grouped, target: "", met: nil))
        }
        let label = "reading thread + rules thread"
        let rates = (1...max(1, options.replayPasses)).compactMap { pass in
            replayFile(path, readAhead: true, label: "\(label), run \(pass)")
        }
        guard let best = rates.max() else { return rows }
        let mean = rates.reduce(0, +) / Double(rates.count)
        rows.append(.init(measure: "moodline replay, \(label), mean (fragments/s)", value: Int(mean).grouped, target: "≥ 500,000", met: mean >= 500_000))
        rows.append(.init(measure: "moodline replay, \(label), fastest run (fragments/s)", value: Int(best).grouped, target: "≥ 500,000", met: best >= 500_000))
        return rows
    }

    /// One `moodline replay` of the file; fragments/s, or nil when it failed.
    private func replayFile(_ path: String, readAhead: Bool, label: String) -> Double? {
        do {
            var replay = Replay(files: try RecordingFile.resolve([path]), configuration: ServerConfiguration())
            replay.progress = false
            replay.readAhead = readAhead
            var options = ReplayRecorder.Options()
            options.timelineSessions = 0
            var recorder = try ReplayRecorder(options: options)
            let start = monotonicNanoseconds()
            let statistics = try replay.run(into: &recorder)
            let seconds = Double(monotonicNanoseconds() - start) / 1e9
            let rate = Double(statistics.engine.fragments + statistics.engine.interimFragments) / seconds
            print("  \(label): \(seconds.formatted(3)) s, \(Int(rate).grouped) fragments/s; alerts \(statistics.alerts.grouped), sessions \(statistics.sessions.grouped)")
            return rate
        } catch {
            print("  replay failed: \(error)")
            return nil
        }
    }
}
