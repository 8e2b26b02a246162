import MoodlineEngine

extension HTMLReport {
    func writeSummary(_ w: inout HTMLWriter) {
        let s = statistics
        w.raw("<section id=\"summary\"><h2>Summary</h2><div class=\"tiles\">")
        tile(&w, ReportFormat.grouped(s.sessions), "sessions")
        tile(&w, ReportFormat.grouped(s.fragments), "fragments")
        tile(&w, ReportFormat.grouped(s.rejected), "lines rejected")
        tile(&w, ReportFormat.grouped(s.alerts), "alerts")
        tile(&w, ReportFormat.grouped(s.alertsBySeverity[.critical] ?? 0), "critical (urgent tickets live)")
        tile(&w, ReportFormat.grouped(scorecards.count), "agents")
        w.raw("</div>")

        w.raw("<div class=\"cols\"><div>")
        w.element("h3", "Alerts by kind")
        w.raw("<table class=\"bars\"><thead><tr><th>kind</th><th>severity</th><th class=\"n\">alerts</th><th></th></tr></thead><tbody>")
        let top = max(1, s.alertsByKind.values.max() ?? 1)
        for kind in AlertKind.allCases {
            let n = s.alertsByKind[kind] ?? 0
            let severity = engine.severity(of: kind).rawValue
            w.open("tr")
            w.open("td"); w.element("span", class: "kind", kind.rawValue); w.close("td")
            w.open("td"); w.element("span", class: "sev sev-\(severity)", severity); w.close("td")
            w.element("td", class: "n", ReportFormat.grouped(n))
            let width = Int((Double(n) / Double(top) * 100).rounded())
            w.raw("<td class=\"barcell\"><span class=\"bar sev-bg-\(severity)\" style=\"width:\(width)%\"></span></td>")
            w.close("tr")
        }
        w.raw("</tbody></table></div><div>")
        w.element("h3", "Input")
        w.raw("<table class=\"kv\"><tbody>")
        row(&w, "recordings", "\(ReportFormat.grouped(s.files))\(s.compressedFiles > 0 ? " (\(s.compressedFiles) gzip)" : "")")
        row(&w, "lines decoded", ReportFormat.grouped(s.events))
        row(&w, "final fragments", ReportFormat.grouped(s.engine.fragments))
        row(&w, "interim fragments", ReportFormat.grouped(s.engine.interimFragments))
        row(&w, "sessions evicted (live cap)", ReportFormat.grouped(s.engine.evictions))
        row(&w, "alerts held back (per-session cap)", ReportFormat.grouped(s.engine.alertsSuppressed))
        let reasons = s.rejectionsByReason.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
        if reasons.isEmpty {
            row(&w, "rejected", "none")
        } else {
            for (reason, n) in reasons { row(&w, "rejected: \(reason.rawValue)", ReportFormat.grouped(n)) }
        }
        for failure in s.failures.prefix(20) { row(&w, "unreadable", failure) }
        w.raw("</tbody></table></div></div></section>")
    }

    private func tile(_ w: inout HTMLWriter, _ value: String, _ label: String) {
        w.raw("<div class=\"tile\">")
        w.element("b", value)
        w.element("span", label)
        w.raw("</div>")
    }

    func row(_ w: inout HTMLWriter, _ key: String, _ value: String) {
        w.open("tr")
        w.element("th", key)
        w.element("td", value)
        w.close("tr")
    }

