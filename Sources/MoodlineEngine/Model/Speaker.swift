/// Who said a fragment.
public enum Speaker: String, Sendable, Codable, CaseIterable {
    case customer
    case agent
}

/// How the conversation is carried.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case voice
    case chat
}
