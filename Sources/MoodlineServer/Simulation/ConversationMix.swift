/// How often a simulated centre casts each tone of conversation.
public struct ConversationMix: Sendable, Equatable {
    /// Shares per tone; they need not add up to 1. Nil: every script equally often,
    /// whatever its tone (a load source, where the alerts are the point).
    public var shares: [ConversationTone: Double]?

    public init(shares: [ConversationTone: Double]?) {
        self.shares = shares
    }

    /// Every script equally often: about a third of conversations urgent.
    public static let uniform = ConversationMix(shares: nil)

    /// A centre on an ordinary day: most calls calm, some frustrated, a few urgent.
    public static let realistic = ConversationMix(shares: [.calm: 0.855, .frustrated: 0.12, .urgent: 0.025])

    /// The names `--mix` takes.
    public static let named: [String: ConversationMix] = ["uniform": .uniform, "realistic": .realistic]
}
