/// The conversation scripts a `SimulatedStream` draws from.
public struct ConversationLibrary: Sendable, Equatable {
    /// The language groups `filtered(languages:)` understands.
    public static let languageGroups: Set<String> = ["zh", "en", "mixed"]

    public var conversations: [ScriptedConversation]

    public init(conversations: [ScriptedConversation]) {
        self.conversations = conversations
    }

    /// The conversations whose `languageGroup` is in `languages`; all of them when `languages` is nil.
    public func filtered(languages: Set<String>?) -> ConversationLibrary {
        guard let languages else { return self }
        return ConversationLibrary(conversations: conversations.filter { languages.contains($0.languageGroup) })
    }
}
