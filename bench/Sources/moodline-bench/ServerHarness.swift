import Foundation
import Logging
import MoodlineServer
import MoodlineWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A value behind a lock, in a class so closures can share it.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}

/// What `Server.Instrumentation` reports, gathered under a lock (written on the server's thread).
final class BatchRecorder: Sendable {
    struct State {
        var firstReceive: UInt64 = 0
        var lastFlush: UInt64 = 0
        var messages = 0
        var batches = 0
        var samples: [UInt64] = []
    }

    let state = Locked(State())

    func record(_ receivedAt: UnsafeBufferPointer<UInt64>, _ flushedAt: UInt64) {
        state.withLock { s in
            if s.messages == 0, let first = receivedAt.first { s.firstReceive = first }
            s.messages += receivedAt.count
            s.batches += 1
            s.lastFlush = flushedAt
            for t in receivedAt { s.samples.append(flushedAt &- t) }
        }
    }

    var snapshot: State { state.withLock { $0 } }
}

/// A `MoodlineServer.Server` on a thread of its own, with its own ZeroMQ context, bound to
/// free tcp ports on 127.0.0.1 and a fresh database file. `stop()` shuts the context down,
/// which ends the server's loop (it flushes and closes the store).
final class RunningServer: Sendable {
    let server: Server
    let context: ZMQContext
    let database: String
    let recorder = BatchRecorder()
    private let worker: Worker
    private let failure = Locked<String?>(nil)

    init(
        databaseDirectory: String, name: String, highWaterMark: Int32, durability: ServerConfiguration.Durability, curve: BenchCurve? = nil
    ) throws {
        var configuration = ServerConfiguration()
        if let curve { configuration.curve = curve.serverConfiguration }
        configuration.durability = durability
        configuration.ingest = "tcp://127.0.0.1:*"
        configuration.publish = "tcp://127.0.0.1:*"
        configuration.control = "tcp://127.0.0.1:*"
        configuration.highWaterMark = highWaterMark
        database = databaseDirectory + "/moodline-bench-\(getpid())-\(name).db"
        for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
        configuration.database = database
        var logger = Logger(label: "moodline-bench.server")
        logger.logLevel = .warning
        context = try ZMQContext()
        server = try Server(configuration: configuration, context: context, logger: logger)
        let recorder = self.recorder
        server.instrumentation = Server.Instrumentation { received, flushed in recorder.record(received, flushed) }
        let ready = DispatchSemaphore(value: 0)
        let server = self.server
        let failure = self.failure
        worker = Worker("moodline-server") {
            do {
                try server.run { _ in ready.signal() }
            } catch {
                let terminated = (error as? ZMQError)?.isContextTerminated ?? false
                if !terminated {
                    failure.withLock { $0 = "\(error)" }
                    ready.signal()
                }
            }
        }
        ready.wait()
        if let message = failure.withLock({ $0 }) {
            throw BenchFailure(description: "the server did not start: \(message)")
        }
    }

    var ingest: String { server.boundIngest }
    var publish: String { server.boundPublish }
    var control: String { server.boundControl }

    func stop() {
        context.shutdown()
        worker.join()
    }

    func removeDatabase() {
        for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
    }
}

/// CURVE for a benchmark run: a server key and one client key admitted on every socket.
struct BenchCurve: Sendable {
    let server: CurveKeyPair
    let client: CurveKeyPair

    init() throws {
        server = try CurveKeyPair.generate()
        client = try CurveKeyPair.generate()
    }

    var serverConfiguration: CurveConfiguration {
        CurveConfiguration(serverSecretKey: server.secretKey, clients: [.init(name: "bench", publicKey: client.publicKey)])
    }

    var clientKeys: CurveClientKeys { CurveClientKeys(keys: client, serverPublicKey: server.publicKey) }

    /// What `moodline-bench push` needs to connect with these keys.
    var pushArguments: [String] { ["--server-key", server.publicKey, "--secret-key", client.secretKey] }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
}

/// Times at which probe fragments were sent (monotonic ns), by probe number.
final class ProbeClock: Sendable {
    private let times: Locked<[UInt64]>

    init(count: Int) { times = Locked([UInt64](repeating: 0, count: count)) }

    func sent(_ probe: Int, at time: UInt64) { times.withLock { $0[probe] = time } }
    func sentAt(_ probe: Int) -> UInt64 { times.withLock { $0[probe] } }
}

