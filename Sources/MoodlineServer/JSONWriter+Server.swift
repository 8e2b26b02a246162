import Foundation
import MoodlineEngine
import MoodlineStore
import MoodlineWire

extension JSONWriter {
    /// `{"type":"alert","alert":{…}}`, what agent and team subscribers receive.
    public mutating func writeAlertMessage(_ alert: Alert) {
        beginObject()
        key("type"); string("alert")
        key("alert"); write(alert)
        endObject()
    }

    /// `{"type":"ticket","action":…,"at":…,"ticket":{…}}`: `at` is the event time of this
    /// action (a re-send's own time), where the ticket's `ts` stays its first alert's.
    public mutating func writeTicketMessage(_ ticket: Ticket, action: TicketAction, at: Double) {
        beginObject()
        key("type"); string("ticket")
        key("action"); string(action.rawValue)
        key("at"); double(at)
        key("ticket"); write(ticket)
        endObject()
    }

    /// A ticket in the same snake_case form the store and the control socket use.
    public mutating func write(_ ticket: Ticket) {
        beginObject()
        key("key"); string(ticket.key)
        key("session"); string(ticket.session)
        key("kind"); string(ticket.kind.rawValue)
        key("kinds"); beginArray()
        for kind in ticket.kinds { string(kind.rawValue) }
        endArray()
        key("severity"); string(ticket.severity.rawValue)
        nullableMember("agent", ticket.agent)
        nullableMember("team", ticket.team)
        key("speaker"); string(ticket.speaker.rawValue)
        key("seq"); int(ticket.seq)
        key("ts"); double(ticket.ts)
        key("created_at"); double(ticket.createdAt)
        key("deadline"); double(ticket.deadline)
        key("tier"); int(ticket.tier)
        key("tier_name"); string(ticket.tierName)
        key("status"); string(ticket.status.rawValue)
        nullableMember("acknowledged_by", ticket.acknowledgedBy)
        nullableMember("acknowledged_at", ticket.acknowledgedAt)
        nullableMember("resolved_by", ticket.resolvedBy)
        nullableMember("resolved_at", ticket.resolvedAt)
        nullableMember("resolution_note", ticket.resolutionNote)
        key("escalations"); int(ticket.escalations)
        key("republications"); int(ticket.republications)
        key("alert"); write(ticket.alert)
        endObject()
    }

    /// One step of a ticket's history, as the control socket and the console API give it.
    public mutating func write(_ event: TicketEvent) {
        beginObject()
        key("at"); double(event.at)
        key("action"); string(event.action.rawValue)
        nullableMember("actor", event.actor)
        key("tier"); int(event.tier)
        key("tier_name"); string(event.tierName)
        nullableMember("note", event.note)
        endObject()
    }

    /// `{"target","key","session","kind","verdict","by","at","note"}`.
    public mutating func write(_ feedback: Feedback) {
        beginObject()
        key("target"); string(feedback.target.rawValue)
        key("key"); string(feedback.key)
        key("session"); string(feedback.session)
        key("kind"); string(feedback.kind)
        key("verdict"); string(feedback.verdict.rawValue)
        key("by"); string(feedback.actor)
        key("at"); double(feedback.at)
        nullableMember("note", feedback.note)
        endObject()
    }

    /// Decimal places of the levels, risk and history values in snapshots: the scores' own
    /// noise is far above it, and the fixed-point writer is several times cheaper than the
    /// shortest round-trip form. Timestamps keep full precision.
    public static let levelDecimals = 3

    /// `{"type":"snapshot","snapshot":{…}}`, hand-written because snapshots are frequent.
    ///
    /// The per-fragment `session/<id>` messages pass `history: false`: they carry the current
    /// levels only, and consoles build sparklines from successive snapshots. The control
    /// socket's `session`/`sessions` replies write the full history.
    public mutating func writeSnapshotMessage(_ s: SessionSnapshot, history: Bool = true) {
        beginObject()
        key("type"); string("snapshot")
        key("snapshot"); write(s, history: history)
        endObject()
    }

    public mutating func write(_ s: SessionSnapshot, history: Bool = true) {
        let places = Self.levelDecimals
        beginObject()
        key("session"); string(s.session)
        nullableMember("agent", s.agent)
        nullableMember("team", s.team)
        nullableMember("channel", s.channel?.rawValue)
        nullableMember("customer", s.customer)
        key("start_ts"); double(s.startTs)
        key("last_ts"); double(s.lastTs)
        key("fragments"); int(s.fragments)
        key("customer_valence"); fixed(Double(s.customerValence), decimals: places)
        key("customer_arousal"); fixed(Double(s.customerArousal), decimals: places)
        key("agent_valence"); fixed(Double(s.agentValence), decimals: places)
        key("agent_arousal"); fixed(Double(s.agentArousal), decimals: places)
        key("risk"); fixed(s.risk, decimals: places)
        key("open_alerts")
        beginArray()
        for kind in s.openAlerts { string(kind.rawValue) }
        endArray()
        if history {
            key("history")
            beginArray()
            for p in s.history {
                beginArray()
                double(p.ts)
                fixed(Double(p.customerValence), decimals: places); fixed(Double(p.customerArousal), decimals: places)
                fixed(Double(p.agentValence), decimals: places); fixed(Double(p.agentArousal), decimals: places)
                endArray()
            }
            endArray()
        }
        endObject()
    }

    /// `{"type":"session_end","summary":{…}}`.
    public mutating func writeSummaryMessage(_ summary: SessionSummary) {
        beginObject()
        key("type"); string("session_end")
        key("summary"); write(summary)
        endObject()
    }
}
