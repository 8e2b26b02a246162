import Foundation
import MoodlineEngine
import MoodlineStore
import MoodlineWire

/// Answers JSON commands on the control socket. Runs on the pipeline's thread, so it reads
/// the engine's live state without locks.
///
/// Requests: `{"cmd":"tickets","status"?,"team"?,"severity"?,"limit"?}`, `{"cmd":"ticket","key"}`,
/// `{"cmd":"ack","key","by"}`, `{"cmd":"resolve","key","by","note"?}`, `{"cmd":"session","session"}`,
/// `{"cmd":"sessions","team"?}`, `{"cmd":"stats"}`, `{"cmd":"feedback","ticket"|"alert","verdict","by","note"?}`
/// (verdict `false_alarm` or `helpful`; an alert by its key, session/kind/episode). Replies carry `"ok":true` and the data, or
/// `"ok":false` with `"code"` and `"error"`.
struct ControlHandler {
    var writer = JSONWriter(capacity: 8192)

    struct Failure: Error {
        var code: String
        var message: String
    }

    /// Builds the reply to one request; ticket changes are also handed to `sink`.
    ///
    /// - Parameters:
    ///   - store: The tickets (the server's pipeline has none: its ``StoreWriter`` records them).
    ///   - counters: What `stats` reports (the pipeline's, with the writer's published figures).
    mutating func reply<Sink: PipelineSink>(
        to request: [UInt8], pipeline: Pipeline, store: TicketStore?, counters: PipelineCounters, sink: inout Sink
    ) -> [UInt8] {
        writer.removeAll()
        do {
            guard let object = try? JSONSerialization.jsonObject(with: Data(request)) as? [String: Any] else {
                throw Failure(code: "bad_json", message: "send one JSON object such as {\"cmd\":\"tickets\"}")
            }
            guard let cmd = object["cmd"] as? String else {
                throw Failure(code: "missing_field", message: "the request needs \"cmd\": tickets, ticket, ack, resolve, feedback, session, sessions or stats")
            }
            writer.beginObject()
            writer.key("ok"); writer.bool(true)
            try answer(cmd, object, pipeline: pipeline, store: store, counters: counters, sink: &sink)
            writer.endObject()
        } catch let failure as Failure {
            writeFailure(failure.code, failure.message)
        } catch let error as StoreError {
            writeFailure(error.code.rawValue, error.message)
        } catch {
            writeFailure("internal", "\(error)")
        }
        return writer.bytes
    }

    private mutating func writeFailure(_ code: String, _ message: String) {
        writer.removeAll()
        writer.beginObject()
        writer.key("ok"); writer.bool(false)
        writer.key("code"); writer.string(code)
        writer.key("error"); writer.string(message)
        writer.endObject()
    }

    private func field(_ object: [String: Any], _ name: String) throws -> String {
        guard let value = object[name] as? String, !value.isEmpty else {
            throw Failure(code: "missing_field", message: "the request needs \"\(name)\" as a non-empty string")
        }
        return value
    }

    private func parse<T>(_ object: [String: Any], _ name: String, _ allowed: String, _ make: (String) -> T?) throws -> T? {
        guard let raw = object[name] else { return nil }
        guard let text = raw as? String, let value = make(text) else {
            throw Failure(code: "wrong_type", message: "\(name) is one of \(allowed)")
        }
        return value
    }

