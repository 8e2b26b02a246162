/// A store operation that failed, with what to do about it.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The database file could not be opened or created.
        case cannotOpen = "cannot_open"
        /// The file exists but is not an SQLite database.
        case notADatabase = "not_a_database"
        /// The file was written by a newer Moodline with a schema this one does not know.
        case newerSchema = "newer_schema"
        /// No ticket has this key.
        case notFound = "not_found"
        /// The ticket is resolved already.
        case alreadyResolved = "already_resolved"
        /// The ticket's status does not allow this action.
        case invalidTransition = "invalid_transition"
        /// An argument is out of range (empty actor, non-finite time, limit below 1).
        case invalidArgument = "invalid_argument"
        /// A stored row holds a value this version cannot read.
        case unreadableRow = "unreadable_row"
        /// SQLite reported an error (disk full, I/O error, locked too long).
        case database = "database"
    }

    public var code: Code
    /// What went wrong and what to do.
    public var message: String
    /// The database file, when the error concerns it.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
