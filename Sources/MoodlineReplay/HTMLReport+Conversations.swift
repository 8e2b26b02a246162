import MoodlineEngine
import MoodlineRedaction

extension HTMLReport {
    func writeConversations(_ w: inout HTMLWriter) {
        w.raw("<section id=\"conversations\"><h2>Conversations</h2>")
        var note = "Each chart shows the smoothed valence (top, −1 to +1) and arousal (bottom, 0 to 1) of the customer and the agent after each of their fragments, over event time; numbered lines mark the alerts, and the transcript beside it highlights the words that drove them."
        if timelines.count >= timelineCap && statistics.sessions > timelines.count {
            note += " Only the first \(timelines.count) of \(ReportFormat.grouped(statistics.sessions)) sessions are drawn (--report-sessions raises the cap); the tables above cover them all."
        }
        w.element("p", class: "note", note)
        w.raw("<p class=\"legend\"><span class=\"sw customer\"></span>customer <span class=\"sw agent\"></span>agent <span class=\"sw sev-bg-info\"></span>info <span class=\"sw sev-bg-warning\"></span>warning <span class=\"sw sev-bg-critical\"></span>critical</p>")
        for t in timelines { writeConversation(&w, t) }
        w.raw("</section>")
    }

    private func writeConversation(_ w: inout HTMLWriter, _ t: SessionTimeline) {
        w.open("article", class: "conv", [("id", HTMLWriter.anchor(t.session))])
        w.open("h3")
        w.text(t.session)
        var meta: [String] = []
        if let agent = t.agent { meta.append("agent \(agent)") }
        if let team = t.team { meta.append("team \(team)") }
        if let channel = t.channel { meta.append(channel.rawValue) }
        if let lang = t.lang { meta.append(lang) }
        if let customer = t.customer { meta.append("customer \(customer)") }
        meta.append(ReportFormat.utc(t.startTs))
        meta.append(String(format: "%.1f min", t.duration / 60))
        if let reason = t.summary?.endReason { meta.append(reason == .ended ? "ended" : reason == .idle ? "ended by idle timeout" : "evicted") }
        w.element("span", class: "meta", meta.joined(separator: " · "))
        w.close("h3")
        w.raw("<div class=\"conv-grid\"><div class=\"chart\">")
        writeTimeline(&w, t)
        writeAlertList(&w, t)
        w.raw("</div>")
        writeTranscript(&w, t)
        w.raw("</div></article>")
    }

    private func writeAlertList(_ w: inout HTMLWriter, _ t: SessionTimeline) {
        guard !t.alerts.isEmpty else {
            w.element("p", class: "note", "No alerts in this conversation.")
            return
        }
        w.raw("<ol class=\"alerts\">")
        for (i, a) in t.alerts.enumerated() {
            w.open("li")
            w.element("span", class: "num sev-bg-\(a.severity.rawValue)", String(i + 1))
            w.element("span", class: "kind sev-\(a.severity.rawValue)", a.kind.rawValue)
            w.text(" \(a.severity.rawValue) · seq \(a.seq) · +\(String(format: "%.0f", a.ts - t.startTs)) s · \(a.speaker.rawValue)")
            if expectations != nil {
                let judgement = labels[a.session]?.judge(kind: a.kind.rawValue, seq: a.seq) ?? .unlabelled
                w.text(" ")
                w.element("span", class: "verdict v-\(judgement.tag)", judgement.text)
            }
            if !a.evidence.isEmpty {
                // The words first: they are what a coach reads; the levels and readings follow.
                w.open("div", class: "evidence")
                let terms = a.evidence.filter { $0.kind == "term" }
                for (j, e) in terms.enumerated() {
                    if j > 0 { w.text(", ") }
                    w.element("b", "\u{201C}\(e.label)\u{201D}")
                    if let seq = e.seq, seq != a.seq { w.text(" (seq \(seq))") }
                }
                let rest = a.evidence.filter { $0.kind != "term" }.map { ReportFormat.evidence($0, alertSeq: a.seq) }
                if !rest.isEmpty {
                    if !terms.isEmpty { w.text(" · ") }
                    w.text(rest.joined(separator: " · "))
                }
                w.close("div")
            }
            w.close("li")
        }
        w.raw("</ol>")
    }

