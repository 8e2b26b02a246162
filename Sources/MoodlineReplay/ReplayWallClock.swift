import Synchronization

/// The "wall clock" a replay gives its ``MoodlineServer/EventClock``: it stands still, so the
/// pipeline's "now" is pure event time and two replays of a recording are identical.
///
/// It moves once, at the end, past the idle timeout, so the engine's own idle expiry ends the
/// sessions a recording left open, as it would have done live once traffic stopped.
final class ReplayWallClock: Sendable {
    private let seconds = Mutex<Double>(0)

    var now: Double { seconds.withLock { $0 } }

    func advance(by delta: Double) {
        seconds.withLock { $0 += delta }
    }
}
