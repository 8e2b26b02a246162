import Foundation
import MoodlineEngine

/// How the report, the CSV files and the stdout summary write times, numbers and evidence.
enum ReportFormat {
    /// `2025-11-21 04:40:05Z` for an event time.
    static func utc(_ ts: Double) -> String {
        guard ts.isFinite, abs(ts) < 1e15 else { return "" }
        var t = time_t(Int(ts.rounded(.down)))
        var parts = tm()
        gmtime_r(&t, &parts)
        var s = padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-" + padded(Int(parts.tm_mday), 2)
        s += " " + padded(Int(parts.tm_hour), 2) + ":" + padded(Int(parts.tm_min), 2) + ":" + padded(Int(parts.tm_sec), 2) + "Z"
        return s
    }

    /// `x` with exactly `digits` decimals, without `String(format:)`, which is slow on Linux
    /// and the CSV tables write hundreds of thousands of numbers.
    static func decimal(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return String(x) }
        let units = Int(scaled)
        let whole = units / Int(scale)
        let fraction = units % Int(scale)
        var s = units == 0 || x >= 0 ? "" : "-"
        s += String(whole)
        if digits > 0 { s += "." + padded(fraction, digits) }
        return s
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `+0.25` / `-0.40`, or an en dash when absent.
    static func signed(_ x: Double?, digits: Int = 2) -> String {
        guard let x else { return "–" }
        let s = decimal(x, digits: digits)
        return s.hasPrefix("-") ? s : "+" + s
    }

    static func fixed(_ x: Double?, digits: Int = 2) -> String {
        guard let x else { return "–" }
        return decimal(x, digits: digits)
    }

    static func percent(_ x: Double?) -> String {
        guard let x else { return "–" }
        return String(format: "%.0f%%", x * 100)
    }

    /// A number with thousands separators: `1,000,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// One piece of evidence as a person reads it: `term "废物" -0.80`, `prosody energy_z +1.50`;
    /// the fragment is named only when it is not the alert's own (`seq` differs from `alertSeq`).
    static func evidence(_ e: Evidence, alertSeq: Int64? = nil) -> String {
        var s = e.kind == "term" ? "\(e.kind) \"\(e.label)\"" : "\(e.kind) \(e.label)"
        if let v = e.value { s += " " + signed(v) }
        if let seq = e.seq, seq != alertSeq { s += " (seq \(seq))" }
        return s
    }
}
