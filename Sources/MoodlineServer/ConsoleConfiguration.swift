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
    /// Bytes of events one page's event stream may hold unsent before its oldest are dropped.
    /// 2 MiB: some 6,000 snapshots of about 330 bytes (more than the 4,096 events a stream
    /// held before the bound was in bytes), six seconds of an operator's view of 1,000 calls.
    public var streamBufferBytes = 2 << 20
    /// Bytes the event streams of one token may hold unsent together, however many pages it
    /// has open, before the token's oldest events are dropped. 8 MiB: four full pages, so a
    /// person's few tabs lose nothing more than one would alone, and 300 forgotten tabs hold
    /// 8 MiB rather than hundreds.
    public var tokenBufferBytes = 8 << 20

    /// The least either buffer bound may be: below it one alert with its transcript might not fit.
    public static let minimumBufferBytes = 64 << 10

    public init() {}

    enum CodingKeys: String, CodingKey {
        case enabled, host, port, tokens
        case streamBufferBytes = "stream_buffer_bytes"
        case tokenBufferBytes = "token_buffer_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ConsoleConfiguration()
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? d.host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? d.port
        tokens = try c.decodeIfPresent([Token].self, forKey: .tokens) ?? d.tokens
        streamBufferBytes = try c.decodeIfPresent(Int.self, forKey: .streamBufferBytes) ?? d.streamBufferBytes
        tokenBufferBytes = try c.decodeIfPresent(Int.self, forKey: .tokenBufferBytes) ?? d.tokenBufferBytes
    }

    /// Checks what decoding cannot: ports in range, buffer bounds usable, tokens usable and unique.
    public func validate() throws(ConfigurationError) {
        guard (0...65_535).contains(port) else {
            throw ConfigurationError(path: "console.port", message: "\(port) is not a TCP port — use 1 to 65535, or 0 for any free port")
        }
        guard !host.isEmpty else {
            throw ConfigurationError(path: "console.host", message: "is empty — use an address such as 127.0.0.1 or 0.0.0.0")
        }
        for (key, value) in [("stream_buffer_bytes", streamBufferBytes), ("token_buffer_bytes", tokenBufferBytes)] {
            guard value >= Self.minimumBufferBytes else {
                throw ConfigurationError(
                    path: "console.\(key)",
                    message: "\(value) is below \(Self.minimumBufferBytes) — a page would lose single large events; use at least 65536"
                )
            }
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