    func writeScore(_ w: inout HTMLWriter, _ score: ExpectationScore, heading: String, id: String = "accuracy") {
        w.raw("<section id=\"\(id)\">")
        w.element("h2", heading)
        if let expectations, SessionExpectation.areDevelopmentSet(expectations) {
            w.element("p", class: "caveat", "These labels are Moodline's development scenarios, the set its rules and thresholds were tuned on: the figures below are optimistic. Judge accuracy on conversations labelled by someone who has not seen the rules.")
        } else {
            w.element("p", class: "note", "Scored against \(expectations?.count ?? 0) labelled conversations. If these labels were used to tune the rules or thresholds (moodline tune), the figures are optimistic.")
        }
        w.raw("<div class=\"tiles\">")
        tile(&w, String(format: "%.3f", score.precision), "precision")
        tile(&w, String(format: "%.3f", score.recall), "recall (\(score.matched)/\(score.expected))")
        tile(&w, String(score.falseAlarms), "false alarms")
        tile(&w, score.medianFragmentsToAlert.map { String(format: "%.1f", $0) } ?? "–", "median fragments-to-alert")
        tile(&w, "\(score.earlyMisses) / \(score.lateMisses)", "misses with early / only late alert")
        w.raw("</div><table><thead><tr><th>kind</th><th class=\"n\">expected</th><th class=\"n\">matched</th><th class=\"n\">recall</th><th class=\"n\">false alarms</th></tr></thead><tbody>")
        for (kind, t) in score.byKind.sorted(by: { $0.key < $1.key }) {
            w.open("tr")
            w.open("td"); w.element("span", class: "kind", kind); w.close("td")
            w.element("td", class: "n", String(t.expected))
            w.element("td", class: "n", String(t.matched))
            w.element("td", class: "n", t.recall.map { String(format: "%.2f", $0) } ?? "–")
            w.element("td", class: t.falseAlarms > 0 ? "n bad" : "n", String(t.falseAlarms))
            w.close("tr")
        }
        w.raw("</tbody></table>")
        let problems = score.outcomes.filter { $0.verdict != .hit }
        if !problems.isEmpty {
            w.element("h3", "Misses and false alarms")
            w.raw("<ul class=\"problems\">")
            for o in problems {
                w.open("li")
                let what = o.verdict == .miss ? "missed" : "false alarm"
                let window = o.window.map { " (window \($0.lowerBound)–\($0.upperBound))" } ?? ""
                let first = o.seq.map { ", first alert of the kind at seq \($0)" } ?? ", no alert of the kind"
                w.raw("<a href=\"#\(HTMLWriter.anchor(o.session))\">")
                w.text(o.session)
                w.raw("</a> ")
                w.text("\(o.kind) \(what)\(window)\(first)")
                w.close("li")
            }
            w.raw("</ul>")
        }
        w.raw("</section>")
    }

    func writeComparison(_ w: inout HTMLWriter) {
        guard let comparison else { return }
        w.raw("<section id=\"compare\">")
        w.element("h2", "Compared with \(comparisonName ?? "the other configuration")")
        w.element("p", "\(comparison.unchanged) alerts in both; \(comparison.appeared.count) appear and \(comparison.disappeared.count) disappear under \(comparisonName ?? "the other configuration").")
        if let comparisonScore, let score {
            w.element("p", String(format: "This configuration: precision %.3f, recall %.3f. Other: precision %.3f, recall %.3f.", score.precision, score.recall, comparisonScore.precision, comparisonScore.recall))
        }
        w.raw("<table><thead><tr><th></th><th>session</th><th>kind</th><th class=\"n\">seq</th></tr></thead><tbody>")
        let limit = 500
        for key in comparison.appeared.prefix(limit) { comparisonRow(&w, "+ appears", key) }
        for key in comparison.disappeared.prefix(limit) { comparisonRow(&w, "− disappears", key) }
        w.raw("</tbody></table>")
        if comparison.appeared.count > limit || comparison.disappeared.count > limit {
            w.element("p", class: "note", "Only the first \(limit) each way are listed.")
        }
        w.raw("</section>")
    }

    private func comparisonRow(_ w: inout HTMLWriter, _ change: String, _ key: AlertKey) {
        w.open("tr")
        w.element("td", class: change.hasPrefix("+") ? "appears" : "disappears", change)
        w.element("td", key.session)
        w.open("td"); w.element("span", class: "kind", key.kind); w.close("td")
        w.element("td", class: "n", String(key.seq))
        w.close("tr")
    }
}
