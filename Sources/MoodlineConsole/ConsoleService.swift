import Dispatch
import Hummingbird
import Logging
import MoodlineServer
import NIOCore
import ServiceLifecycle
import Synchronization

/// Runs the console's HTTP server beside a ``Server``, from synchronous code: ``start()``
/// returns once it listens (or throws why it cannot), ``stop()`` ends the event streams and
/// shuts it down gracefully.
public final class ConsoleService: Sendable {
    public let configuration: ConsoleConfiguration
    private let routes: ConsoleRoutes
    private let hub: ConsoleHub
    private let logger: Logger
    private let group = Mutex<ServiceGroup?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter tokens: Who may use it (the configured ones, or one made up at start).
    public init(configuration: ConsoleConfiguration, tokens: [ConsoleConfiguration.Token], server: Server, hub: ConsoleHub, logger: Logger) {
        self.configuration = configuration
        self.hub = hub
        self.logger = logger
        routes = ConsoleRoutes(server: server, hub: hub, tokens: TokenBook(tokens))
    }

    /// Starts listening on `host:port` and returns the port bound (the one picked, for port 0).
    public func start(timeout: Double = 20) throws(ConsoleError) -> Int {
        // HEAD is answered wherever GET is, as the 405s' `Allow: GET, HEAD` promises.
        let router = Router(context: ConsoleRequestContext.self, options: .autoGenerateHeadEndpoints)
        routes.register(on: router)
        let outcome = Mutex<Result<Int, ConsoleError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let host = configuration.host, port = configuration.port
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "moodline"),
            onServerRunning: { channel in
                outcome.withLock { $0 = .success(channel.localAddress?.port ?? port) }
                ready.signal()
            },
            logger: logger
        )
        let services: [any Service] = [app, ClockService(hub: hub, status: routes.server.status)]
        let group = ServiceGroup(services: services, logger: logger)
        self.group.withLock { $0 = group }
        let finished = finished, logger = logger
        Task.detached {
            do {
                try await group.run()
            } catch {
                let failure = ConsoleError(
                    .cannotListen,
                    "cannot serve http://\(host):\(port): \(error) — choose a free console.port (0 picks one) or set console.enabled: false"
                )
                let first = outcome.withLock { state -> Bool in
                    defer { if state == nil { state = .failure(failure) } }
                    return state == nil
                }
                if first { ready.signal() } else { logger.error("the console stopped", metadata: ["error": .string(String(describing: error))]) }
            }
            finished.signal()
        }
        guard ready.wait(timeout: .now() + timeout) == .success else {
            throw ConsoleError(.cannotListen, "the console did not start listening on \(host):\(port) within \(Int(timeout)) s")
        }
        switch outcome.withLock({ $0 }) {
        case .success(let port): return port
        case .failure(let error): throw error
        case nil: throw ConsoleError(.cannotListen, "the console did not report its port")
        }
    }

    /// Closes the event streams and shuts the HTTP server down; waits a few seconds at most.
    public func stop() {
        hub.close()
        guard let group = group.withLock({ $0 }) else { return }
        Task.detached { await group.triggerGracefulShutdown() }
        if finished.wait(timeout: .now() + 10) == .timedOut {
            logger.warning("the console did not shut down within 10 s")
        }
    }
}

/// Why the console could not run.
public struct ConsoleError: Error, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable {
        case cannotListen = "cannot_listen"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Sends the event clock to every console page once a second.
private struct ClockService: Service {
    let hub: ConsoleHub
    let status: ServerStatus

    func run() async throws {
        // Ending on shutdown is this service's normal end, not a failure that would cancel the
        // HTTP server mid-way through its own graceful shutdown.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(1))
                hub.broadcastClock(now: status.current.eventNow)
            }
        }
    }
}
