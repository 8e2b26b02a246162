/// One turn of a conversation as kept with an urgent alert: what was said around the
/// trigger, so whoever picks up the ticket sees the context. Its text is redacted.
public struct TranscriptTurn: Sendable, Codable, Equatable {
    public var seq: Int64
    public var ts: Double
    public var speaker: Speaker
    public var text: String

    public init(seq: Int64, ts: Double, speaker: Speaker, text: String) {
        self.seq = seq
        self.ts = ts
        self.speaker = speaker
        self.text = text
    }
}
