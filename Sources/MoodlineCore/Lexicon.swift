/// A compiled lexicon: entries, their tags, and the matcher over them. Immutable and shared.
public final class Lexicon: Sendable {
    /// Names one entry of the lexicon.
    public struct EntryID: RawRepresentable, Hashable, Sendable {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
    }

    let terms: [String]

    public init() { terms = [] }

    /// The text of an entry, as written in the lexicon file.
    public func term(_ id: EntryID) -> String { terms[Int(id.rawValue)] }

    /// The lexicon built into the binary.
    public static let embedded = Lexicon()
}
