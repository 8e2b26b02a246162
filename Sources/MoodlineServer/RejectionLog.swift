import Logging
import MoodlineEngine

/// Logs rejections without flooding: at most a few per reason per minute, then a count of the rest.
struct RejectionLog {
    let logger: Logger
    let perMinute: Int
    private var windowStart = 0.0
    private var logged: [RejectionReason: Int] = [:]
    private var suppressed: [RejectionReason: Int] = [:]

    init(logger: Logger, perMinute: Int) {
        self.logger = logger
        self.perMinute = perMinute
    }

    /// - Parameter excerpt: The message's first bytes, when excerpts are wanted in logs; masked
    ///   and escaped here. The detail may quote the peer too, so it is escaped as well.
    mutating func record(_ rejection: Rejection, now: Double, excerpt: @autoclosure () -> String?) {
        if now - windowStart >= 60 { rollOver(now: now) }
        let count = logged[rejection.reason, default: 0]
        if count < perMinute {
            logged[rejection.reason] = count + 1
            var metadata: Logger.Metadata = [
                "reason": .string(rejection.reason.rawValue),
                "detail": .string(LogText.safe(String(describing: rejection.detail))),
            ]
            if let excerpt = excerpt() { metadata["message"] = .string(LogText.safe(excerpt)) }
            logger.warning("rejected message", metadata: metadata)
        } else {
            suppressed[rejection.reason, default: 0] += 1
        }
    }

    private mutating func rollOver(now: Double) {
        for (reason, count) in suppressed where count > 0 {
            logger.warning("more rejections not logged", metadata: ["reason": .string(String(describing: reason.rawValue)), "count": .string(String(describing: count))])
        }
        suppressed.removeAll(keepingCapacity: true)
        logged.removeAll(keepingCapacity: true)
        windowStart = now
    }
}
