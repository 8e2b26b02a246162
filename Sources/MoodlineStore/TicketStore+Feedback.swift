import Foundation
import GRDB

extension TicketStore {
    /// Records `actor`'s verdict on an alert or a ticket. A second verdict by the same person
    /// on the same target replaces the first (people change their minds); others add up.
    ///
    /// Throws `notFound` when no alert or ticket has the key, `invalidArgument` for an empty
    /// actor or a non-finite time.
    @discardableResult
    public func recordFeedback(
        _ verdict: Feedback.Verdict, on target: Feedback.Target, key: String, by actor: String, note: String? = nil, at: Double
    ) throws(StoreError) -> Feedback {
        let actor = actor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actor.isEmpty else {
            throw StoreError(.invalidArgument, "feedback needs the name of who gives it — pass a non-empty actor")
        }
        guard at.isFinite else { throw StoreError(.invalidArgument, "feedback was given a non-finite time — pass seconds since the epoch") }
        return try write { db in
            let owner: Row?
            switch target {
            case .ticket:
                owner = try Row.fetchOne(db, sql: "SELECT session, kind FROM tickets WHERE key = ?", arguments: [key])
            case .alert:
                owner = try Self.alertOwner(db, key: key)
            }
            guard let owner else {
                throw StoreError(.notFound, "no \(target.rawValue) \(key) — \(target == .ticket ? "list tickets to find its key" : "an alert key is session/kind/episode, as in the alert's ticket_key")")
            }
            let feedback = Feedback(
                target: target, key: key, session: owner["session"], kind: owner["kind"], verdict: verdict, actor: actor, at: at,
                note: note.flatMap { $0.isEmpty ? nil : $0 })
            try db.execute(sql: """
                INSERT INTO feedback (target, key, session, kind, verdict, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (target, key, actor) DO UPDATE SET verdict = excluded.verdict, at = excluded.at, note = excluded.note
                """, arguments: [target.rawValue, key, feedback.session, feedback.kind, verdict.rawValue, actor, at, feedback.note])
            return feedback
        }
    }

    /// The team and agent of the alert with this key (session/kind/episode), for access checks;
    /// nil when there is no such alert.
    public func alertOwner(key: String) throws(StoreError) -> (team: String?, agent: String?)? {
        try read { db in
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3, let episode = Int(parts[parts.count - 1]) else { return nil }
            let row = try Row.fetchOne(
                db, sql: "SELECT team, agent FROM alerts WHERE session = ? AND kind = ? AND episode = ?",
                arguments: [parts.dropLast(2).joined(separator: "/"), String(parts[parts.count - 2]), episode])
            return row.map { ($0["team"], $0["agent"]) }
        }
    }

    /// Every verdict, oldest first, optionally those of one conversation.
    public func feedback(session: String? = nil) throws(StoreError) -> [Feedback] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM feedback" + (session == nil ? "" : " WHERE session = ?") + " ORDER BY at, id",
                arguments: session.map { [$0] } ?? [])
            return try rows.map(Self.feedback(from:))
        }
    }

    /// How many verdicts of each kind of alert, for /metrics.
    public func feedbackCounts() throws(StoreError) -> [FeedbackCount] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, verdict, COUNT(*) AS n FROM feedback GROUP BY kind, verdict ORDER BY kind, verdict")
                .compactMap { row in
                    guard let verdict = Feedback.Verdict(rawValue: row["verdict"]) else { return nil }
                    return FeedbackCount(kind: row["kind"], verdict: verdict, count: row["n"])
                }
        }
    }

    /// The alerts a verdict covers, as (session, kind, seq): the alert itself, or every alert a
    /// ticket holds (its raising alert and those attached to the incident).
    public func judgedAlerts(_ feedback: Feedback) throws(StoreError) -> [(session: String, kind: String, seq: Int64)] {
        try read { db in
            switch feedback.target {
            case .alert:
                guard let row = try Self.alertOwner(db, key: feedback.key) else { return [] }
                return [(row["session"], row["kind"], row["seq"])]
            case .ticket:
                var out: [(session: String, kind: String, seq: Int64)] = []
                if let row = try Row.fetchOne(db, sql: "SELECT session, kind, seq FROM tickets WHERE key = ?", arguments: [feedback.key]) {
                    out.append((row["session"], row["kind"], row["seq"]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT alert_key, kind, seq FROM ticket_alerts WHERE ticket_key = ?", arguments: [feedback.key]) {
                    let alertKey: String = row["alert_key"]
                    if alertKey == feedback.key { continue }
                    out.append((feedback.session, row["kind"], row["seq"]))
                }
                return out
            }
        }
    }

    /// The alert behind a key `session/kind/episode` (the session itself may hold slashes).
    private static func alertOwner(_ db: Database, key: String) throws -> Row? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, let episode = Int(parts[parts.count - 1]) else { return nil }
        let session = parts.dropLast(2).joined(separator: "/")
        return try Row.fetchOne(
            db, sql: "SELECT session, kind, seq FROM alerts WHERE session = ? AND kind = ? AND episode = ?",
            arguments: [session, String(parts[parts.count - 2]), episode])
    }

    private static func feedback(from row: Row) throws -> Feedback {
        guard let target = Feedback.Target(rawValue: row["target"]), let verdict = Feedback.Verdict(rawValue: row["verdict"]) else {
            throw StoreError(.unreadableRow, "a feedback row holds an unknown target or verdict — written by a newer Moodline?")
        }
        return Feedback(
            target: target, key: row["key"], session: row["session"], kind: row["kind"], verdict: verdict,
            actor: row["actor"], at: row["at"], note: row["note"])
    }
}

/// Verdicts on one kind of alert.
public struct FeedbackCount: Sendable, Equatable {
    public var kind: String
    public var verdict: Feedback.Verdict
    public var count: Int
}