    private func writeTranscript(_ w: inout HTMLWriter, _ t: SessionTimeline) {
        let redactor = Redactor(kinds: Set(engine.sessions.redact))
        // Alert numbers by triggering seq, and the highlighted words by the seq they are in.
        var triggered: [Int64: [(Int, Alert)]] = [:]
        var spans: [Int64: [HighlightSpan]] = [:]
        for (i, a) in t.alerts.enumerated() {
            triggered[a.seq, default: []].append((i + 1, a))
            for e in a.evidence {
                guard let start = e.utf8Start, let end = e.utf8End else { continue }
                spans[e.seq ?? a.seq, default: []].append(HighlightSpan(start: start, end: end, title: "\(i + 1) \(a.kind.rawValue): \(e.label)", severity: a.severity))
            }
        }
        w.raw("<div class=\"transcript\">")
        for line in t.lines {
            let who = line.speaker == .customer ? "customer" : "agent"
            w.open("div", class: "line \(who)\(line.isFinal ? "" : " interim")")
            w.element("span", class: "seq", String(line.seq))
            w.element("span", class: "t", "+" + String(format: "%.0f", line.ts - t.startTs) + "s")
            w.element("span", class: "who", line.speaker == .customer ? "C" : "A")
            w.open("span", class: "text")
            Self.writeHighlighted(&w, line.text, spans[line.seq] ?? [], redactor: redactor)
            if !line.isFinal { w.element("em", " (interim)") }
            for (n, a) in triggered[line.seq] ?? [] {
                w.open("span", class: "tag sev-bg-\(a.severity.rawValue)", [("title", "\(a.kind.rawValue) (\(a.severity.rawValue))")])
                w.text("\(n) \(a.kind.rawValue)")
                w.close("span")
            }
            w.close("span")
            w.close("div")
        }
        if t.omittedLines > 0 {
            w.element("p", class: "note", "… \(t.omittedLines) more fragments not kept for the report.")
        }
        w.raw("</div>")
    }

    /// Words to highlight in one fragment: UTF-8 byte offsets into its text.
    struct HighlightSpan {
        var start: Int
        var end: Int
        var title: String
        var severity: Severity
    }

    /// Writes `text` with the spans wrapped in `<mark>`. Overlapping spans are merged; spans out
    /// of range or not on character boundaries are ignored rather than garbling the text.
    /// Writes `text` with its evidence marked and its personal data masked: `redactor` finds
    /// the data, which is written as its token (`[phone]`); a mark over masked bytes is dropped.
    static func writeHighlighted(_ w: inout HTMLWriter, _ text: String, _ spans: [HighlightSpan], redactor: Redactor) {
        let masked = redactor.redactions(in: text)
        guard !spans.isEmpty || !masked.isEmpty else { return w.text(text) }
        let bytes = Array(text.utf8)
        func boundary(_ i: Int) -> Bool { i == bytes.count || (i < bytes.count && bytes[i] & 0xC0 != 0x80) }
        var valid = spans.filter { s in
            s.start >= 0 && s.start < s.end && s.end <= bytes.count && boundary(s.start) && boundary(s.end)
                && !masked.contains { $0.range.overlaps(s.start..<s.end) }
        }
        valid.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [HighlightSpan] = []
        for s in valid {
            if var last = merged.last, s.start < last.end {
                last.end = max(last.end, s.end)
                if !last.title.contains(s.title) { last.title += "\n" + s.title }
                if s.severity > last.severity { last.severity = s.severity }
                merged[merged.count - 1] = last
            } else {
                merged.append(s)
            }
        }
        // Marks and masks, in order; they never overlap.
        enum Piece { case mark(HighlightSpan), mask(Redaction) }
        let pieces = (merged.map(Piece.mark) + masked.map(Piece.mask)).sorted { a, b in
            func start(_ p: Piece) -> Int { switch p { case .mark(let s): s.start; case .mask(let r): r.range.lowerBound } }
            return start(a) < start(b)
        }
        var cursor = 0
        for piece in pieces {
            switch piece {
            case .mark(let s):
                w.text(String(decoding: bytes[cursor..<s.start], as: UTF8.self))
                w.open("mark", class: "sev-\(s.severity.rawValue)", [("title", s.title)])
                w.text(String(decoding: bytes[s.start..<s.end], as: UTF8.self))
                w.close("mark")
                cursor = s.end
            case .mask(let r):
                w.text(String(decoding: bytes[cursor..<r.range.lowerBound], as: UTF8.self))
                w.text(r.kind.token)
                cursor = r.range.upperBound
            }
        }
        w.text(String(decoding: bytes[cursor...], as: UTF8.self))
    }
}
