import Foundation
import MoodlineEngine
import MoodlineStore
import MoodlineWire

/// Answers JSON commands on the control socket, on the control thread: tickets from the store,
/// live conversations from the ``SessionBoard``, figures from ``ServerStatus``. It never touches
/// the pipeline, so no query can slow ingest.
///
/// Requests: `{"cmd":"tickets","status"?,"team"?,"severity"?,"limit"?}`, `{"cmd":"ticket","key"}`,
/// `{"cmd":"ack","key"}`, `{"cmd":"resolve","key","note"?}`, `{"cmd":"session","session"}`,
/// `{"cmd":"sessions","team"?,"after"?,"limit"?}`, `{"cmd":"stats"}`,
/// `{"cmd":"feedback","ticket"|"alert","verdict","note"?}` (verdict `false_alarm` or `helpful`;
/// an alert by its key, session/kind/episode). A field the command does not take, or of the
/// wrong type, is an error. Replies carry `"ok":true` and the data, or `"ok":false` with
/// `"code"` and `"error"`.
///
/// Changing a ticket or recording feedback needs an authenticated peer (CURVE): the actor
/// recorded is the name its key is listed under, never a name in the request.
struct ControlHandler {
    /// What a change is done through: the server, which records it and announces it.
    struct Actions {
        var acknowledge: (_ key: String, _ actor: String) throws(StoreError) -> Ticket
        var resolve: (_ key: String, _ actor: String, _ note: String?) throws(StoreError) -> Ticket
        var feedback: (_ verdict: Feedback.Verdict, _ target: Feedback.Target, _ key: String, _ actor: String, _ note: String?) throws(StoreError) -> Feedback
    }

    /// The largest `limit` a listing answers with.
    static let maxTicketLimit = 1_000

    var writer = JSONWriter(capacity: 8192)
    let store: TicketStore
    let status: ServerStatus
    let actions: Actions

    struct Failure: Error {
        var code: String
        var message: String
    }

    /// The fields each command takes besides `cmd`.
    private static let fields: [String: Set<String>] = [
        "tickets": ["status", "team", "severity", "limit"],
        "ticket": ["key"],
        "ack": ["key", "by"], "acknowledge": ["key", "by"],
        "resolve": ["key", "note", "by"],
        "feedback": ["ticket", "alert", "verdict", "note", "by"],
        "session": ["session"],
        "sessions": ["team", "after", "limit"],
        "stats": [],
    ]