    private mutating func answer<Sink: PipelineSink>(
        _ cmd: String, _ object: [String: Any], pipeline: Pipeline, store: TicketStore?, counters: PipelineCounters, sink: inout Sink
    ) throws {
        switch cmd {
        case "tickets":
            guard let store else { throw Failure(code: "no_store", message: "this pipeline keeps no tickets") }
            let status: TicketStatus? = try parse(object, "status", "open, acknowledged or resolved", TicketStatus.init(rawValue:))
            let severity: Severity? = try parse(object, "severity", "info, warning or critical", Severity.init(rawValue:))
            let limit: Int = (object["limit"] as? Int) ?? 100
            let tickets = try store.tickets(status: status, team: object["team"] as? String, severity: severity, limit: max(1, limit))
            writer.key("tickets")
            writer.beginArray()
            for t in tickets { writer.write(t) }
            writer.endArray()
        case "ticket":
            guard let store else { throw Failure(code: "no_store", message: "this pipeline keeps no tickets") }
            let key = try field(object, "key")
            guard let ticket = try store.ticket(key: key) else { throw Failure(code: "not_found", message: "no ticket \(key); list them with {\"cmd\":\"tickets\"}") }
            writer.key("ticket"); writer.write(ticket)
            writer.key("history")
            writer.beginArray()
            for e in try store.history(key: key) { writer.write(e) }
            writer.endArray()
            // The detail a person acting on it needs: every alert of the incident with its
            // evidence, what was said around them, and whether the call is still going.
            let alerts = try store.incidentAlerts(key: key)
            writer.key("alerts")
            writer.beginArray()
            for alert in alerts { writer.write(alert) }
            writer.endArray()
            writer.key("transcript")
            writer.beginArray()
            for turn in TicketStore.transcript(of: alerts) { writer.write(turn) }
            writer.endArray()
            writer.key("live"); writer.bool(pipeline.engine.currentSnapshot(session: ticket.session) != nil)
            writer.key("feedback")
            writer.beginArray()
            for f in try store.feedback(session: ticket.session) { writer.write(f) }
            writer.endArray()
        case "ack", "acknowledge", "resolve":
            guard let store else { throw Failure(code: "no_store", message: "this pipeline keeps no tickets") }
            let key = try field(object, "key")
            let by = try field(object, "by")
            let at = pipeline.clock.now
            let ticket = cmd == "resolve"
                ? try store.resolve(key: key, by: by, note: object["note"] as? String, at: at)
                : try store.acknowledge(key: key, by: by, at: at)
            sink.ticketChanged(ticket, action: cmd == "resolve" ? .resolved : .acknowledged, at: at)
            writer.key("ticket"); writer.write(ticket)
        case "feedback":
            guard let store else { throw Failure(code: "no_store", message: "this pipeline keeps no tickets") }
            let target: Feedback.Target
            let key: String
            if let ticket = object["ticket"] as? String, !ticket.isEmpty {
                (target, key) = (.ticket, ticket)
            } else if let alert = object["alert"] as? String, !alert.isEmpty {
                (target, key) = (.alert, alert)
            } else {
                throw Failure(code: "missing_field", message: "feedback names a \"ticket\" (its key) or an \"alert\" (session/kind/episode)")
            }
            guard let verdict = try parse(object, "verdict", "false_alarm or helpful", Feedback.Verdict.init(rawValue:)) else {
                throw Failure(code: "missing_field", message: "feedback needs \"verdict\": false_alarm or helpful")
            }
            let feedback = try store.recordFeedback(
                verdict, on: target, key: key, by: try field(object, "by"), note: object["note"] as? String, at: pipeline.clock.now)
            writer.key("feedback"); writer.write(feedback)
        case "session":
            let id = try field(object, "session")
            guard let snapshot = pipeline.engine.snapshot(session: id) else {
                throw Failure(code: "not_found", message: "no live session \(id); it may have ended (see its summary in the database)")
            }
            writer.key("session"); writer.write(snapshot)
        case "sessions":
            let team = object["team"] as? String
            writer.key("sessions")
            writer.beginArray()
            for id in pipeline.engine.liveSessions {
                guard let s = pipeline.engine.snapshot(session: id), team == nil || s.team == team else { continue }
                writer.write(s)
            }
            writer.endArray()
        case "stats":
            writeStats(pipeline, counters)
        default:
            throw Failure(code: "unknown_command", message: "unknown cmd \(cmd); use tickets, ticket, ack, resolve, feedback, session, sessions or stats")
        }
    }

    private mutating func writeStats(_ pipeline: Pipeline, _ c: PipelineCounters) {
        let e = pipeline.engine.counters
        writer.key("received"); writer.int(c.received)
        writer.key("fragments"); writer.int(e.fragments)
        writer.key("live_sessions"); writer.int(pipeline.engine.liveSessionCount)
        writer.key("evictions"); writer.int(e.evictions)
        writer.key("alerts_published"); writer.int(c.alertsPublished)
        writer.key("tickets_opened"); writer.int(c.ticketsOpened)
        writer.key("alerts_attached"); writer.int(c.alertsAttached)
        writer.key("tickets_escalated"); writer.int(c.ticketsEscalated)
        writer.key("rejections")
        writer.beginObject()
        for reason in RejectionReason.allCases {
            writer.key(reason.rawValue)
            let decoded: Int = c.decodeRejections[reason] ?? 0
            let sequenced: Int = e.rejections[reason] ?? 0
            writer.int(decoded + sequenced)
        }
        writer.endObject()
        writer.key("alerts")
        writer.beginObject()
        for kind in AlertKind.allCases {
            writer.key(kind.rawValue)
            let count: Int = e.alerts[kind] ?? 0
            writer.int(count)
        }
        writer.endObject()
    }
}
