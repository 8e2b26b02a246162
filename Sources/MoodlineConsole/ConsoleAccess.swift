import MoodlineServer

/// Who a request speaks for: a token's holder and the team they may see.
public struct ConsoleAccess: Sendable, Equatable {
    /// Shown in the console and recorded as the actor of acknowledgements and resolutions.
    public var name: String
    /// The one team visible; nil for an operator who sees every team.
    public var team: String?

    public init(name: String, team: String?) {
        self.name = name
        self.team = team
    }

    /// Whether something of `team` is visible. Items without a team are for operators only.
    public func sees(team other: String?) -> Bool {
        guard let team else { return true }
        return team == other
    }
}

/// The configured tokens, looked up in time independent of where a guess differs.
public struct TokenBook: Sendable {
    private let entries: [(token: [UInt8], access: ConsoleAccess)]

    public init(_ tokens: [ConsoleConfiguration.Token]) {
        entries = tokens.map { token in
            (Array(token.token.utf8), ConsoleAccess(name: token.name, team: token.isAdmin ? nil : token.team))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The access a presented token grants, or nil.
    public func access(for presented: some StringProtocol) -> ConsoleAccess? {
        let guess = Array(presented.utf8)
        var found: ConsoleAccess?
        // Every entry is compared in full, so the time taken says nothing about near misses.
        for entry in entries where Self.constantTimeEquals(entry.token, guess) {
            found = entry.access
        }
        return found
    }

    private static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
