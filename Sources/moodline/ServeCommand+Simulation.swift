import Foundation
import MoodlineServer
import MoodlineWire

/// The simulator feeding `serve --simulate`; stopped before the server closes its context.
final class SimulatorHandle {
    let stop: () -> Void
    init(stop: @escaping () -> Void) { self.stop = stop }
}

extension ServeCommand {
    static func startSimulator(context: ZMQContext, endpoint: String, rate: Double, sessions: Int, seed: UInt64) -> SimulatorHandle? {
        let stream = SimulatedStream(seed: seed, sessions: sessions, startTime: Date().timeIntervalSince1970)
        let simulator = Simulator(context: context, endpoint: endpoint, stream: stream, rate: rate, limit: nil)
        simulator.start()
        print("Simulating \(sessions) conversations in Chinese and English at \(rate) fragments/s (seed \(seed)).")
        return SimulatorHandle(stop: {
            simulator.stop()
            simulator.wait()
        })
    }
}
