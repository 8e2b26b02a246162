import MoodlineEngine
import Synchronization

/// The running server's figures, readable from any thread (the console's metrics and health).
///
/// The pipeline thread owns the live counters; it copies them here a few times a second,
/// so readers never touch the engine.
public final class ServerStatus: Sendable {
    /// One copy of the figures.
    public struct Figures: Sendable, Equatable {
        public var received = 0
        /// Fragments the engine took (final and interim).
        public var fragments = 0
        /// Rejections by reason, from decoding and from the engine's sequencing together.
        public var rejections: [RejectionReason: Int] = [:]
        /// Alerts raised by kind (before the store's idempotency check).
        public var alertsRaised: [AlertKind: Int] = [:]
        public var alertsPublished = 0
        public var ticketsOpened = 0
        public var alertsAttached = 0
        public var ticketsEscalated = 0
        public var liveSessions = 0
        public var evictions = 0
        /// Decode, score and rules per message.
        public var processing = LatencyHistogram()
        /// The event clock: event time carried on by the wall clock.
        public var eventNow = 0.0
        /// Messages' `ts` against the server's clock over the last minute or so.
        public var skew = ClockSkew()
        /// Wall time of this copy, seconds since the epoch.
        public var updatedAt = 0.0
        /// Whether the pipeline loop is running (false before start and after stop).
        public var running = false

        public init() {}
    }

    private let figures = Mutex(Figures())

    public init() {}

    /// The latest copy.
    public var current: Figures { figures.withLock { $0 } }

    func update(_ body: (inout Figures) -> Void) {
        figures.withLock { body(&$0) }
    }
}
