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
/// read it. A slow browser never holds the writer up: each stream buffers a bounded number
/// of events and drops the oldest beyond that (the page re-reads the state when it reconnects).
public final class ConsoleHub: LiveFeed {
    /// Events buffered per open page before the oldest are dropped.
    public static let streamBuffer = 4096
    /// Points of history kept per conversation for the sparklines (snapshots come about once a second).
    public static let historyPoints = 60
    /// Alerts kept per live conversation, with their guidance, for the agent page.
    public static let alertsPerSession = 32

    private struct Subscriber {
        var access: ConsoleAccess
        var continuation: AsyncStream<ByteBuffer>.Continuation
    }

    private struct State {
        var sessions: [String: SessionSnapshot] = [:]
        /// The alerts of each live conversation, oldest first (the store keeps no guidance).
        var alerts: [String: [Alert]] = [:]
        var subscribers: [Int: Subscriber] = [:]
        var nextSubscriber = 0
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

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
        let listeners = state.withLock { state -> [AsyncStream<ByteBuffer>.Continuation] in
            switch event {
            case .snapshot(let snapshot): state.sessions[snapshot.session] = Self.extending(state.sessions[snapshot.session], with: snapshot)
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
            return state.subscribers.values.compactMap { subscriber in
                guard !agentsOnly || subscriber.access.isAgent, subscriber.access.sees(team: team, agent: agent) else { return nil }
                return subscriber.continuation
            }
        }
        // Encoded once for every listener, and only when someone listens.
        guard !listeners.isEmpty else { return }
        let frame = Self.frame(for: event)
        for listener in listeners { listener.yield(frame) }
    }

    /// The server's per-fragment snapshots carry current levels only; the hub keeps the history.
    private static func extending(_ previous: SessionSnapshot?, with snapshot: SessionSnapshot) -> SessionSnapshot {
        var next = snapshot
        var history = previous?.history ?? []
        if history.count >= historyPoints { history.removeFirst(history.count - historyPoints + 1) }
        history.append(SessionSnapshot.Point(
            ts: snapshot.lastTs, customerValence: snapshot.customerValence, customerArousal: snapshot.customerArousal,
            agentValence: snapshot.agentValence, agentArousal: snapshot.agentArousal
        ))
        next.history = history
        return next
    }

    private static func frame(for event: LiveEvent) -> ByteBuffer {
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

    /// A new event stream for one page. It ends when the page goes away or the hub closes.
    public func subscribe(_ access: ConsoleAccess) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(Self.streamBuffer))
        continuation.yield(ServerSentEvent.opening)
        let id = state.withLock { state -> Int? in
            guard !state.closed else { return nil }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = Subscriber(access: access, continuation: continuation)
            return state.nextSubscriber
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends every open page the event clock; also keeps idle connections from timing out.
    public func broadcastClock(now: Double) {
        let listeners = state.withLock { $0.subscribers.values.map(\.continuation) }
        guard !listeners.isEmpty else { return }
        let frame = ServerSentEvent.clock(now: now)
        for listener in listeners { listener.yield(frame) }
    }

    /// Ends every stream, so the HTTP server can shut down; later subscriptions end at once.
    public func close() {
        let listeners = state.withLock { state -> [AsyncStream<ByteBuffer>.Continuation] in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return state.subscribers.values.map(\.continuation)
        }
        for listener in listeners { listener.finish() }
    }
}
