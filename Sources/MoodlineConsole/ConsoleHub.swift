import Hummingbird
import MoodlineEngine
import MoodlineServer
import MoodlineStore
import MoodlineWire
import Synchronization

/// The console's live picture: the latest state of every live conversation, and the
/// server-sent event streams of the open console pages, each filtered to its viewer's team.
///
/// The server's writer thread feeds it (``receive(_:)``) after each commit; HTTP handlers
/// read it. A slow browser never holds the writer up: each stream buffers a bounded number of
/// bytes, and all the streams of one token together another, and the oldest events beyond
/// either are dropped, counted (``droppedEvents``), and announced to the page by a `missed`
/// event, on which it re-reads the state.
public final class ConsoleHub: LiveFeed {
    /// Points of history kept per conversation for the sparklines (snapshots come about once a second).
    public static let historyPoints = 60
    /// Alerts kept per live conversation, with their guidance, for the agent page.
    public static let alertsPerSession = 32

    private typealias Reader = CheckedContinuation<ByteBuffer?, Never>

    private struct Subscriber {
        var access: ConsoleAccess
        /// The page's read, waiting while nothing is queued: the next event goes straight to it.
        var reader: Reader?
    }

    private struct State {
        var sessions: [String: SessionSnapshot] = [:]
        /// The alerts of each live conversation, oldest first (the store keeps no guidance).
        var alerts: [String: [Alert]] = [:]
        /// The open pages; the hub's closing lets them go, while what they had queued stays in
        /// `buffers` for them to read to the end.
        var subscribers: [Int: Subscriber] = [:]
        var buffers: StreamBuffers
        var nextSubscriber = 0
        var closed = false
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - streamBufferBytes: bytes of events one page may hold unsent (`console.stream_buffer_bytes`).
    ///   - tokenBufferBytes: bytes all the pages of one token may hold together (`console.token_buffer_bytes`).
    public init(
        streamBufferBytes: Int = ConsoleConfiguration().streamBufferBytes,
        tokenBufferBytes: Int = ConsoleConfiguration().tokenBufferBytes
    ) {
        state = Mutex(State(buffers: StreamBuffers(streamLimit: streamBufferBytes, tokenLimit: tokenBufferBytes)))
    }

    // MARK: Fed by the server

    public func receive(_ event: LiveEvent) {
        let team: String?, agent: String?
        // Info alerts are for the agent's desktop only (DESIGN.md): the agent page, not supervisors.
        var agentsOnly = false
        switch event {
        case .alert(let alert):
            (team, agent) = (alert.team, alert.agent)
            agentsOnly = alert.severity < .warning
        case .ticket(let ticket, _, _):
            (team, agent) = (ticket.team, ticket.agent)
        case .snapshot(let snapshot):
            (team, agent) = (snapshot.team, snapshot.agent)
        case .sessionEnded(let summary):
            (team, agent) = (summary.team, summary.agent)
        }
        let listeners = state.withLock { state -> [Int] in
            switch event {
            case .snapshot(let snapshot):
                // Published snapshots carry current levels only; the hub keeps the history.
                state.sessions[snapshot.session] = snapshot.extendingHistory(of: state.sessions[snapshot.session], keeping: Self.historyPoints)
            case .sessionEnded(let summary):
                state.sessions[summary.session] = nil
                state.alerts[summary.session] = nil
            case .alert(let alert):
                var kept = state.alerts[alert.session, default: []]
                if kept.count >= Self.alertsPerSession { kept.removeFirst() }
                kept.append(alert)
                state.alerts[alert.session] = kept
            case .ticket: break
            }
            return state.subscribers.compactMap { id, subscriber in
                guard !agentsOnly || subscriber.access.isAgent, subscriber.access.sees(team: team, agent: agent) else { return nil }
                return id
            }
        }
        // Encoded once for every listener, only when someone listens, and outside the lock.
        guard !listeners.isEmpty else { return }
        deliver(Self.frame(for: event), to: listeners)
    }

    /// Hands `frame` to the pages waiting for it and queues it for the others.
    private func deliver(_ frame: ByteBuffer, to ids: [Int]) {
        let waiting = state.withLock { state -> [Reader] in
            var waiting: [Reader] = []
            for id in ids where state.subscribers[id] != nil {
                if let reader = state.subscribers[id]?.reader {
                    state.subscribers[id]?.reader = nil
                    waiting.append(reader)
                } else {
                    state.buffers.push(frame, to: id)
                }
            }
            return waiting
        }
        for reader in waiting { reader.resume(returning: frame) }
    }

