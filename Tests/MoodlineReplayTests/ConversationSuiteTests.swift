import Foundation
import MoodlineReplay
import Testing

/// Conversation sets kept in the repository (Conversations/README.md), replayed whole and scored
/// like tools/score.py, with floors: what first-sight conversations measured once holds.
@Suite struct ConversationSuiteTests {
    struct Floor: Sendable, CustomStringConvertible {
        var name: String
        var recall: Double
        var falseAlarms: Int
        /// Calm controls that raise any alert, and any warning or worse.
        var calmAlerted: Int
        var calmUrgent: Int
        /// Self-harm disclosures not caught in their window.
        var selfHarmMissed = 0
        /// Conversations in the set.
        var sessions = 24
        var description: String { name }
    }

    static let floors = [
        Floor(name: "round15", recall: 0.86, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "tune16", recall: 0.97, falseAlarms: 1, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round16", recall: 0.93, falseAlarms: 3, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round17", recall: 0.97, falseAlarms: 3, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "tune17", recall: 0.84, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round18", recall: 0.94, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round19", recall: 0.92, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round20", recall: 0.97, falseAlarms: 3, calmAlerted: 2, calmUrgent: 0),
        Floor(name: "round21", recall: 0.94, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round22", recall: 0.97, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round23", recall: 0.84, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round24", recall: 0.8, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round25", recall: 0.93, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round26", recall: 0.88, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round27", recall: 0.88, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round28", recall: 0.92, falseAlarms: 1, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round29", recall: 0.93, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round30", recall: 0.9, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round31", recall: 0.9, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round32", recall: 0.93, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round33", recall: 0.97, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round34", recall: 0.93, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round35", recall: 0.95, falseAlarms: 4, calmAlerted: 2, calmUrgent: 1),
        Floor(name: "round37", recall: 0.93, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round38", recall: 0.91, falseAlarms: 1, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round39", recall: 0.93, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round40", recall: 0.86, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round41", recall: 0.95, falseAlarms: 4, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round42", recall: 0.88, falseAlarms: 5, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round43", recall: 0.92, falseAlarms: 3, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round44", recall: 0.9, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round45", recall: 0.9, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round46", recall: 0.9, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round47", recall: 0.87, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round48", recall: 0.95, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round49", recall: 0.88, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round50", recall: 0.93, falseAlarms: 2, calmAlerted: 1, calmUrgent: 1),
        Floor(name: "round51", recall: 0.86, falseAlarms: 2, calmAlerted: 2, calmUrgent: 0),
        Floor(name: "round52", recall: 0.93, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round53", recall: 0.95, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round54", recall: 0.95, falseAlarms: 3, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round55", recall: 0.9, falseAlarms: 2, calmAlerted: 1, calmUrgent: 1),
        Floor(name: "round56", recall: 0.93, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round57", recall: 0.89, falseAlarms: 1, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round58", recall: 0.87, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round59", recall: 0.93, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round60", recall: 0.95, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round61", recall: 0.88, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round62", recall: 0.92, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round63", recall: 0.9, falseAlarms: 3, calmAlerted: 2, calmUrgent: 0),
        Floor(name: "round64", recall: 0.79, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round65", recall: 0.92, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round66", recall: 0.97, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round67", recall: 0.88, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round68", recall: 0.91, falseAlarms: 1, calmAlerted: 1, calmUrgent: 0),
        Floor(name: "round69", recall: 0.89, falseAlarms: 3, calmAlerted: 2, calmUrgent: 2),
        Floor(name: "round70", recall: 0.88, falseAlarms: 1, calmAlerted: 1, calmUrgent: 1),
        Floor(name: "round71", recall: 0.94, falseAlarms: 5, calmAlerted: 3, calmUrgent: 1),
        Floor(name: "round72", recall: 0.9, falseAlarms: 4, calmAlerted: 4, calmUrgent: 4),
        Floor(name: "round73", recall: 0.9, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round74", recall: 0.9, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round75", recall: 0.9, falseAlarms: 3, calmAlerted: 1, calmUrgent: 1),
        Floor(name: "round76", recall: 0.93, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round77", recall: 0.88, falseAlarms: 4, calmAlerted: 2, calmUrgent: 1),
        Floor(name: "round78", recall: 0.9, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round79", recall: 0.94, falseAlarms: 3, calmAlerted: 2, calmUrgent: 1),
        Floor(name: "round80", recall: 0.92, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round81", recall: 0.93, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0),
        Floor(name: "round82", recall: 1.0, falseAlarms: 3, calmAlerted: 1, calmUrgent: 1, sessions: 12),
        Floor(name: "round83", recall: 1.0, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round84", recall: 0.91, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round85", recall: 0.96, falseAlarms: 3, calmAlerted: 1, calmUrgent: 1, sessions: 12),
        Floor(name: "round86", recall: 0.85, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0, sessions: 12),
        Floor(name: "round87", recall: 0.96, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round88", recall: 0.83, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round89", recall: 0.96, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round90", recall: 0.95, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round91", recall: 0.92, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round92", recall: 0.96, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round93", recall: 0.95, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round94", recall: 0.92, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round95", recall: 0.94, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round96", recall: 0.96, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round97", recall: 0.95, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round98", recall: 1.0, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round99", recall: 0.94, falseAlarms: 3, calmAlerted: 1, calmUrgent: 0, sessions: 12),
        Floor(name: "round100", recall: 0.96, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round101", recall: 1.0, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round102", recall: 0.94, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round103", recall: 0.9, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round104", recall: 0.95, falseAlarms: 2, calmAlerted: 1, calmUrgent: 0, sessions: 12),
        Floor(name: "round105", recall: 0.84, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round106", recall: 0.96, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round107", recall: 0.95, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round108", recall: 0.95, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round109", recall: 0.96, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round110", recall: 1.0, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round111", recall: 0.96, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round112", recall: 1.0, falseAlarms: 0, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round113", recall: 1.0, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round114", recall: 0.92, falseAlarms: 1, calmAlerted: 0, calmUrgent: 0, sessions: 12),
        Floor(name: "round115", recall: 1.0, falseAlarms: 2, calmAlerted: 0, calmUrgent: 0, sessions: 12),
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conversations")

    @Test(arguments: floors)
    func holdsItsFloors(_ floor: Floor) throws {
        let directory = Self.root.appendingPathComponent(floor.name)
        let expectations = try SessionExpectation.load(path: directory.appendingPathComponent("expectations.jsonl").path)
        #expect(expectations.count == floor.sessions)
        let dir = try Fixtures.temporaryDirectory()
        var options = ReplayRecorder.Options()
        options.alertsPath = dir + "/alerts.jsonl"
        options.keys = .sessions(ExpectationScore.sessions(of: expectations))
        let (statistics, recorder) = try Fixtures.replay([directory.appendingPathComponent("sessions").path], options: options)
        #expect(statistics.sessions == floor.sessions)
        #expect(statistics.rejected == 0)
        let score = ExpectationScore(alerts: recorder.alertKeys, expectations: expectations)
        let report = score.rendered(title: floor.name)
        #expect(score.recall >= floor.recall, "\(report)")
        #expect(score.falseAlarms <= floor.falseAlarms, "\(report)")
        let selfHarm = try #require(score.byKind["self_harm"])
        #expect(selfHarm.expected > 0)
        #expect(selfHarm.expected - selfHarm.matched <= floor.selfHarmMissed, "self-harm disclosures caught in their window\n\(report)")

        let calm = Set(expectations.filter(\.expect.isEmpty).map(\.session))
        let alerts = try Fixtures.jsonLines(dir + "/alerts.jsonl").filter { calm.contains($0["session"] as? String ?? "") }
        let alerted = Set(alerts.compactMap { $0["session"] as? String })
        let urgent = Set(alerts.filter { $0["severity"] as? String != "info" }.compactMap { $0["session"] as? String })
        #expect(alerted.count <= floor.calmAlerted, "calm controls alerted: \(alerted.sorted())")
        #expect(urgent.count <= floor.calmUrgent, "calm controls with a warning or worse: \(urgent.sorted())")
    }
}
