import Foundation
import MoodlineEngine
import MoodlineWire
import Synchronization

/// Pushes a stream of wire events to an ingest endpoint over a PUSH socket, on a thread of
/// its own: ZeroMQ calls block, so they never run inside Swift concurrency tasks.
///
/// Start it with `start()`, stop it early with `stop()` (or let the stream, the count
/// limit or the duration end it), and read `sent` at any time. When it stops early it
/// sends the stream's `finish()` events, so the conversations it started end cleanly
/// instead of idling out on the server.
public final class Simulator: Sendable {
    /// How fast events go out.
    public enum Pacing: Sendable, Equatable {
        /// At most this many fragments a second (session starts and ends ride along); 0 is as fast as possible.
        case rate(Double)
        /// Following the events' own `ts`, `speed` times faster than recorded; `.infinity` is as fast as possible.
        case eventTime(speed: Double)
    }

    public let endpoint: String
    /// The client keys when the ingest socket wants CURVE.
    private let curve: CurveClientKeys?
    public let pacing: Pacing
    /// Fragments to send before stopping; nil for no limit.
    public let limit: Int?
    /// Wall-clock seconds to run before stopping; nil for no limit.
    public let duration: Double?

    private let context: ZMQContext
    private let source: any WireEventSource
    private let started = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)
    private let sentCount = Atomic<Int>(0)
    private let fragmentCount = Atomic<Int>(0)
    private let state = Mutex<State>(State())
    private let done = DispatchSemaphore(value: 0)

    private struct State: Sendable {
        var finished = false
        var failure: ZMQError?
        var lastTs: Double?
    }

    /// A simulator for a generated stream, paced at `rate` fragments a second (0: as fast as possible).
    public convenience init(context: ZMQContext, endpoint: String, stream: SimulatedStream, rate: Double, limit: Int?) {
        self.init(context: context, endpoint: endpoint, source: stream, pacing: .rate(rate), limit: limit)
    }

    /// A simulator for any stream (for example a `RecordedStream`).
    public init(
        context: ZMQContext, endpoint: String, source: some WireEventSource, pacing: Pacing, limit: Int?, duration: Double? = nil,
        curve: CurveClientKeys? = nil
    ) {
        self.context = context
        self.curve = curve
        self.endpoint = endpoint
        self.source = source
        self.pacing = pacing
        self.limit = limit
        self.duration = duration
    }

    /// Messages sent so far (fragments, session starts and ends).
    public var sent: Int { sentCount.load(ordering: .relaxed) }

    /// Fragments sent so far.
    public var fragmentsSent: Int { fragmentCount.load(ordering: .relaxed) }

    /// True once its thread has ended.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Why it stopped early, if a socket call failed (nil after a normal or requested stop).
    public var failure: ZMQError? { state.withLock { $0.failure } }

    /// The `ts` of the last event sent.
    public var lastEventTime: Double? { state.withLock { $0.lastTs } }

    /// Spawns the sending thread. Only the first call does anything.
    public func start() {
        guard started.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        let thread = Thread { [self] in
            run()
        }
        thread.name = "moodline-simulator"
        thread.start()
    }

    /// Asks the thread to stop; it ends its open conversations and finishes within about 0.1 s
    /// (longer only while the server is unreachable). Safe from any thread; idempotent.
    public func stop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// Blocks until the thread has ended (returns at once if it never started).
    public func wait() {
        guard started.load(ordering: .relaxed) else { return }
        done.wait()
        done.signal() // let later waiters through too
    }

    private var shouldStop: Bool { stopRequested.load(ordering: .relaxed) }

    private func run() {
        defer {
            state.withLock { $0.finished = true }
            done.signal()
        }
        do {
            try push()
        } catch {
            // A context shutdown is the owner stopping everything: not a failure.
            if !error.isContextTerminated {
                state.withLock { $0.failure = error }
            }
        }
    }

    private func push() throws(ZMQError) {
        let socket = try context.socket(.push)
        defer { socket.close() }
        // A short send timeout keeps the loop responsive to stop() while the server is down
        // or pushing back; a message that times out is retried, never dropped.
        try socket.set(.sendTimeout(milliseconds: 100))
        if let curve { try socket.useCurve(curve) }
        try socket.connect(endpoint)

        var source = self.source
        var writer = JSONWriter(capacity: 1024)
        let wallStart = Self.wallNow()
        var firstTs: Double?
        var fragments = 0
        var complete = true

        while true {
            if shouldStop { complete = false; break }
            if let limit, fragments >= limit { complete = false; break }
            if let duration, Self.wallNow() - wallStart >= duration { complete = false; break }
            guard let event = source.next() else { break }
            if case .fragment = event {
                // Pace before a fragment is sent; starts and ends are not counted against the rate.
                guard wait(until: dueTime(fragmentIndex: fragments, event: event, firstTs: &firstTs, wallStart: wallStart)) else {
                    complete = false
                    break
                }
                fragments += 1
                fragmentCount.store(fragments, ordering: .relaxed)
            } else if firstTs == nil {
                firstTs = event.ts
            }
            guard try send(event, socket: socket, writer: &writer, ignoringStop: false) else { complete = false; break }
        }
        if !complete {
            for event in source.finish() {
                guard try send(event, socket: socket, writer: &writer, ignoringStop: true) else { break }
            }
        }
    }

    /// When the next fragment may go, in wall-clock seconds since the epoch.
    private func dueTime(fragmentIndex: Int, event: WireEvent, firstTs: inout Double?, wallStart: Double) -> Double {
        switch pacing {
        case .rate(let rate):
            return rate > 0 && rate.isFinite ? wallStart + Double(fragmentIndex) / rate : 0
        case .eventTime(let speed):
            if firstTs == nil { firstTs = event.ts }
            guard speed.isFinite, speed > 0, let firstTs else { return 0 }
            return wallStart + max(0, event.ts - firstTs) / speed
        }
    }

    /// Sleeps until `due` in short steps so a stop is noticed; false if a stop came first.
    private func wait(until due: Double) -> Bool {
        while true {
            if shouldStop { return false }
            let left = due - Self.wallNow()
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(left, 0.1))
        }
    }

    /// Sends one event, retrying while ZeroMQ cannot take it. False if a stop came first
    /// (unless `ignoringStop`, used for the closing events, which get a bounded number of tries).
    @discardableResult
    private func send(_ event: WireEvent, socket: ZMQSocket, writer: inout JSONWriter, ignoringStop: Bool) throws(ZMQError) -> Bool {
        writer.removeAll()
        writer.write(event)
        var tries = 0
        while try !socket.send(writer.bytes) {
            tries += 1
            if ignoringStop ? tries >= 5 : shouldStop { return false }
        }
        sentCount.add(1, ordering: .relaxed)
        state.withLock { $0.lastTs = event.ts }
        return true
    }

    private static func wallNow() -> Double { Date().timeIntervalSince1970 }
}
