import Foundation
import MoodlineEngine

/// `--csv DIR`: the report's tables for spreadsheets. `alerts.csv` and `sessions.csv` are
/// written as the replay goes (they grow with the input); `agents.csv` at the end.
final class CSVTables {
    let directory: String
    private let alerts: OutputFile
    private let sessions: OutputFile

    static let kinds = AlertKind.allCases

    init(directory: String) throws(ReplayError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReplayError(path: directory, "cannot create the directory (\(error.localizedDescription)); pass a writable path")
        }
        alerts = try OutputFile(path: Self.path(directory, "alerts.csv"))
        sessions = try OutputFile(path: Self.path(directory, "sessions.csv"))
        alerts.write(CSVRow([
            "session", "kind", "severity", "seq", "ts", "time_utc", "speaker", "agent", "team", "episode",
            "valence", "arousal", "smoothed_valence", "smoothed_arousal", "evidence",
        ]).line)
        var header = CSVRow([
            "session", "agent", "team", "channel", "start_ts", "end_ts", "start_utc", "duration_s", "end_reason",
            "fragments", "customer_fragments", "agent_fragments", "customer_valence_start", "customer_valence_end",
            "customer_recovery", "customer_valence_min", "agent_valence_mean", "agent_arousal_max", "agent_interruptions", "alerts",
        ])
        for kind in Self.kinds { header.add("alerts_" + kind.rawValue) }
        sessions.write(header.line)
    }

    static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    func add(_ alert: Alert) {
        var row = CSVRow()
        row.add(alert.session)
        row.add(alert.kind.rawValue)
        row.add(alert.severity.rawValue)
        row.add(alert.seq)
        row.add(alert.ts, digits: 3)
        row.add(ReportFormat.utc(alert.ts))
        row.add(alert.speaker.rawValue)
        row.add(alert.agent)
        row.add(alert.team)
        row.add(alert.episode)
        row.add(alert.scores.valence)
        row.add(alert.scores.arousal)
        row.add(alert.scores.smoothedValence)
        row.add(alert.scores.smoothedArousal)
        row.add(alert.evidence.map { ReportFormat.evidence($0, alertSeq: alert.seq) }.joined(separator: "; "))
        alerts.write(row.line)
    }

    func add(_ s: SessionSummary) {
        var row = CSVRow()
        row.add(s.session)
        row.add(s.agent)
        row.add(s.team)
        row.add(s.channel?.rawValue)
        row.add(s.startTs, digits: 3)
        row.add(s.endTs, digits: 3)
        row.add(ReportFormat.utc(s.startTs))
        row.add(s.endTs - s.startTs, digits: 1)
        row.add(s.endReason.rawValue)
        row.add(s.fragments)
        row.add(s.customerFragments)
        row.add(s.agentFragments)
        row.add(s.customerValenceStart)
        row.add(s.customerValenceEnd)
        row.add(s.customerValenceStart.flatMap { start in s.customerValenceEnd.map { $0 - start } })
        row.add(s.customerValenceMin)
        row.add(s.agentValenceMean)
        row.add(s.agentArousalMax)
        row.add(s.agentInterruptions)
        row.add(s.alerts.values.reduce(0, +))
        for kind in Self.kinds { row.add(s.alerts[kind.rawValue] ?? 0) }
        sessions.write(row.line)
    }

    /// Writes `agents.csv` and closes the three files.
    func finish(agents: [AgentScorecard]) throws(ReplayError) {
        let file = try OutputFile(path: Self.path(directory, "agents.csv"))
        var header = CSVRow([
            "agent", "team", "conversations", "alerts", "customer_valence_start", "customer_valence_end",
            "customer_recovery", "composure", "composed_conversations", "agent_valence_mean", "agent_arousal_peak_mean", "agent_overlaps",
            "low_sample",
        ])
        for kind in Self.kinds { header.add("alerts_" + kind.rawValue) }
        file.write(header.line)
        for a in agents {
            var row = CSVRow()
            row.add(a.agent)
            row.add(a.team)
            row.add(a.conversations)
            row.add(a.alerts)
            row.add(a.customerValenceStart)
            row.add(a.customerValenceEnd)
            row.add(a.customerRecovery)
            row.add(a.composure, digits: 3)
            row.add(a.composedConversations)
            row.add(a.agentValenceMean)
            row.add(a.agentArousalPeakMean)
            row.add(a.interruptions)
            row.add(a.isLowSample ? 1 : 0)
            for kind in Self.kinds { row.add(a.alertsByKind[kind] ?? 0) }
            file.write(row.line)
        }
        try file.close()
        try alerts.close()
        try sessions.close()
    }
}
