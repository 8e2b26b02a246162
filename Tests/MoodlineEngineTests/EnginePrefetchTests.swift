import Testing
@testable import MoodlineEngine

@Suite struct EnginePrefetchTests {
    /// Prefetching is a hint: asked for every session ahead of time (live, ended, evicted,
    /// never seen), the engine raises the same alerts, summaries and snapshots as without it.
    @Test func prefetchingChangesNothing() throws {
        let stream = try ScenarioTests.mergedStream()
        var config = EngineConfig()
        config.sessions.maxLive = 3 // evictions, and slots taken over by other sessions
        func run(prefetching: Bool) -> (alerts: [Alert], ended: [SessionSummary], snapshots: [SessionSnapshot?]) {
            var engine = Engine(configuration: config)
            var output = EngineOutput()
            var alerts: [Alert] = [], ended: [SessionSummary] = [], snapshots: [SessionSnapshot?] = []
            for (i, event) in stream.enumerated() {
                if prefetching {
                    for ahead in stream[i..<min(stream.count, i + 8)] {
                        engine.prefetchLookup(session: ahead.session)
                        engine.prefetch(session: ahead.session)
                    }
                    engine.prefetchLookup(session: "never-seen-\(i)")
                    engine.prefetch(session: "never-seen-\(i)")
                }
                output.removeAll()
                engine.handle(event, into: &output)
                alerts += output.alerts
                ended += output.endedSessions
                snapshots.append(engine.snapshot(session: event.session))
            }
            return (alerts, ended, snapshots)
        }
        let plain = run(prefetching: false), hinted = run(prefetching: true)
        #expect(!plain.alerts.isEmpty && !plain.ended.isEmpty)
        #expect(hinted.alerts == plain.alerts)
        #expect(hinted.ended == plain.ended)
        #expect(hinted.snapshots == plain.snapshots)
    }
}
