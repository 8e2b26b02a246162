/// How a scripted conversation goes, as far as alerts are concerned: what the simulator's
/// mix draws by, so a demo centre looks like a real one (mostly calm calls).
public enum ConversationTone: String, Sendable, Equatable, CaseIterable {
    /// Nothing for a supervisor: no alert, or at most an agent-only note.
    case calm
    /// A warning is due: anger, a churn threat, a rude agent.
    case frustrated
    /// A ticket is due: self-harm, abuse, a threat to go to a regulator or the press.
    case urgent
}
