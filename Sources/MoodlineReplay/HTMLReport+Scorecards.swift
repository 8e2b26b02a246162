import MoodlineEngine

extension HTMLReport {
    /// Scorecards shown in the report; all of them go to agents.csv.
    static let scorecardLimit = 1_000

    func writeScorecards(_ w: inout HTMLWriter) {
        w.raw("<section id=\"agents\"><h2>Agent scorecards</h2>")
        w.element("p", class: "note", "Recovery is the customer's valence over the last three customer fragments minus the first few, averaged over the agent's conversations: above zero, customers left happier than they came. Composure is the share of conversations without an agent_stress or agent_misconduct alert; agent valence and peak arousal are per-conversation means. Valence runs from −1 to +1, arousal from 0 to 1.")
        w.raw("<div class=\"cards\">")
        for card in scorecards.prefix(Self.scorecardLimit) { writeScorecard(&w, card) }
        w.raw("</div>")
        if scorecards.count > Self.scorecardLimit {
            w.element("p", class: "note", "\(scorecards.count - Self.scorecardLimit) more agents are in agents.csv (--csv).")
        }
        w.raw("</section>")
    }

    private func writeScorecard(_ w: inout HTMLWriter, _ card: AgentScorecard) {
        w.raw("<div class=\"card scorecard\">")
        w.open("h3")
        w.text(card.agent)
        if let team = card.team { w.element("span", class: "team", team) }
        w.close("h3")
        w.raw("<table class=\"kv\"><tbody>")
        w.raw("<tr><th>conversations</th><td>")
        w.text(String(card.conversations))
        if card.isLowSample {
            w.text(" ")
            w.element("span", class: "few", "few conversations: recovery and composure say little yet")
        }
        w.raw("</td></tr>")
        w.raw("<tr><th>customer start → end</th><td>")
        w.text("\(ReportFormat.signed(card.customerValenceStart)) → \(ReportFormat.signed(card.customerValenceEnd)) ")
        let recovery = card.customerRecovery
        let tone = (recovery ?? 0) > 0.05 ? "good" : (recovery ?? 0) < -0.05 ? "bad" : "flat"
        w.element("span", class: "pill \(tone)", "recovery \(ReportFormat.signed(recovery))")
        w.raw("</td></tr>")
        w.raw("<tr><th>composure</th><td>")
        let composure = card.composure ?? 1
        w.element("span", class: "pill \(composure >= 0.999 ? "good" : composure >= 0.75 ? "flat" : "bad")", ReportFormat.percent(card.composure))
        w.text(" of conversations calm · valence \(ReportFormat.signed(card.agentValenceMean)) · peak arousal \(ReportFormat.fixed(card.agentArousalPeakMean))")
        w.raw("</td></tr>")
        row(&w, "interruptions", String(card.interruptions))
        w.raw("<tr><th>alerts</th><td>")
        if card.alerts == 0 {
            w.text("none")
        } else {
            for kind in AlertKind.allCases {
                guard let n = card.alertsByKind[kind], n > 0 else { continue }
                w.element("span", class: "kind sev-\(engine.severity(of: kind).rawValue)", "\(kind.rawValue) \(n)")
                w.raw(" ")
            }
        }
        w.raw("</td></tr></tbody></table></div>")
    }

    func writeSessions(_ w: inout HTMLWriter) {
        w.raw("<section id=\"sessions\"><h2>Sessions</h2>")
        if statistics.sessions > sessionRows.count {
            w.element("p", class: "note", "The first \(ReportFormat.grouped(sessionRows.count)) of \(ReportFormat.grouped(statistics.sessions)) sessions to end are listed, by start time; sessions.csv (--csv) has them all.")
        }
        w.raw("<table class=\"sessions\"><thead><tr><th>session</th><th>agent</th><th>team</th><th>channel</th><th>start (UTC)</th><th class=\"n\">min</th><th class=\"n\">fragments</th><th class=\"n\">customer start</th><th class=\"n\">customer end</th><th class=\"n\">agent valence</th><th>alerts</th></tr></thead><tbody>")
        let drawn = Set(timelines.map(\.session))
        for s in sessionRows.sorted(by: { ($0.startTs, $0.session) < ($1.startTs, $1.session) }) {
            w.open("tr")
            w.open("td")
            if drawn.contains(s.session) {
                w.open("a", [("href", "#" + HTMLWriter.anchor(s.session))])
                w.text(s.session)
                w.close("a")
            } else {
                w.text(s.session)
            }
            w.close("td")
            w.element("td", s.agent ?? "–")
            w.element("td", s.team ?? "–")
            w.element("td", s.channel?.rawValue ?? "–")
            w.element("td", ReportFormat.utc(s.startTs))
            w.element("td", class: "n", String(format: "%.1f", (s.endTs - s.startTs) / 60))
            w.element("td", class: "n", String(s.fragments))
            w.element("td", class: "n", ReportFormat.signed(s.customerValenceStart))
            w.element("td", class: "n", ReportFormat.signed(s.customerValenceEnd))
            w.element("td", class: "n", ReportFormat.signed(s.agentValenceMean))
            w.open("td")
            for kind in AlertKind.allCases {
                guard let n = s.alerts[kind.rawValue], n > 0 else { continue }
                w.element("span", class: "kind sev-\(engine.severity(of: kind).rawValue)", n > 1 ? "\(kind.rawValue) ×\(n)" : kind.rawValue)
                w.raw(" ")
            }
            w.close("td")
            w.close("tr")
        }
        w.raw("</tbody></table></section>")
    }
}
