/// Scores fragments of text against a lexicon. Keeps its scratch buffers between calls,
/// so scoring in the steady state allocates nothing: keep one scorer per thread and reuse it.
public struct Scorer: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Scores a fragment. `language` is the caller's tag when known; it is detected otherwise.
    public mutating func score(_ text: String, language: Language? = nil) -> Score {
        Score(language: language ?? .unknown) // placeholder until the core lands
    }
}
