import MoodlineEngine
import MoodlineStore
import MoodlineWire

/// Publishes the pipeline's results on the PUB socket, two frames each: topic, then JSON.
///
/// - `agent/<id>`: every alert for that agent's conversations;
/// - `team/<id>`: warning and critical alerts, ticket changes, session ends;
/// - `ticket/<severity>`: tickets created and changed;
/// - `session/<id>`: state snapshots, at most about once a second of event time: current levels,
///   open alerts and risk, without history (consoles accumulate sparklines from successive
///   snapshots; the control socket's `session` reply has the history).
public struct PublishingSink: PipelineSink {
    let socket: ZMQSocket
    var writer = JSONWriter(capacity: 4096)
    public private(set) var sendFailures = 0

    public init(socket: ZMQSocket) {
        self.socket = socket
    }

    /// Sends a message encoded elsewhere (see ``EncodedMessages``).
    mutating func send(topic: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) {
        do {
            _ = try socket.send(topic: topic, body: body, flags: .dontWait)
        } catch {
            sendFailures += 1
        }
    }

    private mutating func send(_ topic: String, _ body: [UInt8]) {
        do {
            // PUB never blocks: past the high-water mark ZeroMQ drops for slow subscribers.
            _ = try socket.send(topic: Topic(topic), body: body, flags: .dontWait)
        } catch {
            sendFailures += 1
        }
    }

    public mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) {
        writer.removeAll()
        writer.writeAlertMessage(alert)
        let body = writer.bytes
        if let agent = alert.agent { send("agent/" + agent, body) }
        if alert.severity >= .warning, let team = alert.team { send("team/" + team, body) }
        if let ticket { ticketChanged(ticket, action: .created, at: alert.ts) }
    }

    public mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double) {
        writer.removeAll()
        writer.writeTicketMessage(ticket, action: action, at: at)
        let body = writer.bytes
        send("ticket/" + ticket.severity.rawValue, body)
        if let team = ticket.team { send("team/" + team, body) }
    }

    public mutating func snapshot(_ snapshot: SessionSnapshot) {
        writer.removeAll()
        writer.writeSnapshotMessage(snapshot, history: false)
        send("session/" + snapshot.session, writer.bytes)
    }

    public mutating func sessionEnded(_ summary: SessionSummary) {
        writer.removeAll()
        writer.writeSummaryMessage(summary)
        let body = writer.bytes
        send("session/" + summary.session, body)
        if let team = summary.team { send("team/" + team, body) }
    }
}
