import Foundation
import MoodlineEngine
import MoodlineReplay
import Testing

/// The HTML report and the CSV tables of a scenario replay.
@Suite(.enabled(if: Fixtures.scenariosAvailable, Fixtures.skipReason))
struct ReportTests {
    static func render(timelineSessions: Int = 100) throws -> (String, ReplayStatistics, ReplayRecorder) {
        var options = ReplayRecorder.Options()
        options.timelineSessions = timelineSessions
        let (statistics, recorder) = try Fixtures.replay([Fixtures.sessions], options: options)
        let report = HTMLReport(statistics: statistics, inputs: [Fixtures.sessions], configurationNote: "defaults", recorder: recorder)
        return (report.render(), statistics, recorder)
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func theReportIsOneFileWithNoExternalResources() throws {
        let (html, _, _) = try Self.render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for attribute in ["src=", "href="] {
            for scheme in ["\"http://", "\"https://", "'http://", "'https://", "\"//"] {
                #expect(!html.contains(attribute + scheme), "external \(attribute)\(scheme)")
            }
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test func everyDrawnSessionHasATimelineAndTranscript() throws {
        let (html, _, recorder) = try Self.render()
        #expect(recorder.drawnTimelines.count == 30)
        #expect(Self.count("<svg", in: html) == 30)
        #expect(Self.count("<div class=\"transcript\">", in: html) == 30)
        // The words that drove alerts are marked, and the markers are numbered in the charts.
        #expect(html.contains("<mark"))
        #expect(html.contains("废物") || html.contains("不想活"))
        #expect(html.contains("class=\"mknum\""))
    }

    @Test func theCapOnDrawnSessionsIsStated() throws {
        let (html, _, recorder) = try Self.render(timelineSessions: 5)
        #expect(recorder.drawnTimelines.count == 5)
        #expect(Self.count("<svg", in: html) == 5)
        #expect(html.contains("Only the first 5 of 30 sessions are drawn"))
    }

    @Test func theReportHasTheAgentsScorecards() throws {
        let (html, _, recorder) = try Self.render()
        #expect(html.contains("Agent scorecards"))
        #expect(!recorder.scorecards.isEmpty)
        for card in recorder.scorecards {
            #expect(html.contains(">\(card.agent)<"), "no scorecard for \(card.agent)")
        }
        #expect(recorder.scorecards.reduce(0) { $0 + $1.conversations } == 30)
    }

    @Test func csvTablesHaveHeadersAndRows() throws {
        let dir = try Fixtures.temporaryDirectory()
        var options = ReplayRecorder.Options()
        options.csvDirectory = dir
        let (statistics, recorder) = try Fixtures.replay([Fixtures.sessions], options: options)
        let expectedRows = ["alerts.csv": statistics.alerts, "sessions.csv": 30, "agents.csv": recorder.scorecards.count]
        for (name, rows) in expectedRows {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == rows + 1, "\(name)")
            #expect(lines.first?.hasPrefix(name == "agents.csv" ? "agent," : "session,") == true, "\(name) header")
            // Every column has a name of its own, or a spreadsheet would merge or drop one.
            let columns = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
            #expect(Set(columns).count == columns.count, "\(name) repeats a column: \(columns)")
        }
        let sessions = try String(contentsOfFile: dir + "/sessions.csv", encoding: .utf8)
        #expect(sessions.contains("customer_valence_start"))
        #expect(sessions.contains("dev-001,"))
    }

    /// With labels, each alert says what it matched or that it is not scored, and a report on
    /// the development scenarios says they are the tuning set.
    @Test func labelledReportsJudgeEachAlertAndNameTheTuningSet() throws {
        var options = ReplayRecorder.Options()
        options.timelineSessions = 100
        let (statistics, recorder) = try Fixtures.replay([Fixtures.sessions], options: options)
        let expectations = try SessionExpectation.load(path: Fixtures.expectations)
        var report = HTMLReport(statistics: statistics, inputs: [Fixtures.sessions], configurationNote: "defaults", recorder: recorder)
        report.expectations = expectations
        report.score = ExpectationScore(alerts: recorder.alertKeys, expectations: expectations)
        let html = report.render()
        #expect(html.contains("development scenarios, the set its rules and thresholds were tuned on"))
        #expect(Self.count("class=\"verdict v-", in: html) == statistics.alerts, "every drawn alert carries a verdict")
        #expect(html.contains("matched the expectation"))
        #expect(html.contains("not scored"), "some alerts are of kinds the labels leave open")
        // Scorecards flag what one or two calls cannot show.
        let few = recorder.scorecards.filter(\.isLowSample).count
        #expect(Self.count("few conversations", in: html) == few)
    }
}

@Suite struct AlertJudgementTests {
    @Test func eachAlertIsReadAgainstItsConversationsLabels() {
        let e = SessionExpectation(session: "s", expect: [.init(kind: "abuse", notBeforeSeq: 5, bySeq: 6)], forbid: ["churn_threat"])
        #expect(e.judge(kind: "abuse", seq: 6) == .matched(5...6))
        #expect(e.judge(kind: "abuse", seq: 9) == .outsideWindow(5...6))
        #expect(e.judge(kind: "churn_threat", seq: 3) == .forbidden)
        #expect(e.judge(kind: "customer_negative", seq: 3) == .dontCare)
        #expect(SessionExpectation.areDevelopmentSet([e]) == false)
        #expect(SessionExpectation.areDevelopmentSet([SessionExpectation(session: "dev-007")]))
        #expect(SessionExpectation.areDevelopmentSet([SessionExpectation(session: "dev-7x1")]) == false)
    }
}
