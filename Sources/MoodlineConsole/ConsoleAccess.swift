import MoodlineServer

/// Who a request speaks for: a token's holder and what they may see: one team, every team
/// (an operator), or one agent's own conversations (the agent page).
public struct ConsoleAccess: Sendable, Equatable {
    /// Shown in the console and recorded as the actor of acknowledgements and resolutions.
    public var name: String
    /// The one team visible; nil for an operator who sees every team, and for an agent.
    public var team: String?
    /// An agent's token: only items of this agent are visible.
    public var agent: String?

    public init(name: String, team: String?, agent: String? = nil) {
        self.name = name
        self.team = agent == nil ? team : nil
        self.agent = agent
    }

    /// Whether something of `team` and `agent` is visible. Items without a team are for
    /// operators only; an agent sees their own items only.
    public func sees(team other: String?, agent otherAgent: String?) -> Bool {
        if let agent { return agent == otherAgent }
        guard let team else { return true }
        return team == other
    }

    /// An agent's token may not act on tickets or see other agents' calls.
    public var isAgent: Bool { agent != nil }
}

/// Which configured token a request presented, without the secret: the event streams opened
/// with one token share one buffer bound, whoever else holds the same name and team.
public struct TokenID: Hashable, Sendable {
    /// The token's place in the configuration.
    public var index: Int

    public init(index: Int) {
        self.index = index
    }
}

/// The configured tokens, looked up in time independent of where a guess differs.
public struct TokenBook: Sendable {
    private let entries: [(token: [UInt8], access: ConsoleAccess)]

    public init(_ tokens: [ConsoleConfiguration.Token]) {
        entries = tokens.map { token in
            (Array(token.token.utf8), ConsoleAccess(name: token.name, team: token.isAdmin ? nil : token.team, agent: token.agent))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The access a presented token grants, or nil.
    public func access(for presented: some StringProtocol) -> ConsoleAccess? {
        holder(of: presented)?.access
    }

    /// The token presented and the access it grants, or nil.
    public func holder(of presented: some StringProtocol) -> (token: TokenID, access: ConsoleAccess)? {
        let guess = Array(presented.utf8)
        var found: (token: TokenID, access: ConsoleAccess)?
        // Every entry is compared in full, so the time taken says nothing about near misses.
        for (index, entry) in entries.enumerated() where Self.constantTimeEquals(entry.token, guess) {
            found = (TokenID(index: index), entry.access)
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
