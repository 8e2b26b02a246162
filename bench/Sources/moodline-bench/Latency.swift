import CAllocationCounter
import Foundation
import MoodlineEngine
import MoodlineServer
import MoodlineWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Section 2: a paced stream (default 20,000 fragments/s over 10,000 conversations) into a
/// fresh server, pushed by a thread of this process. Every 100th message is a probe: a
/// customer fragment that always raises a critical `self_harm` alert, in a session of its
/// own (agent `probe`), timestamped as it is handed to ZeroMQ. Measured:
/// - per message, ZeroMQ receive → end of its batch's flush (tickets committed, PUB sent),
///   from `Server.Instrumentation`;
/// - per probe, push → the alert arriving on a SUB socket (`agent/probe`): the honest end to
///   end figure, with the SQLite ticket commit inside.
struct LatencyRun {
    let options: PipelineBenchmark.Options
    static let probeText = "I don't want to live anymore, I just want to end it all"
    static let probeEvery = 100

    func run() throws -> [PipelineBenchmark.Row] {
        try checkProbeRaisesAlert()
        let targetFragments = Int(options.rate * options.latencySeconds)
        // Event time follows the sending schedule, as it does for live calls: each message is
        // stamped with the time it is due to be sent. (The simulator's own timeline packs
        // minutes of conversation into the run, which would make every ticket overdue within
        // seconds and time a storm of escalations instead of ordinary traffic.)
        let start = Date().timeIntervalSince1970 + 2
        var stream = SimulatedStream(seed: options.seed &+ 1, sessions: options.sessions, startTime: start)
        var set = MessageSet()
        var writer = JSONWriter(capacity: 2048)
        var probes = 0
        var fragments = 0
        while fragments < targetFragments {
            let due = start + Double(fragments) / options.rate
            if set.count % Self.probeEvery == Self.probeEvery - 1 {
                let probe = Fragment(
                    session: "probe-\(probes)", seq: 1, ts: due, speaker: .customer, text: Self.probeText,
                    agent: "probe", team: "t-probe", channel: .chat, lang: "en")
                set.append(.fragment(probe), writer: &writer)
                probes += 1
            } else {
                guard let event = stream.next() else { break }
                set.append(event.stamped(due), writer: &writer)
            }
            if set.isFragment[set.count - 1] { fragments += 1 }
        }
        print("\n[2] latency at \(Int(options.rate).grouped) fragments/s over \(options.sessions.grouped) concurrent sessions, ~\(options.latencySeconds.formatted(0)) s")
        print("  \(set.count.grouped) messages (\(fragments.grouped) fragments, \(probes) self-harm probes, one every \(Self.probeEvery) messages)")

        let server = try RunningServer(databaseDirectory: options.databaseDirectory, name: "latency", highWaterMark: options.highWaterMark, durability: options.durability)
        defer { server.removeDatabase() }
        let context = try ZMQContext()
        let clock = ProbeClock(count: probes)
        let subscriber = try Subscriber(context: context, endpoint: server.publish, probes: clock)
        let control = try ControlClient(context: context, endpoint: server.control)
        usleep(300_000)

        let messages = set
        let rate = options.rate
        let ingest = server.ingest
        let pushed = Locked<(UInt64, UInt64)>((0, 0))
        let pusher = Worker("bench-push") {
            do {
                let socket = try context.socket(.push)
                defer { socket.close() }
                try socket.connect(ingest)
                moodline_bench_set_timer_slack(1) // wake on time: pacing granularity ~60 µs, not 50 µs + slack
                let start = monotonicNanoseconds()
                var fragment = 0
                var probe = 0
                for index in 0..<messages.count {
                    if messages.isFragment[index] {
                        sleep(until: start + UInt64(Double(fragment) / rate * 1e9))
                        fragment += 1
                    }
                    let isProbe = index % Self.probeEvery == Self.probeEvery - 1
                    if isProbe { clock.sent(probe, at: monotonicNanoseconds()) }
                    let ok = try messages.withMessage(index) { bytes in
                        Result { () throws(ZMQError) -> Bool in try socket.send(bytes) }
                    }.get()
                    if !ok { break }
                    if isProbe { probe += 1 }
                }
                let end = monotonicNanoseconds()
                pushed.withLock { $0 = (start, end) }
            } catch {
                print("  push: \(error)")
            }
        }
        pusher.join()
        let (pushStart, pushEnd) = pushed.withLock { $0 }
        var stats = try control.stats()
        let deadline = monotonicNanoseconds() + 30_000_000_000
        while (stats["received"] ?? 0) < messages.count, monotonicNanoseconds() < deadline {
            usleep(10_000)
            stats = try control.stats()
        }
        usleep(500_000)
        stats = try control.stats()
        control.close()
        subscriber.stop()
        server.stop()

        let sendSeconds = Double(pushEnd - pushStart) / 1e9
        let recorded = server.recorder.snapshot
        let sub = subscriber.snapshot
        print("  pushed for \(sendSeconds.formatted(2)) s: \(Int(Double(fragments) / sendSeconds).grouped) fragments/s achieved; server received \((stats["received"] ?? 0).grouped), \(recorded.batches.grouped) batches (mean \((Double(recorded.messages) / Double(max(1, recorded.batches))).formatted(2)) messages)")
        print("  alerts published \((stats["alerts_published"] ?? 0).grouped), tickets \((stats["tickets_opened"] ?? 0).grouped), PUB messages seen by the SUB \(sub.messages.grouped), rejections \(stats["rejections_total"] ?? 0)")
        var rows: [PipelineBenchmark.Row] = []
        if let p = Percentiles(recorded.samples) {
            print("  receive→publish, every message (in process):   \(p.text)")
            rows.append(.init(measure: "receive→publish p50 (every message)", value: "\(p.p50.formatted(1)) µs", target: "", met: nil))
            rows.append(.init(measure: "receive→publish p99 (every message)", value: "\(p.p99.formatted(1)) µs", target: "< 1,000 µs", met: p.p99 < 1000))
            rows.append(.init(measure: "receive→publish p99.9 (every message)", value: "\(p.p999.formatted(1)) µs", target: "", met: nil))
        }
        if let p = Percentiles(sub.probeLatencies) {
            print("  push→SUB of self-harm alerts (\(sub.probesSeen.count)/\(probes) probes answered): \(p.text)")
            rows.append(.init(measure: "push→SUB alert p50 (probes, incl. SQLite)", value: "\(p.p50.formatted(1)) µs", target: "", met: nil))
            rows.append(.init(measure: "push→SUB alert p99 (probes, incl. SQLite)", value: "\(p.p99.formatted(1)) µs", target: "< 1,000 µs", met: p.p99 < 1000))
        } else {
            print("  no probe alert arrived on the SUB socket")
        }
        return rows
    }

    /// The probe text must raise a self_harm alert, or the probe latency measures nothing.
    private func checkProbeRaisesAlert() throws {
        var engine = Engine()
        var output = EngineOutput()
        let probe = Fragment(session: "check", seq: 1, ts: 1, speaker: .customer, text: Self.probeText, agent: "probe", team: "t-probe", channel: .chat, lang: "en")
        engine.handle(.fragment(probe), into: &output)
        guard output.alerts.contains(where: { $0.kind == .selfHarm && $0.severity == .critical }) else {
            throw BenchFailure(description: "the probe text raised no critical self_harm alert: \(output.alerts.map { $0.kind.rawValue })")
        }
    }
}

extension WireEvent {
    /// The same event at another event time.
    func stamped(_ ts: Double) -> WireEvent {
        switch self {
        case .fragment(var f):
            f.ts = ts
            return .fragment(f)
        case .sessionStart(var s):
            s.ts = ts
            return .sessionStart(s)
        case .sessionEnd(var e):
            e.ts = ts
            return .sessionEnd(e)
        }
    }
}
