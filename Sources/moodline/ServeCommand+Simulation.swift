import Foundation
import MoodlineServer
import MoodlineWire

/// The simulator feeding `serve --simulate`; stopped before the server closes its context.
final class SimulatorHandle {
    let stop: () -> Void
    init(stop: @escaping () -> Void) { self.stop = stop }
}

extension ServeCommand {
    /// Starts the demo feed. Without a rate, conversations play at their recorded pace with
    /// event time starting now, so event time keeps step with the wall clock and deadlines
    /// count real seconds; with one, fragments go out that fast (a faster-than-life demo).
    static func startSimulator(
        context: ZMQContext, endpoint: String, rate: Double?, mix: ConversationMix, sessions: Int, seed: UInt64,
        curve: CurveClientKeys?
    ) -> SimulatorHandle? {
        let stream = SimulatedStream(seed: seed, sessions: sessions, startTime: Date().timeIntervalSince1970, mix: mix)
        let pacing: Simulator.Pacing = rate.map { .rate($0) } ?? .eventTime(speed: 1)
        let simulator = Simulator(context: context, endpoint: endpoint, source: stream, pacing: pacing, limit: nil, curve: curve)
        simulator.start()
        let pace = rate.map { "at \($0) fragments/s" } ?? "at their own pace"
        print("Simulating \(sessions) conversations at a time in Chinese and English, \(pace) (seed \(seed)).")
        fflush(nil)
        return SimulatorHandle(stop: {
            simulator.stop()
            simulator.wait()
        })
    }
}
