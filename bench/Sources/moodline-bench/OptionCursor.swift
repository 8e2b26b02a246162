/// Walks a subcommand's `--option [value]` arguments: each option parser asks for the next
/// option and, when it takes one, its value.
struct OptionCursor {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let arguments: [String]
    private var index = 0

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    /// The next option, or nil at the end.
    mutating func next() -> String? {
        guard index < arguments.count else { return nil }
        defer { index += 1 }
        return arguments[index]
    }

    /// The value after `option`, which `next()` just returned.
    mutating func value(of option: String) throws -> String {
        guard let value = next() else { throw Failure(description: "\(option) needs a value") }
        return value
    }

    static func unknown(_ option: String) -> Failure { Failure(description: "unknown option \(option)") }
}
