import Foundation
import MoodlineEngine
@testable import MoodlineStore

/// A directory under the system temp dir, removed when the test is done with it.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("moodline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var databasePath: String { url.appendingPathComponent("moodline.db").path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

func makeAlert(
    session: String = "call-0001", kind: AlertKind = .selfHarm, severity: Severity = .critical,
    episode: Int = 1, seq: Int64 = 17, ts: Double = 1_000, team: String? = "t-7", agent: String? = "a-102"
) -> Alert {
    Alert(
        kind: kind, severity: severity, session: session, agent: agent, team: team, speaker: .customer,
        seq: seq, ts: ts, episode: episode,
        scores: AlertScores(valence: -0.8, arousal: 0.7, smoothedValence: -0.6, smoothedArousal: 0.5),
        evidence: [
            Evidence(kind: "term", label: "不想活了", value: -1, seq: seq, utf8Start: 0, utf8End: 12),
            Evidence(kind: "prosody", label: "pitch_hz", value: 2.4, seq: seq),
        ]
    )
}

extension TicketStore {
    /// Rows in a table, read straight from SQLite so tests do not trust the API they check.
    func count(_ table: String) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }
}
