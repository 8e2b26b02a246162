import Foundation

/// Holds a replay back to a multiple of event time (`--speed 1x`, `10x`), for demos and for
/// testing consoles against a realistic stream.
///
/// Gaps between events longer than `maxGapSeconds` are shortened to it: recordings of a day
/// have hours between calls, which nobody wants to sit through. The engine still sees the
/// true event times; only the waiting is shortened.
struct Pacer {
    let speed: Double
    let maxGapSeconds: Double
    private var lastTs: Double?
    /// Event time elapsed since the first event, after shortening the long gaps.
    private var paced = 0.0
    private var wallStart = 0.0

    init(speed: Double, maxGapSeconds: Double) {
        self.speed = speed
        self.maxGapSeconds = maxGapSeconds
    }

    /// Sleeps until the event at `ts` is due.
    mutating func wait(forEventAt ts: Double) {
        guard let last = lastTs else {
            lastTs = ts
            wallStart = Date().timeIntervalSince1970
            return
        }
        if ts > last {
            paced += min(ts - last, maxGapSeconds)
            lastTs = ts
        }
        let due = wallStart + paced / speed
        let ahead = due - Date().timeIntervalSince1970
        if ahead > 0.0005 { Thread.sleep(forTimeInterval: ahead) }
    }
}
