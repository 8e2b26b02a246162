/// Why a wire message was rejected. Each reason is counted separately.
public enum RejectionReason: String, Sendable, Codable, CaseIterable {
    /// Not parseable as JSON.
    case badJSON = "bad_json"
    /// The text is not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// A field has the wrong JSON type or an out-of-range value.
    case wrongType = "wrong_type"
    /// A required field is absent.
    case missingField = "missing_field"
    /// `type` names no known message.
    case unknownType = "unknown_type"
    /// `speaker` is neither `customer` nor `agent`.
    case unknownSpeaker = "unknown_speaker"
    /// The message or its text is over the configured size.
    case oversized = "oversized"
    /// `seq` is not greater than the last final fragment's of this session.
    case seqNotIncreasing = "seq_not_increasing"
    /// The very same message was seen already (dropped idempotently).
    case duplicate = "duplicate"
    /// `ts` is too far ahead of the server's clock, or too old, to be a live conversation's
    /// (see `event_time` in the configuration); one such message must not move the clock.
    case tsOutOfRange = "ts_out_of_range"
    /// A ZeroMQ message of several frames: a gateway sends one JSON object in one frame.
    case multipart = "multipart"
}

/// A rejected message: the reason and a short human-readable detail (such as the field name).
public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: RejectionReason
    public var detail: String

    public init(_ reason: RejectionReason, _ detail: String = "") {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? reason.rawValue : "\(reason.rawValue): \(detail)" }
}
