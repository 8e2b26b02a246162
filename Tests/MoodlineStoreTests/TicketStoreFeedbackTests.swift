import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

/// Verdicts on alerts and tickets: stored with who and when, one per person and target.
@Suite struct TicketStoreFeedbackTests {
    @Test func verdictsAreStoredPerPersonAndTarget() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse, seq: 5, ts: 1_000)
        let warning = makeAlert(kind: .customerAnger, severity: .warning, seq: 7, ts: 1_010)
        _ = try store.record([abuse, warning], policy: .standard)

        let first = try store.recordFeedback(.falseAlarm, on: .ticket, key: abuse.ticketKey, by: "lee", note: "swearing at the app", at: 1_100)
        #expect(first.session == abuse.session && first.kind == "abuse" && first.actor == "lee" && first.at == 1_100)
        // The same person changes their mind: replaced, not added.
        try store.recordFeedback(.helpful, on: .ticket, key: abuse.ticketKey, by: "lee", at: 1_200)
        try store.recordFeedback(.falseAlarm, on: .ticket, key: abuse.ticketKey, by: "kim", at: 1_210)
        // A warning has no ticket: judged as an alert, by its key.
        try store.recordFeedback(.falseAlarm, on: .alert, key: warning.ticketKey, by: "lee", at: 1_220)

        let all = try store.feedback(session: abuse.session)
        #expect(all.map(\.verdict) == [.helpful, .falseAlarm, .falseAlarm])
        #expect(all.map(\.actor) == ["lee", "kim", "lee"])
        #expect(all[0].note == nil)
        #expect(try store.count("feedback") == 3)
        #expect(try store.feedbackCounts() == [
            FeedbackCount(kind: "abuse", verdict: .falseAlarm, count: 1),
            FeedbackCount(kind: "abuse", verdict: .helpful, count: 1),
            FeedbackCount(kind: "customer_anger", verdict: .falseAlarm, count: 1),
        ])
    }

    @Test func unknownTargetsAndMissingNamesAreRefused() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse)
        _ = try store.record([abuse], policy: .standard)
        #expect(throws: StoreError.self) { try store.recordFeedback(.helpful, on: .ticket, key: "nope/abuse/1", by: "lee", at: 1) }
        #expect(throws: StoreError.self) { try store.recordFeedback(.helpful, on: .alert, key: "not-a-key", by: "lee", at: 1) }
        #expect(throws: StoreError.self) { try store.recordFeedback(.helpful, on: .ticket, key: abuse.ticketKey, by: "  ", at: 1) }
        #expect(throws: StoreError.self) { try store.recordFeedback(.helpful, on: .ticket, key: abuse.ticketKey, by: "lee", at: .nan) }
        #expect(try store.count("feedback") == 0)
    }

    /// A verdict on a ticket covers every alert of the incident; the session may hold slashes.
    @Test func aTicketVerdictCoversEveryAlertOfTheIncident() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(session: "pbx/7", kind: .abuse, seq: 5, ts: 1_000)
        let threat = makeAlert(session: "pbx/7", kind: .escalationThreat, seq: 9, ts: 1_030)
        _ = try store.record([abuse, threat], policy: .standard)
        let verdict = try store.recordFeedback(.helpful, on: .ticket, key: abuse.ticketKey, by: "lee", at: 1_100)
        let judged = try store.judgedAlerts(verdict)
        #expect(judged.map(\.kind) == ["abuse", "escalation_threat"])
        #expect(judged.map(\.seq) == [5, 9])
        #expect(judged.allSatisfy { $0.session == "pbx/7" })
        let one = try store.recordFeedback(.falseAlarm, on: .alert, key: threat.ticketKey, by: "lee", at: 1_110)
        #expect(try store.judgedAlerts(one).map(\.seq) == [9])
    }

    @Test func verdictsSurviveReopeningTheFile() throws {
        let dir = try TemporaryDirectory()
        let abuse = makeAlert(kind: .abuse)
        do {
            let store = try TicketStore(path: dir.databasePath)
            _ = try store.record([abuse], policy: .standard)
            try store.recordFeedback(.falseAlarm, on: .ticket, key: abuse.ticketKey, by: "lee", at: 1_100)
        }
        let reopened = try TicketStore(path: dir.databasePath)
        #expect(try reopened.feedback().map(\.verdict) == [.falseAlarm])
    }
}