/// One SUB socket subscribed to everything the server publishes: counts messages, and
/// timestamps the alerts of probe sessions (topic `agent/probe`) as they arrive.
final class Subscriber: Sendable {
    struct State {
        var messages = 0
        var probeAlerts = 0
        var probeLatencies: [UInt64] = []
        var probesSeen: Set<Int> = []
    }

    let state = Locked(State())
    private let stopFlag = Locked(false)
    private let worker: Worker

    init(context: ZMQContext, endpoint: String, probes: ProbeClock?, curve: BenchCurve? = nil) throws {
        let ready = DispatchSemaphore(value: 0)
        let state = self.state
        let stopFlag = self.stopFlag
        let setupError = Locked<String?>(nil)
        worker = Worker("bench-sub") {
            do {
                let socket = try context.socket(.sub)
                defer { socket.close() }
                try socket.set(.receiveHighWaterMark(0)) // unlimited: count everything published
                try socket.set(.receiveTimeout(milliseconds: 50))
                try socket.subscribe("")
                if let curve { try socket.useCurve(curve.clientKeys) }
                try socket.connect(endpoint)
                ready.signal()
                try Self.loop(socket, state: state, stop: stopFlag, probes: probes)
            } catch {
                setupError.withLock { $0 = "\(error)" }
                ready.signal()
            }
        }
        ready.wait()
        if let message = setupError.withLock({ $0 }) { throw BenchFailure(description: "subscriber: \(message)") }
    }

    private static let probeTopic = Array("agent/probe".utf8)
    private static let sessionKey = Array("\"session\":\"probe-".utf8)

    private static func loop(_ socket: ZMQSocket, state: Locked<State>, stop: Locked<Bool>, probes: ProbeClock?) throws(ZMQError) {
        while !stop.withLock({ $0 }) {
            guard let isProbe = try socket.receive({ topic in topic.elementsEqual(probeTopic) }) else { continue }
            var probe = -1
            while socket.hasMoreFrames {
                let body: Int? = try socket.receive { bytes in isProbe ? probeNumber(bytes) : -1 }
                if let body, body >= 0 { probe = body }
            }
            let now = monotonicNanoseconds()
            state.withLock { s in
                s.messages += 1
                if isProbe { s.probeAlerts += 1 }
                if probe >= 0, let probes, !s.probesSeen.contains(probe) {
                    s.probesSeen.insert(probe)
                    s.probeLatencies.append(now &- probes.sentAt(probe))
                }
            }
        }
    }

    /// The n of `"session":"probe-<n>"` in an alert message, or -1.
    private static func probeNumber(_ bytes: UnsafeRawBufferPointer) -> Int {
        let key = sessionKey
        guard bytes.count > key.count else { return -1 }
        var i = 0
        while i + key.count < bytes.count {
            var match = true
            for k in 0..<key.count where bytes[i + k] != key[k] {
                match = false
                break
            }
            if match {
                var n = 0, j = i + key.count
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 {
                    n = n * 10 + Int(bytes[j] - 48)
                    j += 1
                }
                return n
            }
            i += 1
        }
        return -1
    }

    var snapshot: State { state.withLock { $0 } }

    func stop() {
        stopFlag.withLock { $0 = true }
        worker.join()
    }
}

/// A REQ client for the control socket.
final class ControlClient {
    private let socket: ZMQSocket

    init(context: ZMQContext, endpoint: String, curve: BenchCurve? = nil) throws {
        socket = try context.socket(.req)
        try socket.set(.receiveTimeout(milliseconds: 10_000))
        try socket.set(.linger(milliseconds: 0))
        if let curve { try socket.useCurve(curve.clientKeys) }
        try socket.connect(endpoint)
    }

    /// `{"cmd":"stats"}`: the integer members of the reply (received, fragments, alerts_published, …).
    func stats() throws -> [String: Int] {
        let object = try reply("{\"cmd\":\"stats\"}")
        var out: [String: Int] = [:]
        for (key, value) in object {
            if let n = value as? Int { out[key] = n }
            if let members = value as? [String: Any] {
                var total = 0
                for (_, v) in members { total += (v as? Int) ?? 0 }
                out[key + "_total"] = total
            }
        }
        return out
    }

    /// The reply to one request, as JSON.
    func reply(_ request: String) throws -> [String: Any] {
        _ = try socket.send(request)
        guard let reply = try socket.receiveBytes() else { throw BenchFailure(description: "no reply to \(request) within 10 s") }
        guard let object = try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any] else {
            throw BenchFailure(description: "the reply to \(request) is not a JSON object")
        }
        return object
    }

    func close() { socket.close() }
}
