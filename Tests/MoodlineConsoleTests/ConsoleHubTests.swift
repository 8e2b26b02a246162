import Hummingbird
@testable import MoodlineConsole
import MoodlineEngine
import MoodlineServer
import MoodlineStore
import Testing

@Suite("Console hub")
struct ConsoleHubTests {
    static func snapshot(_ session: String, team: String?, risk: Double = 0.5, at ts: Double = 100, valence: Float = -0.2) -> SessionSnapshot {
        SessionSnapshot(session: session, agent: "a-1", team: team, startTs: 0, lastTs: ts, fragments: 3, customerValence: valence, risk: risk)
    }

    static func alert(_ session: String, team: String?, severity: Severity) -> Alert {
        Alert(
            kind: .customerAnger, severity: severity, session: session, agent: "a-1", team: team, speaker: .customer, seq: 3, ts: 100,
            episode: 1, scores: AlertScores(valence: -0.8, arousal: 0.9, smoothedValence: -0.6, smoothedArousal: 0.7),
            evidence: [Evidence(kind: "term", label: "气死了", value: -0.7, seq: 3, utf8Start: 0, utf8End: 9)]
        )
    }

    static let lin = TokenID(index: 0), ops = TokenID(index: 1)

    /// The frames a stream has buffered so far (the hub queues synchronously).
    static func frames(_ stream: ConsoleEventStream, count: Int) async -> [String] {
        var out: [String] = []
        for await buffer in stream {
            out.append(String(buffer: buffer))
            if out.count == count { break }
        }
        return out
    }

    @Test("each page's stream gets its own team's events, encoded as server-sent events; info alerts stay off")
    func scopes() async {
        let hub = ConsoleHub()
        let teamOne = hub.subscribe(ConsoleAccess(name: "Lin", team: "t-1"), token: Self.lin)
        let everyone = hub.subscribe(ConsoleAccess(name: "Ops", team: nil), token: Self.ops)
        hub.receive(.snapshot(Self.snapshot("s-2", team: "t-2")))
        hub.receive(.alert(Self.alert("s-1", team: "t-1", severity: .info)))
        hub.receive(.alert(Self.alert("s-1", team: "t-1", severity: .warning)))
        hub.receive(.snapshot(Self.snapshot("s-1", team: "t-1")))
        hub.receive(.sessionEnded(SessionSummary(session: "s-1", team: "t-1", startTs: 0, endTs: 120, endReason: .ended)))

        let one = await Self.frames(teamOne, count: 4)
        #expect(one[0] == "retry: 2000\n\n")
        #expect(one[1].hasPrefix("event: alert\ndata: {\"type\":\"alert\""), "\(one[1])")
        #expect(one[1].contains("气死了") && one[1].hasSuffix("}\n\n"))
        #expect(one[2].hasPrefix("event: snapshot\ndata: ") && one[2].contains("\"session\":\"s-1\""))
        #expect(one[3].hasPrefix("event: session_end\ndata: "))
        #expect(!one.joined().contains("s-2"), "team two's conversation never reaches team one")
        #expect(!one.joined().contains("\"severity\":\"info\""), "info alerts are for the agent only")

        let all = await Self.frames(everyone, count: 5)
        #expect(all[1].contains("\"session\":\"s-2\""))
        #expect(all.filter { $0.hasPrefix("event: snapshot") }.count == 2)
    }

