import MoodlineEngine

/// One-call encoders for cold paths and tests. Hot paths keep a `JSONWriter` per thread
/// and call its `write` methods, which reuse the buffer.
public enum WireEncoder {
    /// The message as wire schema v1 JSON.
    public static func encode(_ event: WireEvent) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(event)
        return writer.bytes
    }

    /// The alert as consoles receive it.
    public static func encode(_ alert: Alert) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(alert)
        return writer.bytes
    }

    /// The session summary with snake_case keys.
    public static func encode(_ summary: SessionSummary) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(summary)
        return writer.bytes
    }
}
