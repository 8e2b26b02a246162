import Foundation
import MoodlineEngine

/// The short summary a replay prints on stdout.
public enum ReplaySummaryText {
    public static func render(_ s: ReplayStatistics) -> String {
        var lines: [String] = []
        let files = "\(ReportFormat.grouped(s.files)) recording\(s.files == 1 ? "" : "s")" + (s.compressedFiles > 0 ? " (\(s.compressedFiles) gzip)" : "")
        lines.append("replayed \(files): \(count(s.sessions, "session")), \(count(s.fragments, "fragment")) (\(ReportFormat.grouped(s.engine.interimFragments)) interim), \(ReportFormat.grouped(s.rejected)) rejected")
        lines.append("  \(ReportFormat.decimal(s.elapsedSeconds, digits: 2)) s, \(ReportFormat.grouped(Int(s.fragmentsPerSecond.rounded()))) fragments/s")
        let kinds = AlertKind.allCases.compactMap { kind -> String? in
            guard let n = s.alertsByKind[kind], n > 0 else { return nil }
            return "\(kind.rawValue) \(n)"
        }
        lines.append("alerts \(ReportFormat.grouped(s.alerts))" + (kinds.isEmpty ? "" : ": " + kinds.joined(separator: ", ")))
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(s.alertsBySeverity[$0] ?? 0)" }
        lines.append("  by severity: " + severities.joined(separator: ", "))
        let reasons = s.rejectionsByReason.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
        if !reasons.isEmpty {
            lines.append("rejected by reason: " + reasons.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(ReportFormat.grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }
}
