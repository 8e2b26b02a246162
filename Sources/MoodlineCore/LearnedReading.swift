/// What the learned layer reads in a fragment, by who said it.
public enum LearnedReading: Sendable {
    /// A customer's line: the risk categories, and the lean of a Chinese line with no
    /// sentiment word.
    case customer
    /// An agent's line: misconduct (``Category/rude``) only. The risk columns learned what
    /// customers say and are no judge of an agent's words.
    case agent
    /// The rules alone.
    case off
}
