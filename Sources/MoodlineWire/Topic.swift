import MoodlineEngine

/// A PUB/SUB topic: the first frame of every published message.
///
/// Subscriptions match by byte prefix, so `agent/a-1` also matches `agent/a-10`; a
/// subscriber that wants exactly one id compares the received topic (or subscribes to
/// the topic followed by nothing and checks equality).
public struct Topic: Sendable, Hashable, CustomStringConvertible {
    /// The topic's UTF-8 bytes, as sent.
    public let bytes: [UInt8]

    public init(_ string: String) { bytes = Array(string.utf8) }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Warnings for one agent's desktop: `agent/<id>`.
    public static func agent(_ id: String) -> Topic { Topic("agent/" + id) }
    /// Everything for a supervisor's team console: `team/<id>`.
    public static func team(_ id: String) -> Topic { Topic("team/" + id) }
    /// Urgent tickets by severity: `ticket/<severity>`.
    public static func ticket(_ severity: Severity) -> Topic { Topic("ticket/" + severity.rawValue) }
    /// Everything about one conversation: `session/<id>`.
    public static func session(_ id: String) -> Topic { Topic("session/" + id) }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
