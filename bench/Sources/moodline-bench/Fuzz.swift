// `moodline-bench fuzz`: hostile frames (MoodlineServer.FrameFuzzer: valid messages of a
// simulated stream, a quarter as they are, the rest with one of its mutations) through the
// ingest path for a while, far longer than the test suite's bounded fuzz.
//
//   [1] in process: Pipeline (decode, validate, score, engine, rules), no sockets, no store;
//       frames/s, rejections per reason, what each mutation came to, the slowest frame, and
//       a check that every frame was taken or refused once
//   [2] --zmq: then frames made beforehand PUSHed over tcp into a real MoodlineServer.Server
//       (SQLite, PUB), one in a hundred as a multipart message; counted by its own `stats`
import Foundation
import MoodlineEngine
import MoodlineServer
import MoodlineWire
#if canImport(Glibc)
import Glibc
#endif

struct FuzzBenchmark {
    struct Options {
        var seconds = 60.0
        /// Frames the ZeroMQ run pushes, made before it starts.
        var zmqFrames = 200_000
        var seed: UInt64 = 1
        var sessions = 32
        /// The engine's live-session cap in process: low, so fresh sessions keep evicting.
        var liveCap = 1_000
        var zmq = false
        var databaseDirectory = NSTemporaryDirectory()

        mutating func parse(_ args: [String]) throws {
            var cursor = OptionCursor(args)
            while let option = cursor.next() {
                switch option {
                case "--seconds": seconds = Double(try cursor.value(of: option)) ?? seconds
                case "--zmq-frames": zmqFrames = Int(try cursor.value(of: option)) ?? zmqFrames
                case "--seed": seed = UInt64(try cursor.value(of: option)) ?? seed
                case "--sessions": sessions = Int(try cursor.value(of: option)) ?? sessions
                case "--live-cap": liveCap = Int(try cursor.value(of: option)) ?? liveCap
                case "--zmq": zmq = true
                case "--db-dir": databaseDirectory = try cursor.value(of: option)
                default: throw OptionCursor.unknown(option)
                }
            }
            if databaseDirectory.hasSuffix("/") && databaseDirectory.count > 1 { databaseDirectory.removeLast() }
        }
    }

    let options: Options

    static func run(arguments: [String]) -> Int32 {
        var options = Options()
        do { try options.parse(arguments) } catch {
            print("\(error)")
            return 64
        }
        signal(SIGPIPE, SIG_IGN)
        let loadStart = loadAverage()
        print("moodline-bench fuzz: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadStart)\(systemIsBusy(loadStart) ? "  (BUSY: figures depressed)" : "")")
        print("  seed \(options.seed), \(options.sessions) concurrent conversations under the garbage, \(FrameFuzzer.Mutation.allCases.count - 1) mutations")
        let benchmark = FuzzBenchmark(options: options)
        var ok = benchmark.inProcess()
        if options.zmq {
            do {
                ok = try benchmark.overZeroMQ() && ok
            } catch {
                print("FAILED: \(error)")
                ok = false
            }
        }
        print("load average (1/5/15 min): start \(loadStart), end \(loadAverage())")
        return ok ? 0 : 1
    }

    /// Event time a month or two behind the wall clock: inside the server's window however
    /// fast the run pushes the stream's clock, so only the time-shift mutation leaves it.
    private var startTime: Double { Date().timeIntervalSince1970 - 60 * 86_400 }

    // MARK: In process

    /// What became of the frames of one mutation.
    struct Outcome {
        var frames = 0
        var taken = 0
        var refused: [RejectionReason: Int] = [:]
    }

