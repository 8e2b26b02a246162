import Foundation
import MoodlineEngine

extension HTMLReport {
    /// The chart's geometry, in SVG user units.
    private enum Chart {
        static let width = 640.0
        static let left = 40.0
        static let right = 12.0
        static let top = 22.0
        static let valenceHeight = 130.0
        static let gap = 26.0
        static let arousalHeight = 80.0
        static let bottom = 24.0
        static var plotWidth: Double { width - left - right }
        static var arousalTop: Double { top + valenceHeight + gap }
        static var height: Double { arousalTop + arousalHeight + bottom }
    }

    /// One inline SVG: valence above, arousal below, customer and agent lines, alert markers.
    func writeTimeline(_ w: inout HTMLWriter, _ t: SessionTimeline) {
        let span = max(t.duration, 1)
        func x(_ ts: Double) -> Double { Chart.left + (ts - t.startTs) / span * Chart.plotWidth }
        func yValence(_ v: Double) -> Double { Chart.top + (1 - (v + 1) / 2) * Chart.valenceHeight }
        func yArousal(_ a: Double) -> Double { Chart.arousalTop + (1 - a) * Chart.arousalHeight }

        w.raw("<svg class=\"timeline\" viewBox=\"0 0 \(n(Chart.width)) \(n(Chart.height))\" role=\"img\">")
        w.open("title")
        w.text("\(t.session): customer and agent valence and arousal over time, with \(t.alerts.count) alert(s)")
        w.close("title")
        writeFrame(&w, span: span, x: x, yValence: yValence, yArousal: yArousal)

        // Each speaker's line starts with their first fragment: before it the level is only the neutral start.
        for speaker in [Speaker.customer, .agent] {
            let cls = speaker == .customer ? "customer" : "agent"
            guard let first = t.lines.firstIndex(where: { $0.speaker == speaker && $0.point != nil }) else { continue }
            var valence: [(Double, Double)] = []
            var arousal: [(Double, Double)] = []
            var own: [(Double, Double, Double)] = []
            for line in t.lines[first...] {
                guard let p = line.point else { continue }
                let v = Double(speaker == .customer ? p.customerValence : p.agentValence)
                let a = Double(speaker == .customer ? p.customerArousal : p.agentArousal)
                valence.append((x(p.ts), yValence(v)))
                arousal.append((x(p.ts), yArousal(a)))
                if line.speaker == speaker { own.append((x(p.ts), yValence(v), yArousal(a))) }
            }
            polyline(&w, valence, cls: "line \(cls)")
            polyline(&w, arousal, cls: "line \(cls)")
            for (px, pv, pa) in own {
                w.raw("<circle class=\"dot \(cls)\" cx=\"\(n(px))\" cy=\"\(n(pv))\" r=\"2.6\"/>")
                w.raw("<circle class=\"dot \(cls)\" cx=\"\(n(px))\" cy=\"\(n(pa))\" r=\"2.6\"/>")
            }
        }

        for (i, a) in t.alerts.enumerated() {
            let ax = x(a.ts)
            let sev = a.severity.rawValue
            w.raw("<g class=\"marker\">")
            w.open("title")
            w.text("\(i + 1) \(a.kind.rawValue) (\(sev)) at seq \(a.seq), +\(String(format: "%.0f", a.ts - t.startTs)) s")
            w.close("title")
            w.raw("<line class=\"mk sev-stroke-\(sev)\" x1=\"\(n(ax))\" x2=\"\(n(ax))\" y1=\"\(n(Chart.top - 4))\" y2=\"\(n(Chart.arousalTop + Chart.arousalHeight))\"/>")
            // Badges of alerts at (nearly) the same moment sit side by side, not on top of each other.
            let stacked = t.alerts[..<i].filter { abs(x($0.ts) - ax) < 9 }.count
            let cy = Chart.top - 11
            let cx = ax + Double(stacked) * 14
            w.raw("<circle class=\"sev-fill-\(sev)\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"7\"/>")
            w.raw("<text class=\"mknum\" x=\"\(n(cx))\" y=\"\(n(cy + 3.2))\">\(i + 1)</text>")
            w.raw("</g>")
        }
        w.raw("</svg>")
    }

