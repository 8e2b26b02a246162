import Foundation
import MoodlineServer
import MoodlineWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Section 1: the same messages, pushed from a separate process, into (a) a PULL socket that
/// only counts them, (b) the real server. Rates are taken on the receiving side: first
/// message received to the last one counted (a) or flushed and published (b).
struct Throughput {
    let options: PipelineBenchmark.Options
    let messages: MessageSet

    func run() throws -> [PipelineBenchmark.Row] {
        let file = options.databaseDirectory + "/moodline-bench-\(getpid())-messages.jsonl"
        guard messages.write(to: file) else { throw BenchFailure(description: "cannot write \(file)") }
        defer { unlink(file) }
        let n = messages.count
        let fragmentShare = Double(messages.fragments) / Double(n)

        print("\n[1] throughput, tcp loopback, pushing process → ...   (\(n.grouped) messages, \(messages.meanBytes.formatted(0)) B mean)")
        print("  (a) raw libzmq: PUSH → PULL that counts")
        let raw = try rawBaseline(file: file, count: n)
        print("      \(Int(raw).grouped) messages/s = \(Int(raw * fragmentShare).grouped) fragments/s")
        print("  (b) Moodline: PUSH → Server (decode, score, engine, SQLite tickets, PUB) + 1 SUB")
        let moodline = try serverRun(file: file, count: n)
        let ratio = moodline.rate / raw
        print("      \(Int(moodline.rate).grouped) messages/s = \(Int(moodline.rate * fragmentShare).grouped) fragments/s  (\((ratio * 100).formatted(1))% of raw)")
        print("      published \(moodline.published.grouped) PUB messages (\(moodline.alerts.grouped) alerts, \(moodline.tickets.grouped) tickets, \(moodline.escalations.grouped) escalations and re-publications), rejections \(moodline.rejections)")
        if let p = moodline.latency {
            print("      receive→publish under saturation: \(p.text)")
        }
        print("  (c) Moodline with CURVE on all three sockets (the same messages, encrypted and authenticated)")
        let secured = try serverRun(file: file, count: n, curve: try BenchCurve())
        let curveRatio = secured.rate / moodline.rate
        print("      \(Int(secured.rate).grouped) messages/s = \(Int(secured.rate * fragmentShare).grouped) fragments/s  (\((curveRatio * 100).formatted(1))% of plain, same run)")
        if let p = secured.latency {
            print("      receive→publish under saturation: \(p.text)")
        }
        return [
            .init(measure: "raw libzmq PUSH→PULL (fragments/s)", value: Int(raw * fragmentShare).grouped, target: "(baseline)", met: nil),
            .init(measure: "Moodline end to end (fragments/s)", value: Int(moodline.rate * fragmentShare).grouped, target: "≥ 500,000", met: moodline.rate * fragmentShare >= 500_000),
            .init(measure: "Moodline / raw libzmq", value: "\((ratio * 100).formatted(1))%", target: "≥ 50%", met: ratio >= 0.5),
            .init(measure: "Moodline with CURVE (fragments/s)", value: Int(secured.rate * fragmentShare).grouped, target: "(secured)", met: nil),
            .init(measure: "CURVE / plain", value: "\((curveRatio * 100).formatted(1))%", target: "(cost of encryption)", met: nil),
        ]
    }

    /// Messages/s into a PULL socket that only counts.
    private func rawBaseline(file: String, count: Int) throws -> Double {
        let context = try ZMQContext()
        let endpoint = Locked("")
        let times = Locked<(UInt64, UInt64, Int)>((0, 0, 0))
        let bound = DispatchSemaphore(value: 0)
        let hwm = options.highWaterMark
        let worker = Worker("bench-pull") {
            do {
                let socket = try context.socket(.pull)
                defer { socket.close() }
                try socket.set(.receiveHighWaterMark(hwm))
                try socket.set(.receiveTimeout(milliseconds: 30_000))
                try socket.bind("tcp://127.0.0.1:*")
                let last = try socket.lastEndpoint
                endpoint.withLock { $0 = last }
                bound.signal()
                var first: UInt64 = 0
                var received = 0
                var bytes = 0
                while received < count {
                    guard let size = try socket.receive({ $0.count }) else { break } // 30 s silence: give up
                    if received == 0 { first = monotonicNanoseconds() }
                    received += 1
                    bytes &+= size
                }
                let end = monotonicNanoseconds()
                times.withLock { $0 = (first, end, received) }
                blackHole(bytes)
            } catch {
                print("      pull: \(error)")
                bound.signal()
            }
        }
        bound.wait()
        let target = endpoint.withLock { $0 }
        let child = try PushCommand.spawn(file: file, endpoint: target, hwm: hwm)
        worker.join()
        child.waitUntilExit()
        let (first, end, received) = times.withLock { $0 }
        guard received == count, end > first else { throw BenchFailure(description: "raw PULL received \(received) of \(count)") }
        return Double(count) / (Double(end - first) / 1e9)
    }

    struct ServerResult {
        var rate: Double
        var published: Int
        var alerts: Int
        var tickets: Int
        var escalations: Int
        var rejections: Int
        var latency: Percentiles?
    }

    /// Messages/s through the real server: first receive to the flush of the last message.
    private func serverRun(file: String, count: Int, curve: BenchCurve? = nil) throws -> ServerResult {
        let server = try RunningServer(
            databaseDirectory: options.databaseDirectory, name: curve == nil ? "throughput" : "throughput-curve",
            highWaterMark: options.highWaterMark, durability: options.durability, curve: curve)
        defer { server.removeDatabase() }
        let context = try ZMQContext()
        let subscriber = try Subscriber(context: context, endpoint: server.publish, probes: nil, curve: curve)
        let control = try ControlClient(context: context, endpoint: server.control, curve: curve)
        usleep(300_000) // let the subscription reach the PUB socket
        let child = try PushCommand.spawn(file: file, endpoint: server.ingest, hwm: options.highWaterMark, curve: curve)
        var stats = try control.stats()
        var lastReceived = -1
        var lastProgress = monotonicNanoseconds()
        while (stats["received"] ?? 0) < count {
            usleep(5_000)
            stats = try control.stats()
            let received = stats["received"] ?? 0
            let now = monotonicNanoseconds()
            if received != lastReceived {
                lastReceived = received
                lastProgress = now
            } else if now - lastProgress > 30_000_000_000 {
                throw BenchFailure(description: "the server stopped at \(received) of \(count) messages")
            }
        }
        child.waitUntilExit()
        usleep(500_000) // let the subscriber drain
        stats = try control.stats()
        let recorded = server.recorder.snapshot
        control.close()
        subscriber.stop()
        server.stop()
        let seconds = Double(recorded.lastFlush - recorded.firstReceive) / 1e9
        let rejections = stats["rejections_total"] ?? 0
        print("      server: \(recorded.batches.grouped) batches (mean \((Double(recorded.messages) / Double(max(1, recorded.batches))).formatted(1)) messages), \(seconds.formatted(3)) s from first receive to last publish; live sessions at end \((stats["live_sessions"] ?? 0).grouped)")
        return ServerResult(
            rate: Double(recorded.messages) / seconds, published: subscriber.snapshot.messages,
            alerts: stats["alerts_published"] ?? 0, tickets: stats["tickets_opened"] ?? 0,
            escalations: stats["tickets_escalated"] ?? 0,
            rejections: rejections, latency: Percentiles(recorded.samples))
    }
}
