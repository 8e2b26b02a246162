import MoodlineEngine

/// A stream of wire events in event-time order that a `Simulator` can push.
public protocol WireEventSource: Sendable {
    /// The next event, or nil when the stream is exhausted.
    mutating func next() -> WireEvent?

    /// Events that cleanly close what `next()` left open when the caller stops early (a
    /// `session_end` per conversation still running); afterwards `next()` returns nil.
    mutating func finish() -> [WireEvent]
}

extension WireEventSource {
    public mutating func finish() -> [WireEvent] { [] }
}