    private func writeFrame(
        _ w: inout HTMLWriter, span: Double, x: (Double) -> Double,
        yValence: (Double) -> Double, yArousal: (Double) -> Double
    ) {
        let x0 = Chart.left, x1 = Chart.width - Chart.right
        w.raw("<rect class=\"panel\" x=\"\(n(x0))\" y=\"\(n(Chart.top))\" width=\"\(n(Chart.plotWidth))\" height=\"\(n(Chart.valenceHeight))\"/>")
        w.raw("<rect class=\"panel\" x=\"\(n(x0))\" y=\"\(n(Chart.arousalTop))\" width=\"\(n(Chart.plotWidth))\" height=\"\(n(Chart.arousalHeight))\"/>")
        for v in [-0.5, 0.5] { hline(&w, yValence(v), x0, x1, cls: "grid") }
        hline(&w, yValence(0), x0, x1, cls: "zero")
        hline(&w, yArousal(0.5), x0, x1, cls: "grid")
        label(&w, "+1", x0 - 5, yValence(1) + 4, anchor: "end")
        label(&w, "0", x0 - 5, yValence(0) + 4, anchor: "end")
        label(&w, "−1", x0 - 5, yValence(-1) + 4, anchor: "end")
        label(&w, "1", x0 - 5, yArousal(1) + 4, anchor: "end")
        label(&w, "0", x0 - 5, yArousal(0) + 4, anchor: "end")
        label(&w, "valence", x0 + 4, Chart.top + 12, anchor: "start", cls: "axis-title")
        label(&w, "arousal", x0 + 4, Chart.arousalTop + 12, anchor: "start", cls: "axis-title")
        let step = Self.tickStep(span)
        var tick = 0.0
        while tick <= span + 0.001 {
            let tx = x0 + tick / span * Chart.plotWidth
            w.raw("<line class=\"tick\" x1=\"\(n(tx))\" x2=\"\(n(tx))\" y1=\"\(n(Chart.arousalTop + Chart.arousalHeight))\" y2=\"\(n(Chart.arousalTop + Chart.arousalHeight + 4))\"/>")
            label(&w, Self.clock(tick), tx, Chart.height - 8, anchor: "middle")
            tick += step
        }
    }

    private func polyline(_ w: inout HTMLWriter, _ points: [(Double, Double)], cls: String) {
        guard !points.isEmpty else { return }
        var s = "<polyline class=\"\(cls)\" points=\""
        for (i, p) in points.enumerated() {
            if i > 0 { s += " " }
            s += n(p.0) + "," + n(p.1)
        }
        s += "\"/>"
        w.raw(s)
    }

    private func hline(_ w: inout HTMLWriter, _ y: Double, _ x0: Double, _ x1: Double, cls: String) {
        w.raw("<line class=\"\(cls)\" x1=\"\(n(x0))\" x2=\"\(n(x1))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>")
    }

    private func label(_ w: inout HTMLWriter, _ text: String, _ x: Double, _ y: Double, anchor: String, cls: String = "axis") {
        w.raw("<text class=\"\(cls)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">")
        w.text(text)
        w.raw("</text>")
    }

    /// A coordinate with one decimal, which is finer than a pixel.
    private func n(_ v: Double) -> String {
        String(format: "%.1f", v)
    }

    /// Seconds between axis ticks: at most about eight ticks.
    static func tickStep(_ span: Double) -> Double {
        for step in [5.0, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400] where span / step <= 8 {
            return step
        }
        return (span / 8).rounded(.up)
    }

    /// `1:05` for 65 seconds; `1:02:05` past an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
