import MoodlineEngine
@testable import MoodlineServer
import Testing

/// The control socket's view of live conversations: fed from what the writer published, paged
/// in id order, bounded per page.
@Suite struct SessionBoardTests {
    private func snapshot(_ id: String, team: String, at ts: Double = 100) -> SessionSnapshot {
        SessionSnapshot(session: id, team: team, startTs: 0, lastTs: ts, customerValence: Float(ts / 1000))
    }

    private func summary(_ id: String) -> SessionSummary {
        SessionSummary(session: id, startTs: 0, endTs: 1, endReason: .ended)
    }

    @Test func pagesWalkEverySessionOnceInIdOrder() {
        let inbox = SessionBoard.Inbox()
        for i in 0..<2_500 { inbox.receive(.snapshot(snapshot("s-\(i)", team: i % 5 == 0 ? "t-1" : "t-2"))) }
        var board = SessionBoard()
        board.update(from: inbox)
        var seen: [String] = [], after: String?, pages = 0
        repeat {
            let page = board.page(team: nil, after: after, limit: 1_000, now: 0)
            #expect(page.total == 2_500 && page.sessions.count <= 1_000)
            seen += page.sessions.map(\.session)
            after = page.next
            pages += 1
        } while after != nil && pages < 10
        #expect(pages == 3 && seen == seen.sorted() && Set(seen).count == 2_500)
        let team = board.page(team: "t-1", after: nil, limit: 5_000, now: 0)
        #expect(team.sessions.count == 500 && team.total == 500 && team.next == nil, "a limit past the maximum is capped")
        #expect(team.sessions.allSatisfy { $0.team == "t-1" })
    }

    @Test func endedSessionsLeaveAndNewOnesJoinOnTheNextSort() {
        let inbox = SessionBoard.Inbox()
        var board = SessionBoard(sortEvery: 1)
        inbox.receive(.snapshot(snapshot("a", team: "t")))
        inbox.receive(.snapshot(snapshot("b", team: "t")))
        inbox.receive(.alert(Alert(
            kind: .abuse, severity: .critical, session: "b", agent: nil, team: "t", speaker: .customer, seq: 1, ts: 1, episode: 1,
            scores: AlertScores(valence: -1, arousal: 1, smoothedValence: -1, smoothedArousal: 1), evidence: [])))
        board.update(from: inbox)
        #expect(board.page(team: nil, after: nil, limit: 10, now: 10).sessions.map(\.session) == ["a", "b"])
        inbox.receive(.sessionEnded(summary("a")))
        inbox.receive(.snapshot(snapshot("c", team: "t")))
        board.update(from: inbox)
        #expect(board.session("a") == nil && board.count == 2)
        #expect(board.page(team: nil, after: nil, limit: 10, now: 10.5).sessions.map(\.session) == ["b"], "c waits for the next sort")
        #expect(board.page(team: nil, after: nil, limit: 10, now: 11).sessions.map(\.session) == ["b", "c"])
    }

    @Test func aSessionKeepsItsRecentHistory() {
        let inbox = SessionBoard.Inbox()
        var board = SessionBoard()
        for t in 0..<100 { inbox.receive(.snapshot(snapshot("a", team: "t", at: Double(t)))) }
        board.update(from: inbox)
        let history = board.session("a")?.history ?? []
        #expect(history.count == SessionBoard.historyPoints)
        #expect(history.first?.ts == 40 && history.last?.ts == 99)
    }
}
