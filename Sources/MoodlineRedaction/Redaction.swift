/// One piece of personal data found in a text.
public struct Redaction: Sendable, Hashable {
    public var kind: RedactionKind
    /// Byte offsets into the text's UTF-8, separators and brackets that belong to the match included.
    public var range: Range<Int>

    public init(kind: RedactionKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