    func inProcess() -> Bool {
        print("\n[1] in process: FrameFuzzer → Pipeline.ingest (no sockets, no store), live cap \(options.liveCap.grouped), ~\(options.seconds.formatted(0)) s")
        var configuration = EngineConfig()
        configuration.sessions.maxLive = options.liveCap
        var pipeline = Pipeline(
            engine: Engine(configuration: configuration, lexicon: .embedded), store: nil, policy: .standard,
            clock: EventClock(wall: { Date().timeIntervalSince1970 }))
        pipeline.eventTimeWindow = EventTimeWindow()
        var fuzzer = FrameFuzzer(seed: options.seed, sessions: options.sessions, startTime: startTime)
        var sink = CountingSink()
        var outcomes: [FrameFuzzer.Mutation: Outcome] = [:]
        var refused: [RejectionReason: Int] = [:]
        var frames = 0, bytes = 0
        var inPipeline: UInt64 = 0
        var slowest: (nanoseconds: UInt64, mutation: FrameFuzzer.Mutation, bytes: Int) = (0, .none, 0)
        var overOneMillisecond = 0
        let start = monotonicNanoseconds()
        let end = start + UInt64(options.seconds * 1e9)
        while frames % 1024 != 0 || monotonicNanoseconds() < end {
            let frame = fuzzer.next()
            let before = monotonicNanoseconds()
            let rejection = frame.bytes.withUnsafeBytes { pipeline.ingest($0) }
            let ingested = monotonicNanoseconds()
            if ingested &- before > slowest.nanoseconds { slowest = (ingested &- before, frame.mutation, frame.bytes.count) }
            if ingested &- before > 1_000_000 { overOneMillisecond += 1 }
            // Flushes and ticks count as pipeline time: the server runs them between batches.
            frames += 1
            if frames % 512 == 0 { try? pipeline.flush(to: &sink) }
            if frames % 65_536 == 0 { try? pipeline.tick(to: &sink) }
            inPipeline &+= monotonicNanoseconds() &- before
            bytes += frame.bytes.count
            outcomes[frame.mutation, default: Outcome()].frames += 1
            if let rejection {
                refused[rejection.reason, default: 0] += 1
                outcomes[frame.mutation, default: Outcome()].refused[rejection.reason, default: 0] += 1
            } else {
                outcomes[frame.mutation, default: Outcome()].taken += 1
            }
        }
        try? pipeline.flush(to: &sink)
        let wall = Double(monotonicNanoseconds() - start) / 1e9
        let pipelineSeconds = Double(inPipeline) / 1e9

        let taken = outcomes.values.reduce(0) { $0 + $1.taken }
        let refusedTotal = refused.values.reduce(0, +)
        print("  \(frames.grouped) frames (mean \(bytes / max(1, frames)) B) in \(wall.formatted(1)) s; \(pipelineSeconds.formatted(1)) s of it inside the pipeline, the rest making frames")
        print("  \(Int(Double(frames) / pipelineSeconds).grouped) frames/s through the pipeline (\((pipelineSeconds * 1e9 / Double(frames)).formatted(0)) ns/frame); \(Int(Double(frames) / wall).grouped) frames/s with their making")
        print("  taken \(taken.grouped) (\(percent(taken, frames))), refused \(refusedTotal.grouped) (\(percent(refusedTotal, frames)))")
        print("  slowest ingest of one frame: \((Double(slowest.nanoseconds) / 1000).formatted(0)) µs (\(slowest.mutation.rawValue), \(slowest.bytes.grouped) B); \(overOneMillisecond) over 1 ms")
        let e = pipeline.engine.counters
        print("  engine: \(e.fragments.grouped) fragments scored, \(e.sessionsStarted.grouped) sessions started, \(e.evictions.grouped) evicted at the cap, \(e.sessionsExpired.grouped) expired, \(pipeline.engine.liveSessionCount.grouped) live; \(sink.alerts.grouped) alerts")
        printReasons(refused, frames: frames, seconds: pipelineSeconds)
        printMutations(outcomes)

        // Every frame taken or refused once, and the pipeline's own counters say the same.
        let counters = pipeline.counters
        var problems: [String] = []
        if counters.received != frames { problems.append("received \(counters.received) of \(frames)") }
        for reason in RejectionReason.allCases {
            let counted = (counters.decodeRejections[reason] ?? 0) + (e.rejections[reason] ?? 0)
            if counted != refused[reason] ?? 0 { problems.append("\(reason.rawValue): counted \(counted), returned \(refused[reason] ?? 0)") }
        }
        if pipeline.engine.liveSessionCount > options.liveCap { problems.append("\(pipeline.engine.liveSessionCount) live sessions over the cap") }
        print("  accounting: \(problems.isEmpty ? "every frame taken or refused once; counters agree" : "FAILED: " + problems.joined(separator: "; "))")
        return problems.isEmpty
    }

    private func printReasons(_ refused: [RejectionReason: Int], frames: Int, seconds: Double) {
        print("\n  rejections per reason")
        print("  \(pad("reason", 20)) | \(pad("frames", 11, right: true)) | \(pad("share", 6, right: true)) | \(pad("per second", 10, right: true))")
        for reason in RejectionReason.allCases {
            let n = refused[reason] ?? 0
            print("  \(pad(reason.rawValue, 20)) | \(pad(n.grouped, 11, right: true)) | \(pad(percent(n, frames), 6, right: true)) | \(pad(Int(Double(n) / seconds).grouped, 10, right: true))")
        }
    }

    private func printMutations(_ outcomes: [FrameFuzzer.Mutation: Outcome]) {
        print("\n  what each mutation came to")
        print("  \(pad("mutation", 19)) | \(pad("frames", 10, right: true)) | \(pad("taken", 6, right: true)) | most often refused as")
        for mutation in FrameFuzzer.Mutation.allCases {
            guard let outcome = outcomes[mutation] else { continue }
            let top = outcome.refused.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.prefix(2)
                .map { "\($0.key.rawValue) \(percent($0.value, outcome.frames))" }.joined(separator: ", ")
            print("  \(pad(mutation.rawValue, 19)) | \(pad(outcome.frames.grouped, 10, right: true)) | \(pad(percent(outcome.taken, outcome.frames), 6, right: true)) | \(top)")
        }
    }

