import MoodlineEngine

/// A conversation script the simulator replays with fresh session, agent and team ids.
public struct ScriptedConversation: Sendable, Equatable {
    /// The recording it came from, such as `dev-005`.
    public var name: String
    /// The BCP 47 tag the recording carries; nil for code-switching conversations, whose
    /// language the service has to detect.
    public var lang: String?
    public var channel: Channel
    /// What a good monitor should make of it, from the scenario's expectations.
    public var tone: ConversationTone
    /// Seconds from the last turn to the session end.
    public var endGap: Double
    public var turns: [ScriptedTurn]

    public init(name: String, lang: String?, channel: Channel, tone: ConversationTone = .calm, endGap: Double, turns: [ScriptedTurn]) {
        self.name = name
        self.lang = lang
        self.channel = channel
        self.tone = tone
        self.endGap = endGap
        self.turns = turns
    }

    /// The language group `moodline simulate --lang` selects by: `zh` for any Chinese tag,
    /// `en` for any English tag, `mixed` when the recording carries no tag.
    public var languageGroup: String {
        guard let lang else { return "mixed" }
        let primary = lang.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return primary.isEmpty ? "mixed" : primary
    }

    /// Seconds from the session start to its end at the recorded pace.
    public var duration: Double {
        turns.reduce(endGap) { $0 + $1.gap }
    }
}
