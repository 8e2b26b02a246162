import Testing
@testable import MoodlineCore

@Suite struct ProsodyBaselineTests {
    static let calm = ProsodyReading(pitchHz: 200, pitchSDHz: 28, energyDB: -22, rateSPS: 4.6)
    static let agitated = ProsodyReading(pitchHz: 260, pitchSDHz: 48, energyDB: -14, rateSPS: 6.0)

    func warmedUp() -> ProsodyBaseline {
        var baseline = ProsodyBaseline()
        for _ in 0..<4 { _ = baseline.assess(Self.calm, speechSeconds: 3) }
        return baseline
    }

    @Test func noArousalDuringWarmUp() {
        var baseline = ProsodyBaseline()
        let first = baseline.assess(Self.agitated, speechSeconds: 3)
        #expect(first.arousal == nil)
        #expect(!first.isWarm)
        #expect(first.pitchZ == nil)
    }

    @Test func warmsUpAfterConfiguredSeconds() {
        var baseline = ProsodyBaseline()
        _ = baseline.assess(Self.calm, speechSeconds: 5)
        #expect(!baseline.isWarm)
        _ = baseline.assess(Self.calm, speechSeconds: 5)
        #expect(baseline.isWarm)
    }

    @Test func agitatedSpeechScoresAboveCalm() throws {
        var baseline = warmedUp()
        let calm = try #require(baseline.assess(Self.calm, speechSeconds: 3).arousal)
        let agitated = baseline.assess(Self.agitated, speechSeconds: 3)
        let arousal = try #require(agitated.arousal)
        #expect(calm < 0.1)
        #expect(arousal > 0.5)
        #expect(try #require(agitated.energyZ) > 2)
        #expect(try #require(agitated.pitchZ) > 2)
    }

    @Test func zScoresAreClamped() throws {
        var baseline = warmedUp()
        let extreme = baseline.assess(ProsodyReading(pitchHz: 900, energyDB: -1), speechSeconds: 3)
        #expect(try #require(extreme.pitchZ) == 3)
        #expect(try #require(extreme.energyZ) == 3)
    }

    @Test func agitatedSpeechDoesNotMoveTheBaseline() throws {
        var baseline = warmedUp()
        for _ in 0..<20 { _ = baseline.assess(Self.agitated, speechSeconds: 3) }
        // Still agitated relative to the calm baseline: the angry stretch did not become the new normal.
        let later = try #require(baseline.assess(Self.agitated, speechSeconds: 3).arousal)
        #expect(later > 0.5)
    }

    @Test func negativeWordsKeepTheBaselineFromLearning() throws {
        var learning = warmedUp(), guarded = warmedUp()
        let louder = ProsodyReading(pitchHz: 215, pitchSDHz: 31, energyDB: -19, rateSPS: 4.9)
        for _ in 0..<30 {
            _ = learning.assess(louder, speechSeconds: 3, textIsCalm: true)
            _ = guarded.assess(louder, speechSeconds: 3, textIsCalm: false)
        }
        let afterLearning = try #require(learning.assess(louder, speechSeconds: 3).energyZ)
        let afterGuarding = try #require(guarded.assess(louder, speechSeconds: 3).energyZ)
        #expect(afterLearning < afterGuarding)
    }

    @Test func absurdReadingsAreIgnored() {
        var baseline = warmedUp()
        let nonsense = ProsodyReading(pitchHz: -5, pitchSDHz: .nan, energyDB: 0, rateSPS: .infinity, overlapS: -1, pauseBeforeS: .nan)
        let a = baseline.assess(nonsense, speechSeconds: 3)
        #expect(a.pitchZ == nil && a.pitchSDZ == nil && a.energyZ == nil && a.rateZ == nil)
        #expect(a.arousal == nil)
        #expect(a.overlapS == nil && a.pauseBeforeS == nil)
        // And the baseline is unharmed.
        #expect(baseline.assess(Self.calm, speechSeconds: 3).arousal.map { $0 < 0.1 } == true)
    }

    @Test func missingFieldsStillScoreFromTheRest() throws {
        var baseline = warmedUp()
        let partial = baseline.assess(ProsodyReading(energyDB: -12), speechSeconds: 3)
        #expect(partial.pitchZ == nil)
        #expect(try #require(partial.arousal) > 0.3)
    }

    @Test func overlapAndPauseArePassedThrough() {
        var baseline = warmedUp()
        let a = baseline.assess(ProsodyReading(pitchHz: 200, overlapS: 1.2, pauseBeforeS: 0), speechSeconds: 3)
        #expect(a.overlapS == 1.2)
        #expect(a.pauseBeforeS == 0)
    }

    @Test func fusionIsTextAloneWithoutProsody() {
        #expect(fusedArousal(text: 0.4, prosody: nil) == 0.4)
        var warm = ProsodyAssessment()
        warm.arousal = 0.9
        let fused = fusedArousal(text: 0.1, prosody: warm)
        #expect(fused > 0.5 && fused < 0.9)
    }
}
