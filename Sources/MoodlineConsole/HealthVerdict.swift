import Foundation
import MoodlineServer

/// What `/healthz` answers, from the pipeline's latest figures: `ok` (200) while the loop runs
/// and copies its figures; `starting` (503) before the loop runs or after it stopped; `stalled`
/// (503) when the copies stop coming, which means the pipeline thread is stuck.
struct HealthVerdict: Equatable {
    /// The pipeline copies its figures 4 times a second; this much silence means it is stuck.
    static let stallSeconds = 5.0

    var status: String
    var isHealthy: Bool

    init(_ figures: ServerStatus.Figures, now: Double) {
        if !figures.running {
            self.init(status: "starting", isHealthy: false)
        } else if now - figures.updatedAt >= Self.stallSeconds {
            self.init(status: "stalled", isHealthy: false)
        } else {
            self.init(status: "ok", isHealthy: true)
        }
    }

    init(status: String, isHealthy: Bool) {
        self.status = status
        self.isHealthy = isHealthy
    }
}