    // MARK: Over ZeroMQ

    /// Frames made beforehand (so the push measures the server, not the fuzzer) and PUSHed as
    /// fast as ZeroMQ takes them into a real server (tcp, SQLite, PUB), one in a hundred as two
    /// frames; then its `stats` must count every message, each multipart one refused as such,
    /// and it must still be running.
    func overZeroMQ() throws -> Bool {
        var fuzzer = FrameFuzzer(seed: options.seed &+ 1, sessions: options.sessions, startTime: startTime)
        var frames = FrameSet()
        for _ in 0..<options.zmqFrames { frames.append(fuzzer.next().bytes) }
        print("\n[2] over ZeroMQ: \(frames.count.grouped) frames made beforehand (\((Double(frames.bytes.count) / 1e6).formatted(0)) MB) → PUSH → tcp → MoodlineServer.Server (SQLite, durability full, PUB)")
        let server = try RunningServer(databaseDirectory: options.databaseDirectory, name: "fuzz", highWaterMark: 200_000, durability: .full)
        defer {
            server.stop()
            server.removeDatabase()
        }
        let context = try ZMQContext()
        let control = try ControlClient(context: context, endpoint: server.control)
        defer { control.close() }
        let socket = try context.socket(.push)
        try socket.set(.sendHighWaterMark(200_000))
        try socket.set(.linger(milliseconds: 0))
        try socket.connect(server.ingest)
        defer { socket.close() }

        var random = SplitMix64(seed: options.seed)
        var multipart = 0
        let start = monotonicNanoseconds()
        for index in 0..<frames.count {
            let sent = try frames.withFrame(index) { frame in
                Result { () throws(ZMQError) -> Bool in
                    guard random.below(100) == 0 else { return try socket.send(frame) }
                    // A gateway that splits a message: refused whole, as one message.
                    multipart += 1
                    let cut = random.below(frame.count + 1)
                    guard try socket.send(UnsafeRawBufferPointer(rebasing: frame[..<cut]), flags: .more) else { return false }
                    return try socket.send(UnsafeRawBufferPointer(rebasing: frame[cut...]))
                }
            }.get()
            guard sent else { throw BenchFailure(description: "push \(index) failed") }
        }
        let queued = monotonicNanoseconds()
        var stats = try control.reply("{\"cmd\":\"stats\"}")
        let deadline = queued + 300 * 1_000_000_000
        while (stats["received"] as? Int ?? 0) < frames.count, monotonicNanoseconds() < deadline {
            usleep(20_000)
            stats = try control.reply("{\"cmd\":\"stats\"}")
        }
        let done = monotonicNanoseconds()
        let received = stats["received"] as? Int ?? 0
        let rejections = (stats["rejections"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
        let refusedTotal = rejections.values.reduce(0, +)
        let seconds = Double(done - start) / 1e9
        print("  pushed in \((Double(queued - start) / 1e9).formatted(1)) s; the server had counted them all \((Double(done - queued) / 1e9).formatted(1)) s later (polled every 20 ms)")
        print("  \(Int(Double(received) / seconds).grouped) messages/s received and decided (first push → last counted), \(multipart.grouped) of them multipart")
        print("  taken \((received - refusedTotal).grouped) (\(percent(received - refusedTotal, received))), refused \(refusedTotal.grouped) (\(percent(refusedTotal, received))); fragments scored \((stats["fragments"] as? Int ?? 0).grouped), alerts published \((stats["alerts_published"] as? Int ?? 0).grouped), tickets opened \((stats["tickets_opened"] as? Int ?? 0).grouped)")
        var refused: [RejectionReason: Int] = [:]
        for reason in RejectionReason.allCases { refused[reason] = rejections[reason.rawValue] ?? 0 }
        printReasons(refused, frames: received, seconds: seconds)

        var problems: [String] = []
        if received != frames.count { problems.append("the server counted \(received) of \(frames.count) messages") }
        if refused[.multipart] != multipart { problems.append("\(refused[.multipart] ?? 0) refused as multipart, \(multipart) sent") }
        if !server.server.status.current.running { problems.append("the server stopped") }
        print("  check: \(problems.isEmpty ? "every message counted, each multipart one refused as such, the server still running" : "FAILED: " + problems.joined(separator: "; "))")
        return problems.isEmpty
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : (100 * Double(part) / Double(whole)).formatted(1) + "%"
    }
}

/// Frames in one buffer, back to back, with where each starts.
struct FrameSet {
    var bytes: [UInt8] = []
    var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    mutating func append(_ frame: [UInt8]) {
        bytes += frame
        starts.append(bytes.count)
    }

    func withFrame<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[starts[i]..<starts[i + 1]])) }
    }
}