    @Test("the live list keeps a bounded history per conversation, sorts by risk, and drops ended ones")
    func liveList() {
        let hub = ConsoleHub()
        for i in 0..<(ConsoleHub.historyPoints + 15) {
            hub.receive(.snapshot(Self.snapshot("calm", team: "t-1", risk: 0.1, at: Double(i), valence: Float(i) / 100)))
        }
        hub.receive(.snapshot(Self.snapshot("hot", team: "t-1", risk: 0.9)))
        hub.receive(.snapshot(Self.snapshot("elsewhere", team: "t-2", risk: 1)))
        let lead = ConsoleAccess(name: "Lin", team: "t-1")
        #expect(hub.sessions(for: lead).map(\.session) == ["hot", "calm"])
        #expect(hub.sessions(for: ConsoleAccess(name: "Ops", team: nil)).map(\.session) == ["elsewhere", "hot", "calm"])
        let calm = hub.session("calm", for: lead)
        #expect(calm?.history.count == ConsoleHub.historyPoints)
        #expect(calm?.history.last?.ts == Double(ConsoleHub.historyPoints + 14), "newest last")
        #expect(calm?.history.first?.ts == 15, "oldest points dropped first")
        #expect(hub.session("elsewhere", for: lead) == nil)

        hub.receive(.sessionEnded(SessionSummary(session: "hot", team: "t-1", startTs: 0, endTs: 9, endReason: .idle)))
        #expect(hub.sessions(for: lead).map(\.session) == ["calm"])
    }

    @Test("closing ends every stream and refuses new ones; a page that goes away is forgotten")
    func closes() async {
        let hub = ConsoleHub()
        var stream: ConsoleEventStream? = hub.subscribe(ConsoleAccess(name: "Lin", team: "t-1"), token: Self.lin)
        #expect(hub.subscriberCount == 1)
        stream = nil
        #expect(hub.subscriberCount == 0, "dropping the stream unsubscribes")
        _ = stream

        let open = hub.subscribe(ConsoleAccess(name: "Lin", team: "t-1"), token: Self.lin)
        hub.close()
        var count = 0
        for await _ in open { count += 1 }
        #expect(count == 1, "the opening frame, then the end")
        var late = 0
        for await _ in hub.subscribe(ConsoleAccess(name: "Lin", team: "t-1"), token: Self.lin) { late += 1 }
        #expect(late == 1)
        #expect(hub.subscriberCount == 0)
    }
}

@Suite("Metrics page")
struct MetricsPageTests {
    @Test("counters, labelled families, every tier and a cumulative histogram, in the Prometheus text format")
    func renders() {
        var figures = ServerStatus.Figures()
        figures.received = 42
        figures.rejections = [.badJSON: 3]
        figures.alertsRaised = [.selfHarm: 2]
        figures.liveSessions = 7
        figures.running = true
        figures.processing.record(nanoseconds: 800)
        figures.processing.record(nanoseconds: 3_000)
        figures.processing.record(nanoseconds: 3_000)
        figures.processing.record(nanoseconds: 90_000_000)
        let text = MetricsPage.render(
            figures, openTicketsByTier: ["senior": 1, "retired \"tier\"": 4], tiers: ["team_lead", "senior"], consoleStreams: 2,
            consoleBuffers: .init(bytes: 4_096, droppedEvents: 17)
        )
        let lines = Set(text.split(separator: "\n").map(String.init))
        for expected in [
            "moodline_fragments_received_total 42",
            #"moodline_fragments_rejected_total{reason="bad_json"} 3"#,
            #"moodline_fragments_rejected_total{reason="oversized"} 0"#,
            #"moodline_alerts_total{kind="self_harm"} 2"#,
            #"moodline_open_tickets{tier="team_lead"} 0"#,
            #"moodline_open_tickets{tier="senior"} 1"#,
            #"moodline_open_tickets{tier="retired \"tier\""} 4"#,
            "moodline_live_sessions 7",
            #"moodline_scoring_latency_seconds_bucket{le="1e-06"} 1"#,
            #"moodline_scoring_latency_seconds_bucket{le="5e-06"} 3"#,
            #"moodline_scoring_latency_seconds_bucket{le="0.025"} 3"#,
            #"moodline_scoring_latency_seconds_bucket{le="+Inf"} 4"#,
            "moodline_scoring_latency_seconds_count 4",
            "moodline_console_streams 2",
            "moodline_console_stream_buffered_bytes 4096",
            "moodline_console_stream_dropped_events_total 17",
            "# TYPE moodline_console_stream_dropped_events_total counter",
            "moodline_up 1",
            "# TYPE moodline_scoring_latency_seconds histogram",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(text.hasSuffix("\n"))
    }
}