    /// Builds the reply to one request from `peer` (the authenticated name, nil on plain sockets).
    /// `now` is a monotonic time in seconds.
    mutating func reply(to request: [UInt8], peer: String?, board: inout SessionBoard, now: Double) -> [UInt8] {
        writer.removeAll()
        do {
            guard let object = try? JSONSerialization.jsonObject(with: Data(request)) as? [String: Any] else {
                throw Failure(code: "bad_json", message: "send one JSON object such as {\"cmd\":\"tickets\"}")
            }
            guard let cmd = object["cmd"] as? String else {
                throw Failure(code: "missing_field", message: "the request needs \"cmd\": tickets, ticket, ack, resolve, feedback, session, sessions or stats")
            }
            guard let allowed = Self.fields[cmd] else {
                throw Failure(code: "unknown_command", message: "unknown cmd \(cmd); use tickets, ticket, ack, resolve, feedback, session, sessions or stats")
            }
            if let extra = object.keys.filter({ $0 != "cmd" && !allowed.contains($0) }).sorted().first {
                throw Failure(code: "unknown_field", message: "\(cmd) takes no \"\(extra)\"" + (allowed.isEmpty ? "" : "; it takes " + allowed.sorted().joined(separator: ", ")))
            }
            writer.beginObject()
            writer.key("ok"); writer.bool(true)
            try answer(cmd, object, peer: peer, board: &board, now: now)
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
        guard let value = try optionalString(object, name), !value.isEmpty else {
            throw Failure(code: "missing_field", message: "the request needs \"\(name)\" as a non-empty string")
        }
        return value
    }

    private func optionalString(_ object: [String: Any], _ name: String) throws -> String? {
        guard let raw = object[name], !(raw is NSNull) else { return nil }
        guard let text = raw as? String else { throw Failure(code: "wrong_type", message: "\(name) is a string") }
        return text
    }

    private func parse<T>(_ object: [String: Any], _ name: String, _ allowed: String, _ make: (String) -> T?) throws -> T? {
        guard let text = try optionalString(object, name) else { return nil }
        guard let value = make(text) else { throw Failure(code: "wrong_type", message: "\(name) is one of \(allowed)") }
        return value
    }

    private func limit(_ object: [String: Any], default value: Int, max: Int) throws -> Int {
        guard let raw = object["limit"], !(raw is NSNull) else { return value }
        guard let number = raw as? Int, (1...max).contains(number) else {
            throw Failure(code: "wrong_type", message: "limit is a whole number from 1 to \(max)")
        }
        return number
    }

    /// The authenticated actor for a change, or a refusal saying how to get one.
    private func actor(_ peer: String?) throws -> String {
        guard let peer else {
            throw Failure(code: "unauthenticated", message: "changing a ticket needs an authenticated identity: turn on CURVE (curve.server_secret_key, a key per person) or use the console with a token")
        }
        return peer
    }

    private mutating func answer(_ cmd: String, _ object: [String: Any], peer: String?, board: inout SessionBoard, now: Double) throws {
        switch cmd {
        case "tickets":
            let status: TicketStatus? = try parse(object, "status", "open, acknowledged or resolved", TicketStatus.init(rawValue:))
            let severity: Severity? = try parse(object, "severity", "info, warning or critical", Severity.init(rawValue:))
            let tickets = try store.tickets(
                status: status, team: try optionalString(object, "team"), severity: severity,
                limit: try limit(object, default: 100, max: Self.maxTicketLimit))
            writer.key("tickets")
            writer.beginArray()
            for t in tickets { writer.write(t) }
            writer.endArray()
        case "ticket":
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
            writer.key("live"); writer.bool(board.session(ticket.session) != nil)
            writer.key("feedback")
            writer.beginArray()
            for f in try store.feedback(session: ticket.session) { writer.write(f) }
            writer.endArray()
        case "ack", "acknowledge", "resolve":
            let key = try field(object, "key")
            let note = try optionalString(object, "note")
            let by = try actor(peer)
            let ticket = cmd == "resolve" ? try actions.resolve(key, by, note) : try actions.acknowledge(key, by)
            writer.key("ticket"); writer.write(ticket)
        case "feedback":
            let target: Feedback.Target
            let key: String
            if let ticket = try optionalString(object, "ticket"), !ticket.isEmpty {
                (target, key) = (.ticket, ticket)
            } else if let alert = try optionalString(object, "alert"), !alert.isEmpty {
                (target, key) = (.alert, alert)
            } else {
                throw Failure(code: "missing_field", message: "feedback names a \"ticket\" (its key) or an \"alert\" (session/kind/episode)")
            }
            guard let verdict = try parse(object, "verdict", "false_alarm or helpful", Feedback.Verdict.init(rawValue:)) else {
                throw Failure(code: "missing_field", message: "feedback needs \"verdict\": false_alarm or helpful")
            }
            let feedback = try actions.feedback(verdict, target, key, try actor(peer), try optionalString(object, "note"))
            writer.key("feedback"); writer.write(feedback)
        case "session":
            let id = try field(object, "session")
            guard let snapshot = board.session(id) else {
                throw Failure(code: "not_found", message: "no live session \(id); it may have ended (see its summary in the database)")
            }
            writer.key("session"); writer.write(snapshot)
        case "sessions":
            let page = board.page(
                team: try optionalString(object, "team"), after: try optionalString(object, "after"),
                limit: try limit(object, default: 100, max: SessionBoard.maxPageSize), now: now)
            writer.key("total"); writer.int(page.total)
            writer.key("next")
            if let next = page.next { writer.string(next) } else { writer.null() }
            writer.key("sessions")
            writer.beginArray()
            for s in page.sessions { writer.write(s, history: false) }
            writer.endArray()
        case "stats":
            writeStats(status.current)
        default:
            throw Failure(code: "unknown_command", message: "unknown cmd \(cmd)")
        }
    }

    private mutating func writeStats(_ f: ServerStatus.Figures) {
        writer.key("received"); writer.int(f.received)
        writer.key("fragments"); writer.int(f.fragments)
        writer.key("live_sessions"); writer.int(f.liveSessions)
        writer.key("evictions"); writer.int(f.evictions)
        writer.key("alerts_published"); writer.int(f.alertsPublished)
        writer.key("tickets_opened"); writer.int(f.ticketsOpened)
        writer.key("alerts_attached"); writer.int(f.alertsAttached)
        writer.key("tickets_escalated"); writer.int(f.ticketsEscalated)
        writer.key("rejections")
        writer.beginObject()
        for reason in RejectionReason.allCases {
            writer.key(reason.rawValue)
            writer.int(f.rejections[reason] ?? 0)
        }
        writer.endObject()
        writer.key("alerts")
        writer.beginObject()
        for kind in AlertKind.allCases {
            writer.key(kind.rawValue)
            writer.int(f.alertsRaised[kind] ?? 0)
        }
        writer.endObject()
    }
}
