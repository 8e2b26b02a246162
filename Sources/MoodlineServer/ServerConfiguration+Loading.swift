import Foundation
import MoodlineEngine
import Yams

extension ServerConfiguration {
    /// Reads a YAML configuration file; keys left out keep their defaults. `overrides` are
    /// `dotted.key=value` pairs applied on top (`engine.rules.customer_negative.enter=-0.3`).
    public static func load(path: String?, overrides: [String] = []) throws(ConfigurationError) -> ServerConfiguration {
        var text = "{}"
        if let path {
            guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(path: path, message: "cannot read the file; check the path and that it is UTF-8 text")
            }
            text = contents
        }
        let where_ = path ?? "--set"
        var node: Node
        do {
            node = try Yams.compose(yaml: text) ?? Node.mapping([:])
        } catch {
            throw ConfigurationError(path: where_, message: "not valid YAML: \(error)")
        }
        for override in overrides {
            guard let eq = override.firstIndex(of: "="), eq != override.startIndex else {
                throw ConfigurationError(path: "--set", message: "`\(override)` is not key=value (for example engine.rules.abuse.cooldown_seconds=60)")
            }
            let key = override[..<eq].split(separator: ".").map(String.init)
            let value = String(override[override.index(after: eq)...])
            let scalar: Node = (try? Yams.compose(yaml: value)) ?? nil ?? Node(value)
            node = Self.setting(node, at: key[...], to: scalar)
        }
        let unknown = ConfigurationKeys.unknownKeys(in: node)
        guard unknown.isEmpty else { throw ConfigurationError(path: where_, problems: unknown) }
        do {
            let configuration = try YAMLDecoder().decode(ServerConfiguration.self, from: node)
            try configuration.engine.validate()
            try configuration.console.validate()
            try configuration.retention.validate()
            try configuration.curve.validate()
            return configuration
        } catch let error as ConfigurationError {
            throw error
        } catch let error as DecodingError {
            throw ConfigurationError(path: where_, problems: [Self.problem(error, in: node)])
        } catch {
            throw ConfigurationError(path: where_, message: "\(error)")
        }
    }

    /// A decoding error in plain words: the key, what was expected, the value found and its line.
    private static func problem(_ error: DecodingError, in root: Node) -> ConfigurationProblem {
        let context: DecodingError.Context
        var expected = ""
        switch error {
        case .typeMismatch(let type, let c):
            context = c
            expected = "expected \(Self.describe(type))"
        case .valueNotFound(let type, let c):
            context = c
            expected = "expected \(Self.describe(type)), found nothing"
        case .keyNotFound(let key, let c):
            context = c
            expected = "missing `\(key.stringValue)`"
        case .dataCorrupted(let c):
            context = c
            expected = c.debugDescription
        @unknown default:
            return ConfigurationProblem(line: nil, key: "", message: "\(error)")
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let found = ConfigurationKeys.node(at: path, in: root)
        var message = expected
        if case .typeMismatch = error, let found {
            message += ", found " + (found.scalar.map { "`\($0.string)`" } ?? (found.sequence != nil ? "a list" : "a mapping"))
        }
        return ConfigurationProblem(line: found?.mark?.line, key: path.joined(separator: "."), message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int32.Type, is UInt16.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: "\(type)".hasPrefix("Array") ? "a list" : "a mapping"
        }
    }

    private static func setting(_ node: Node, at key: ArraySlice<String>, to value: Node) -> Node {
        guard let first = key.first else { return value }
        var mapping = node.mapping ?? Node.Mapping([])
        let child = mapping[Node(first)] ?? Node.mapping([:])
        mapping[Node(first)] = setting(child, at: key.dropFirst(), to: value)
        return Node.mapping(mapping)
    }

    /// The documented defaults, as `moodline config --defaults` prints them.
    public static var documentedDefaultsYAML: String {
        let d = ServerConfiguration()
        let engine = EngineConfig.documentedDefaultsYAML
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
        var tiers = ""
        for tier in d.escalation.tiers {
            tiers += "    - name: \(tier.name)\n      acknowledge_within_s: \(Int(tier.acknowledgeWithin))\n"
        }
        return """
        # Moodline configuration. Every key is optional: what is left out keeps the value shown.
        # Start with `moodline serve --config FILE`; override one key with `--set key=value`.

        # Where gateways PUSH fragments (Moodline PULLs). tcp://HOST:PORT or ipc:///path.
        ingest: \(d.ingest)
        # Where warnings, tickets and session snapshots are PUBlished (topics agent/<id>,
        # team/<id>, ticket/<severity>, session/<id>).
        publish: \(d.publish)
        # Where consoles send JSON commands (REQ/REP): tickets, ack, resolve, sessions, stats.
        control: \(d.control)
        # The SQLite file for tickets, alerts and session summaries (WAL mode).
        database: \(d.database)
        # full: every commit is synced to disk and survives a power loss. normal: commits
        # survive the process dying, but a power loss may drop the last ones; faster.
        durability: \(d.durability.rawValue)
        # A directory of lexicon files to use instead of the built-in ones (see lexicons/README.md).
        # lexicons: ./lexicons
        # Messages queued per socket before ZeroMQ pushes back on senders.
        high_water_mark: \(d.highWaterMark)
        # Most messages per batch; one database transaction per batch.
        batch_size: \(d.batchSize)
        # Seconds between escalation checks and idle-session sweeps.
        tick_seconds: \(d.tickSeconds)
        # Rejected messages logged per reason per minute; the rest are counted only.
        rejection_logs_per_minute: \(d.rejectionLogsPerMinute)
        # Put a rejected message's first 160 bytes in its log line, with phone numbers, e-mail
        # addresses, card, ID and account numbers masked and control characters escaped.
        log_excerpts: \(d.logExcerpts)
        # A message whose ts is further than this from the server's clock is rejected
        # (ts_out_of_range), so one gateway's bad clock cannot move deadlines for everyone.
        event_time:
          max_ahead_seconds: \(Int(d.eventTime.maxAheadSeconds ?? 0))   # null: no limit
          max_behind_seconds: \(Int(d.eventTime.maxBehindSeconds ?? 0))   # ten years: only the absurd (ts 0); recordings may be pushed; null: no limit
        # Alerts, session summaries, resolved tickets with their history, feedback and speakers'
        # baselines older than this are pruned (also `moodline db prune`); open tickets never are.
        retention:
          max_age_days: \(Int(d.retention.maxAgeDays))                 # 0 keeps everything
          interval_seconds: \(Int(d.retention.intervalSeconds))       # between serve's prunes

        # The supervisor console: a web page, a REST API (/api/v1), server-sent events,
        # /metrics (Prometheus) and /healthz, on http://HOST:PORT.
        console:
          enabled: \(d.console.enabled)
          host: \(d.console.host)
          port: \(d.console.port)      # 0 picks a free port
          # Bytes of events a page's event stream may hold unsent (a slow or hidden page), and
          # all the pages of one token together; beyond either the oldest are dropped, counted
          # in /metrics, and the page is told to re-read the state.
          stream_buffer_bytes: \(d.console.streamBufferBytes)   # 2 MiB
          token_buffer_bytes: \(d.console.tokenBufferBytes)    # 8 MiB
          # Each token sees one team's conversations, alerts and tickets ("*": every team).
          # With no tokens, the server makes up an admin token at start and prints the address.
          tokens: []
          # tokens:
          #   - token: 7c1e0c5b2f9a4d8e9b3a61f0d2c4e8aa   # a long random secret
          #     name: Lin Wei
          #     team: t-7
          #   - token: 0f3b8d1e6a2c4b9f8e7d6c5b4a39281f
          #     name: duty manager
          #     team: "*"

        # ZeroMQ CURVE on ingest, publish and control: encrypted, and only the listed keys
        # connect, each to the sockets listed for it. Off while server_secret_key is empty
        # (plain sockets: keep them on loopback). Changing a ticket over the control socket needs
        # it: the name a key is listed under is recorded as who acted. Keys: moodline keys generate.
        curve:
          server_secret_key: ""
          clients: []
          # clients:
          #   - name: gateway-east
          #     public_key: "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"
          #     sockets: [ingest]
          #   - name: Lin Wei
          #     public_key: "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
          #     sockets: [control, publish]

        # Urgent tickets: who is paged, and how long each tier has to acknowledge before the
        # next one is. At the end of the chain the ticket is re-published every last interval.
        escalation:
          ticket_severities: [critical]
          tiers:
        \(tiers)
        # Scoring and alert rules.
        engine:
        \(engine)
        """
    }
}

/// A configuration that cannot be used, and why: every problem found, each with its line.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var problems: [ConfigurationProblem]

    public init(path: String, message: String) {
        self.path = path
        self.message = message
        self.problems = []
    }

    public init(path: String, problems: [ConfigurationProblem]) {
        self.path = path
        self.problems = problems
        self.message = problems.map(\.description).joined(separator: "; ")
    }

    public var description: String {
        guard !problems.isEmpty else { return "\(path): \(message)" }
        return problems.map { p in
            let place = p.line.map { "\(path):\($0)" } ?? (path == "--set" ? "--set" : "\(path) (from --set)")
            return "\(place): \(p)"
        }.joined(separator: "\n")
    }
}
