@testable import MoodlineConsole
import MoodlineServer
import Testing

@Suite("Health verdict")
struct HealthVerdictTests {
    @Test("ok while the pipeline runs and reports; 503 before it runs, after it stops, and when it goes silent")
    func verdicts() {
        var figures = ServerStatus.Figures()
        #expect(HealthVerdict(figures, now: 1_000) == HealthVerdict(status: "starting", isHealthy: false))
        figures.running = true
        figures.updatedAt = 1_000
        #expect(HealthVerdict(figures, now: 1_000.25) == HealthVerdict(status: "ok", isHealthy: true))
        #expect(HealthVerdict(figures, now: 1_004.9) == HealthVerdict(status: "ok", isHealthy: true))
        #expect(HealthVerdict(figures, now: 1_005) == HealthVerdict(status: "stalled", isHealthy: false))
        #expect(HealthVerdict(figures, now: 1_060) == HealthVerdict(status: "stalled", isHealthy: false))
        figures.running = false // stopped: its last copy may be fresh, yet nothing is processed
        #expect(HealthVerdict(figures, now: 1_000.25) == HealthVerdict(status: "starting", isHealthy: false))
    }
}
