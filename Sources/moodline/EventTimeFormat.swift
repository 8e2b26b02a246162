#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Event times as people read them, in local time. A stored time no calendar can show (a peer
/// sent `ts` 1e300, or NaN reached a file) is printed as the number it is: never a trap.
enum EventTimeFormat {
    /// 0001-01-01 to 9999-12-31, in seconds since the epoch: what the formats below can show.
    static let printable: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799

    static func parts(_ ts: Double) -> tm? {
        guard ts.isFinite, printable.contains(ts) else { return nil }
        var seconds = time_t(ts.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        return parts
    }

    /// `HH:MM:SS`.
    static func clock(_ ts: Double) -> String {
        guard let p = parts(ts) else { return unprintable(ts) }
        return String(format: "%02d:%02d:%02d", p.tm_hour, p.tm_min, p.tm_sec)
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func dateTime(_ ts: Double) -> String {
        guard let p = parts(ts) else { return unprintable(ts) }
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec)
    }

    /// `YYYY-MM-DD HH:MM`.
    static func dateMinute(_ ts: Double) -> String {
        guard let p = parts(ts) else { return unprintable(ts) }
        return String(format: "%04d-%02d-%02d %02d:%02d", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min)
    }

    /// Time left by the wall clock (`due in 4m05s`, `overdue 12s`); far from now (a replayed
    /// recording's event time), the deadline's date and time instead.
    static func countdown(to deadline: Double, now: Double) -> String {
        let left = deadline - now
        guard left.isFinite else { return "due \(unprintable(deadline))" }
        if abs(left) > 86_400 { return "due " + dateMinute(deadline) }
        let span = Int(abs(left).rounded())
        let text = span >= 3600
            ? String(format: "%dh%02dm", span / 3600, span % 3600 / 60)
            : span >= 60 ? String(format: "%dm%02ds", span / 60, span % 60) : "\(span)s"
        return left >= 0 ? "due in \(text)" : "overdue \(text)"
    }

    static func unprintable(_ ts: Double) -> String { "t=\(ts) (not a printable time)" }
}
