import MoodlineCore
import MoodlineEngine

/// One turn of a library conversation: what a gateway would send, minus the ids and times
/// that each simulated run assigns afresh.
public struct ScriptedTurn: Sendable, Equatable {
    public var speaker: Speaker
    /// Seconds since the previous turn; for the first turn, since the session start.
    public var gap: Double
    public var text: String
    /// False for an interim recogniser result that the next turn replaces.
    public var isFinal: Bool
    /// Raw prosody readings (voice only).
    public var prosody: ProsodyReading?

    public init(speaker: Speaker, gap: Double, text: String, isFinal: Bool = true, prosody: ProsodyReading? = nil) {
        self.speaker = speaker
        self.gap = gap
        self.text = text
        self.isFinal = isFinal
        self.prosody = prosody
    }
}
