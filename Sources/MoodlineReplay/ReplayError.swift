/// A replay that cannot start or cannot write its results, and what to do about it.
///
/// Bad lines inside a recording are never errors: they are counted by reason and the replay
/// goes on. This is for what stops a replay: an input that does not exist, an output that
/// cannot be written, an expectations file that cannot be read.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    /// The file or directory concerned, if any.
    public var path: String?
    /// What went wrong and what to do about it.
    public var message: String

    public init(path: String? = nil, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        guard let path else { return message }
        return "\(path): \(message)"
    }
}
