/// The text of one lexicon file and its name, as read by whoever does the I/O.
public struct LexiconSource: Sendable, Equatable {
    /// The file name, such as `zh-sentiment.tsv` or `hant-hans.map`; its extension says how to read it.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Whether this is a script map (`*.map`) rather than a list of entries (`*.tsv`).
    var isScriptMap: Bool { name.hasSuffix(".map") }

    /// Whether this is a list of patterns over concepts (`*.patterns`).
    var isPatternFile: Bool { name.hasSuffix(".patterns") }

    /// Whether this is the learned category layer's weights (`*.model`).
    var isModelFile: Bool { name.hasSuffix(".model") }
}
