import MoodlineCore
import MoodlineEngine
import MoodlineServer
#if canImport(Glibc)
import Glibc
#endif

/// Section 3: an `Engine` in this process holding `memorySessions` live sessions, each
/// started (`session_start` with agent, team, channel, customer, language) and fed a few
/// scripted fragments (text, prosody) from the embedded conversations. Resident memory
/// (/proc/self/statm) and malloc'd bytes (mallinfo2) before and after, per session.
struct MemoryRun {
    let options: PipelineBenchmark.Options

    func run() -> [PipelineBenchmark.Row] {
        let n = options.memorySessions
        var configuration = EngineConfig()
        configuration.sessions.maxLive = max(configuration.sessions.maxLive, n * 2)
        var engine = Engine(configuration: configuration, lexicon: .embedded)
        var output = EngineOutput()
        let library = ConversationLibrary.embedded
        // Warm-up outside the measurement: the scorer's scratch buffers reach their working size.
        feed(&engine, &output, library, first: n, count: 200, fragments: 50)
        for i in n..<(n + 200) {
            engine.handle(.sessionEnd(SessionEnd(session: Self.id(i), ts: 1_810_000_000 + 1_000)), into: &output)
            output.removeAll(keepingCapacity: true)
        }
        let rssBefore = residentBytes()
        let heapBefore = heapInUseBytes()
        let fragments = feed(&engine, &output, library, first: 0, count: n, fragments: options.fragmentsPerSession)
        let rssAfter = residentBytes()
        let heapAfter = heapInUseBytes()
        let live = engine.liveSessionCount
        let rssPer = Double(rssAfter - rssBefore) / Double(max(1, live))
        let heapPer = Double(heapAfter - heapBefore) / Double(max(1, live))
        print("\n[3] memory per live session: Engine with \(live.grouped) live sessions (\(fragments.grouped) fragments fed, ≤ \(options.fragmentsPerSession) each), evictions \(engine.counters.evictions)")
        print("  RSS \(rssBefore / 1024) KiB → \(rssAfter / 1024) KiB: \(rssPer.formatted(0)) B/session;  malloc in use \(heapBefore / 1024) KiB → \(heapAfter / 1024) KiB: \(heapPer.formatted(0)) B/session")
        blackHole(engine)
        return [
            .init(measure: "memory per live session (RSS)", value: "\(rssPer.formatted(0)) B", target: "< 4,096 B", met: rssPer < 4096),
            .init(measure: "memory per live session (malloc)", value: "\(heapPer.formatted(0)) B", target: "< 4,096 B", met: heapPer < 4096),
        ]
    }

    static func id(_ i: Int) -> String { "sim-42-\(i + 1)" }

    /// Starts sessions first..<first+count and feeds each up to `fragments` scripted turns; returns the fragments fed.
    @discardableResult
    private func feed(_ engine: inout Engine, _ output: inout EngineOutput, _ library: ConversationLibrary, first: Int, count: Int, fragments: Int) -> Int {
        var fed = 0
        let base = 1_810_000_000.0
        for i in first..<(first + count) {
            let script = library.conversations[i % library.conversations.count]
            let session = Self.id(i)
            let agent = "a-\(i % 10_000 + 1)"
            let team = "t-\(i % 5 + 1)"
            var ts = base + Double(i) * 0.001
            let start = SessionStart(session: session, seq: 0, ts: ts, agent: agent, team: team, channel: script.channel, customer: "c-\(100_000 + i % 900_000)", lang: script.lang)
            engine.handle(.sessionStart(start), into: &output)
            output.removeAll(keepingCapacity: true)
            for k in 0..<min(fragments, script.turns.count) {
                let turn = script.turns[k]
                ts += max(0.5, turn.gap)
                let fragment = Fragment(
                    session: session, seq: Int64(k + 1), ts: ts, speaker: turn.speaker, text: turn.text,
                    agent: agent, team: team, channel: script.channel, lang: script.lang, isFinal: turn.isFinal, prosody: turn.prosody)
                engine.handle(.fragment(fragment), into: &output)
                output.removeAll(keepingCapacity: true)
                fed += 1
            }
        }
        return fed
    }
}
