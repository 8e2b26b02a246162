/// Why recorded conversations could not be loaded.
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (and line, when it is about one message).
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
