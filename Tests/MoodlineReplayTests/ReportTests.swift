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
}