    /// The server-sent event that carries `event` to a page.
    static func frame(for event: LiveEvent) -> ByteBuffer {
        var writer = JSONWriter(capacity: 1024)
        switch event {
        case .alert(let alert):
            writer.writeAlertMessage(alert)
            return ServerSentEvent.frame("alert", json: writer.bytes)
        case .ticket(let ticket, let action, let at):
            writer.writeTicketMessage(ticket, action: action, at: at)
            return ServerSentEvent.frame("ticket", json: writer.bytes)
        case .snapshot(let snapshot):
            writer.writeSnapshotMessage(snapshot, history: false)
            return ServerSentEvent.frame("snapshot", json: writer.bytes)
        case .sessionEnded(let summary):
            writer.writeSummaryMessage(summary)
            return ServerSentEvent.frame("session_end", json: writer.bytes)
        }
    }

    // MARK: Read by the console

    /// The live conversations `access` may see, riskiest first, with their recent history.
    public func sessions(for access: ConsoleAccess) -> [SessionSnapshot] {
        let visible = state.withLock { state in state.sessions.values.filter { access.sees(team: $0.team, agent: $0.agent) } }
        return visible.sorted { ($0.risk, $1.session) > ($1.risk, $0.session) }
    }

    /// One live conversation, if `access` may see it.
    public func session(_ id: String, for access: ConsoleAccess) -> SessionSnapshot? {
        guard let snapshot = state.withLock({ $0.sessions[id] }), access.sees(team: snapshot.team, agent: snapshot.agent) else { return nil }
        return snapshot
    }

    /// The alerts of the live conversations `access` may see, newest first, with guidance.
    public func liveAlerts(for access: ConsoleAccess, limit: Int) -> [Alert] {
        let visible = state.withLock { state in
            state.alerts.values.joined().filter { access.sees(team: $0.team, agent: $0.agent) }
        }
        return Array(visible.sorted { ($0.ts, $0.seq) > ($1.ts, $1.seq) }.prefix(limit))
    }

    /// Open event streams.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Events dropped from the streams of pages that read too slowly, since the start.
    public var droppedEvents: Int { state.withLock { $0.buffers.dropped } }

    /// Bytes of events queued for the open pages now.
    public var bufferedBytes: Int { state.withLock { $0.buffers.bytes } }

    /// Bytes of events queued for the pages of one token now.
    func bufferedBytes(of token: TokenID) -> Int {
        state.withLock { $0.buffers.bytes(of: token) }
    }

    /// A new event stream for one page, opened with `token` (whose pages share one buffer
    /// bound). It ends when the page goes away or the hub closes.
    public func subscribe(_ access: ConsoleAccess, token: TokenID) -> ConsoleEventStream {
        let id = state.withLock { state -> Int in
            state.nextSubscriber += 1
            let id = state.nextSubscriber
            state.buffers.open(id, token: token)
            // After closing, the stream still opens, empty, and ends at once.
            if !state.closed { state.subscribers[id] = Subscriber(access: access) }
            return id
        }
        return ConsoleEventStream(subscription: ConsoleEventStream.Subscription(hub: self, id: id))
    }

    /// The next frame for page `id`, waiting for one while none is queued; nil at the end.
    /// Cancelling the reading task unsubscribes the page, which ends its stream.
    func next(for id: Int) async -> ByteBuffer? {
        if let ready = state.withLock({ Self.take(for: id, from: &$0) }) { return ready }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (reader: Reader) in
                // Under the lock the cancellation takes too: it either finds this reader waiting
                // and ends it, or came first and left the page unsubscribed, which ends here.
                let ready = state.withLock { state -> ByteBuffer?? in
                    if let ready = Self.take(for: id, from: &state) { return ready }
                    state.subscribers[id]?.reader = reader
                    return nil
                }
                if let ready { reader.resume(returning: ready) }
            }
        } onCancel: {
            unsubscribe(id)
        }
    }

    /// What page `id` reads now: a queued frame; `.some(nil)`, the end, once the page is no
    /// longer subscribed and has read all it had; or nil, nothing yet.
    private static func take(for id: Int, from state: inout State) -> ByteBuffer?? {
        if let frame = state.buffers.take(id) { return frame }
        return state.subscribers[id] == nil ? .some(nil) : nil
    }

    /// Forgets page `id` and what it had queued: its stream is gone, or its reader cancelled.
    func unsubscribe(_ id: Int) {
        let reader = state.withLock { state -> Reader? in
            state.buffers.close(id)
            return state.subscribers.removeValue(forKey: id)?.reader
        }
        reader?.resume(returning: nil)
    }

    /// Sends every open page the event clock; also keeps idle connections from timing out.
    public func broadcastClock(now: Double) {
        let listeners = state.withLock { Array($0.subscribers.keys) }
        guard !listeners.isEmpty else { return }
        deliver(ServerSentEvent.clock(now: now), to: listeners)
    }

    /// Ends every stream once its page has read what was queued, so the HTTP server can shut
    /// down; later subscriptions end at once.
    public func close() {
        let waiting = state.withLock { state -> [Reader] in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return state.subscribers.values.compactMap(\.reader)
        }
        // A waiting page has read everything: it ends now.
        for reader in waiting { reader.resume(returning: nil) }
    }
}
