import ArgumentParser
import Foundation
import Logging
import MoodlineConsole
import MoodlineServer
import MoodlineWire

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the live pipeline: ZeroMQ in, alerts and urgent tickets out.",
        discussion: """
        With no options it runs on its embedded defaults: PULL on tcp://127.0.0.1:7601, PUB on \
        tcp://127.0.0.1:7602, control REP on tcp://127.0.0.1:7603, tickets in ./moodline.db, and the \
        supervisor console on http://127.0.0.1:7680 (its address, with an access token, is printed at \
        start). `moodline config --defaults` prints every setting. Stop it with Ctrl-C (SIGINT) or SIGTERM.
        """
    )

    @Option(help: "A YAML configuration file (see `moodline config --defaults`).")
    var config: String?

    @Option(name: .customLong("set"), help: "Override one setting: key=value, dotted keys (engine.rules.abuse.cooldown_seconds=60). Repeatable.")
    var overrides: [String] = []

    @Option(help: "Override the ingest endpoint.")
    var ingest: String?

    @Option(help: "Override the publish endpoint.")
    var publish: String?

    @Option(help: "Override the control endpoint.")
    var control: String?

    @Option(help: "Override the database file.")
    var database: String?

    @Option(help: "Override the console's HTTP port (0 picks a free one).")
    var consolePort: Int?

    @Flag(help: "Run without the web console and its HTTP API.")
    var noConsole = false

    @Flag(help: "Also feed the service simulated conversations in Chinese and English (a demo and load source).")
    var simulate = false

    @Option(help: "With --simulate: fragments per second, faster than life (default: conversations at their own pace, event time in step with the clock).")
    var simulateRate: Double?

    @Option(help: ArgumentHelp("With --simulate: realistic (most calls calm, a few urgent) or uniform (every script alike).", valueName: "mix"))
    var simulateMix: String = "realistic"

    @Option(help: "With --simulate: concurrent conversations.")
    var simulateSessions: Int = 16

    @Option(help: "With --simulate: random seed, for a reproducible stream.")
    var simulateSeed: UInt64 = 1

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        if let simulateRate, !(simulateRate > 0 && simulateRate.isFinite) {
            throw ValidationError("--simulate-rate must be a positive number of fragments a second")
        }
        if ConversationMix.named[simulateMix] == nil {
            throw ValidationError("unknown --simulate-mix '\(simulateMix)'; use realistic or uniform")
        }
    }

    func run() throws {
        // A configuration error is no usage error: it is printed alone, every problem with its line.
        var configuration = try ServerConfiguration.load(path: config, overrides: overrides)
        if let ingest { configuration.ingest = ingest }
        if let publish { configuration.publish = publish }
        if let control { configuration.control = control }
        if let database { configuration.database = database }
        if let consolePort { configuration.console.port = consolePort }
        if noConsole { configuration.console.enabled = false }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "moodline")
        ShutdownSignal.install()
        // With CURVE on, the demo feed needs a key like any gateway: one for this run only.
        var simulatorKeys: CurveClientKeys?
        if simulate, let serverKeys = configuration.curve.serverKeys {
            let keys = try CurveKeyPair.generate()
            configuration.curve.clients.append(.init(name: "simulator", publicKey: keys.publicKey, sockets: [.ingest]))
            simulatorKeys = CurveClientKeys(keys: keys, serverPublicKey: serverKeys.publicKey)
        }

        let context = try ZMQContext()
        let server: Server
        do {
            server = try Server(configuration: configuration, context: context, logger: logger)
        } catch {
            throw Self.startFailure("cannot start: \(error)")
        }
        let console = try startConsole(configuration.console, server: server, logger: logger)
        var simulator: SimulatorHandle?
        do {
            try server.run { server in
                print("Moodline is running. Gateways push to \(server.boundIngest); subscribe to \(server.boundPublish);")
                print("tickets: `moodline tickets list`  alerts: `moodline tail`  control: \(server.boundControl)")
                if let console { print("Console: \(console.address)") }
                // The addresses (the console's token link) must reach a log or a pipe at once.
                fflush(nil)
                guard simulate else { return }
                simulator = ServeCommand.startSimulator(
                    context: context, endpoint: server.boundIngest, rate: simulateRate, mix: ConversationMix.named[simulateMix] ?? .realistic,
                    sessions: simulateSessions, seed: simulateSeed, curve: simulatorKeys)
            }
        } catch {
            simulator?.stop()
            console?.service.stop()
            logger.critical("moodline stopped on an error", metadata: ["error": .string(String(describing: error))])
            throw ExitCode.failure
        }
        simulator?.stop()
        console?.service.stop()
    }

    /// Says why the service could not start, once, on stderr, without the usage text that a
    /// `ValidationError` prints (the command line was fine; a port or a file was not).
    private static func startFailure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("moodline serve: \(message)\n".utf8))
        return ExitCode.failure
    }

    /// Starts the web console before the pipeline, so a port in use stops the start-up with a clear error.
    private func startConsole(
        _ configuration: ConsoleConfiguration, server: Server, logger: Logger
    ) throws -> (service: ConsoleService, address: String)? {
        guard configuration.enabled else { return nil }
        var tokens = configuration.tokens
        var link = ""
        if tokens.isEmpty {
            // No tokens configured: one for this run only, handed out in the printed link.
            let secret = (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            tokens = [ConsoleConfiguration.Token(token: secret, name: "admin", team: ConsoleConfiguration.Token.allTeams)]
            link = "/?token=" + secret
        }
        let hub = ConsoleHub(streamBufferBytes: configuration.streamBufferBytes, tokenBufferBytes: configuration.tokenBufferBytes)
        server.liveFeed = hub
        let service = ConsoleService(configuration: configuration, tokens: tokens, server: server, hub: hub, logger: logger)
        do {
            let port = try service.start()
            return (service, "http://\(configuration.host):\(port)\(link)")
        } catch {
            throw Self.startFailure("cannot start the console: \(error)")
        }
    }
}
