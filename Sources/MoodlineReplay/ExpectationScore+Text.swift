import Foundation

extension ExpectationScore {
    /// The score as printed on stdout: the headline numbers as `tools/score.py` prints them,
    /// then the breakdowns by kind, language and channel, then what went wrong.
    public func rendered(title: String, listMisses: Bool = true) -> String {
        var lines: [String] = []
        lines.append(title)
        lines.append(String(format: "  precision %.3f  recall %.3f  (%d of %d expected alerts matched, %d false alarms)", precision, recall, matched, expected, falseAlarms))
        lines.append("  median fragments-to-alert \(medianFragmentsToAlert.map { String(format: "%.1f", $0) } ?? "n/a")")
        lines.append("  missed with an early alert \(earlyMisses), with only a late alert \(lateMisses); alerts for sessions without expectations \(unknownSessionAlerts)")
        let falseByKind = falseAlarmsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("  false alarms by kind: \(falseByKind.isEmpty ? "none" : falseByKind.joined(separator: ", "))")
        lines.append("  " + pad("kind", 20) + pad("expected", 10) + pad("matched", 9) + pad("recall", 8) + "false")
        for (kind, t) in byKind.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + pad(kind, 20) + pad(String(t.expected), 10) + pad(String(t.matched), 9) + pad(t.recall.map { String(format: "%.2f", $0) } ?? "–", 8) + String(t.falseAlarms))
        }
        lines.append("  by language: " + breakdown(byLang))
        lines.append("  by channel:  " + breakdown(byChannel))
        if listMisses {
            for o in outcomes where o.verdict != .hit {
                let window = o.window.map { "\($0.lowerBound)..\($0.upperBound)" } ?? "forbidden"
                lines.append("  \(o.verdict == .miss ? "MISS " : "FALSE") \(o.session) \(pad(o.kind, 18)) \(pad(window, 10)) first alert seq \(o.seq.map(String.init) ?? "none")")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func breakdown(_ groups: [String: Tally]) -> String {
        groups.sorted { $0.key < $1.key }.map { key, t in
            "\(key) \(t.matched)/\(t.expected)" + (t.falseAlarms > 0 ? " (\(t.falseAlarms) false)" : "")
        }.joined(separator: ", ")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
