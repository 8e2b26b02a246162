/// The web console that `moodline serve` also runs: where it listens and who may use it.
public struct ConsoleConfiguration: Sendable, Codable, Equatable {
    /// One supervisor's (or an operator's) access.
    public struct Token: Sendable, Codable, Equatable {
        /// The secret, sent as `Authorization: Bearer <token>` or `?token=`.
        public var token: String
        /// Who holds it: shown in the console and recorded as the actor of acknowledgements.
        public var name: String
        /// The team whose conversations, alerts and tickets it sees; `*` sees every team. Empty
        /// for an agent's token.
        public var team: String
        /// An agent's token: only that agent's own conversations, alerts and tickets, on the
        /// agent page (`/agent`).
        public var agent: String?

        public init(token: String, name: String, team: String, agent: String? = nil) {
            self.token = token
            self.name = name
            self.team = team
            self.agent = agent
        }

        enum CodingKeys: String, CodingKey {
            case token, name, team, agent
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            token = try c.decode(String.self, forKey: .token)
            name = try c.decode(String.self, forKey: .name)
            agent = try c.decodeIfPresent(String.self, forKey: .agent)
            // An agent's token needs no team: the agent id decides what it sees.
            team = try agent == nil ? c.decode(String.self, forKey: .team) : c.decodeIfPresent(String.self, forKey: .team) ?? ""
        }

        /// Whether it sees every team.
        public var isAdmin: Bool { agent == nil && team == Self.allTeams }

        /// The `team` value of an operator's token.
        public static let allTeams = "*"
    }

    /// Off, `moodline serve` runs no HTTP server at all.
    public var enabled = true
    /// The address to listen on; the default keeps the console on this machine.
    public var host = "127.0.0.1"
    /// The TCP port; 0 picks a free one (the address is printed and logged).
    public var port = 7680
    /// Who may open the console. Empty, the server makes up one admin token at start and
    /// prints the console's address with it, so a demo needs no configuration.
    public var tokens: [Token] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case enabled, host, port, tokens
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ConsoleConfiguration()
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? d.host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? d.port
        tokens = try c.decodeIfPresent([Token].self, forKey: .tokens) ?? d.tokens
    }

    /// Checks what decoding cannot: ports in range, tokens usable and unique.
    public func validate() throws(ConfigurationError) {
        guard (0...65_535).contains(port) else {
            throw ConfigurationError(path: "console.port", message: "\(port) is not a TCP port — use 1 to 65535, or 0 for any free port")
        }
        guard !host.isEmpty else {
            throw ConfigurationError(path: "console.host", message: "is empty — use an address such as 127.0.0.1 or 0.0.0.0")
        }
        var seen = Set<String>()
        for (index, token) in tokens.enumerated() {
            let path = "console.tokens[\(index)]"
            guard token.token.count >= 16 else {
                throw ConfigurationError(path: path, message: "the token of \(token.name) is shorter than 16 characters — use a long random secret (for example `openssl rand -hex 24`)")
            }
            guard !token.name.isEmpty else {
                throw ConfigurationError(path: path, message: "needs a name: it is shown in the console and recorded on acknowledgements")
            }
            if let agent = token.agent {
                guard !agent.isEmpty, token.team != Token.allTeams else {
                    throw ConfigurationError(path: path, message: "an agent's token names one agent id (`agent: a-3`) and no `*` team")
                }
            } else {
                guard !token.team.isEmpty else {
                    throw ConfigurationError(path: path, message: "needs a team: a team id, or \"*\" for every team (or `agent:` for an agent's own page)")
                }
            }
            guard seen.insert(token.token).inserted else {
                throw ConfigurationError(path: path, message: "repeats the token of an earlier entry — give each person their own")
            }
        }
    }
}
