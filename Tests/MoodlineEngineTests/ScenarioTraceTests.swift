import Foundation
import MoodlineCore
import Testing
@testable import MoodlineEngine

/// Prints per-fragment scores and levels of the sessions named in MOODLINE_TRACE
/// (comma-separated), for tuning. Does nothing otherwise.
@Suite struct ScenarioTraceTests {
    @Test func trace() throws {
        guard let names = ProcessInfo.processInfo.environment["MOODLINE_TRACE"] else { return }
        let wanted = Set(names.split(separator: ",").map(String.init))
        var engine = Engine()
        var scorer = Scorer(lexicon: .embedded)
        var output = EngineOutput()
        for event in try ScenarioTests.mergedStream() where wanted.contains(event.session) {
            output.removeAll()
            engine.handle(event, into: &output)
            guard case .fragment(let f) = event, let slot = engine.slot(of: f.session) else { continue }
            let s = engine.slots[Int(slot)]
            let sc = scorer.score(f.text, language: f.lang.flatMap { Language(bcp47: $0) })
            let sp = s[f.speaker]
            let level = f.speaker == .customer
                ? String(format: "neg %.2f ang %.2f", Engine.negativeLevel(sp), Engine.angerLevel(sp))
                : String(format: "str %.2f", Engine.stressLevel(sp))
            print(String(format: "%@ %2d %@ %@ v %+.2f a %.2f | sv %+.2f sa %.2f tr %+.2f | %@ | %@ %@ %@",
                         f.session, f.seq, f.speaker == .customer ? "C" : "A", f.isFinal ? " " : "i",
                         sc.valence, sc.arousal, sp.valence, sp.arousal, sp.arousalTrend, level,
                         sc.categories.members.map(\.tag).joined(separator: ","),
                         output.alerts.map(\.kind.rawValue).joined(separator: ","), String(f.text.prefix(40))))
        }
    }
}
