import MoodlineCore

/// What an alert means for the agent, in plain words, and what to do next: the text agent
/// desktops show instead of kind names and scores. Configuration, per kind and language.
public struct AlertGuidance: Sendable, Codable, Equatable {
    /// What is going on ("The customer mentions a regulator").
    public var cue: String
    /// What to do now ("Acknowledge, take ownership, offer a supervisor").
    public var next: String
    /// The language of the text: `en`, `zh-Hans` or `zh-Hant`.
    public var lang: String

    public init(cue: String, next: String, lang: String) {
        self.cue = cue
        self.next = next
        self.lang = lang
    }
}

/// The languages guidance is written in.
public enum GuidanceLanguage: String, Sendable, CaseIterable, CodingKey {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"

    /// The language an agent reads: English for English text; for Chinese, traditional
    /// characters (Taiwan, Hong Kong) when the session's tag or the text's script says so.
    static func of(_ language: Language?, traditional: Bool) -> GuidanceLanguage {
        switch language {
        case .english: .en
        case .chinese, .mixed: traditional ? .zhHant : .zhHans
        case .unknown, nil: traditional ? .zhHant : .en
        }
    }
}
