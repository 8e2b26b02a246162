import Foundation
import MoodlineReplay
import Testing

/// The scoring rules of the scenarios' README, on small hand-made cases.
struct ExpectationScoreTests {
    static func expectation(_ session: String, _ windows: [(String, Int64, Int64)], forbid: [String] = []) -> SessionExpectation {
        var lines = #"{"session":"\#(session)","lang":"en","channel":"chat","expect":["#
        lines += windows.map { #"{"kind":"\#($0.0)","not_before_seq":\#($0.1),"by_seq":\#($0.2)}"# }.joined(separator: ",")
        lines += #"],"forbid":["# + forbid.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        return try! JSONDecoder().decode(SessionExpectation.self, from: Data(lines.utf8))
    }

    @Test func theFirstAlertInTheWindowMatchesOnce() {
        let e = [Self.expectation("s", [("abuse", 5, 6), ("churn_threat", 3, 4)], forbid: ["self_harm"])]
        let alerts = [
            AlertKey(session: "s", kind: "abuse", seq: 6), AlertKey(session: "s", kind: "abuse", seq: 5),
            AlertKey(session: "s", kind: "churn_threat", seq: 2), AlertKey(session: "s", kind: "churn_threat", seq: 9),
            AlertKey(session: "s", kind: "self_harm", seq: 1), AlertKey(session: "s", kind: "self_harm", seq: 8),
            AlertKey(session: "s", kind: "customer_anger", seq: 1), AlertKey(session: "other", kind: "abuse", seq: 1),
        ]
        let score = ExpectationScore(alerts: alerts, expectations: e)
        #expect(score.expected == 2)
        #expect(score.matched == 1)
        #expect(score.delays == [0])
        #expect(score.falseAlarms == 2)
        #expect(score.earlyMisses == 1)
        #expect(score.lateMisses == 1)
        #expect(score.unknownSessionAlerts == 1)
        #expect(score.precision == 1.0 / 3.0)
        #expect(score.recall == 0.5)
        #expect(score.falseAlarmsByKind == ["self_harm": 2])
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        let e = [Self.expectation("s", [("a", 1, 9), ("b", 1, 9)])]
        let score = ExpectationScore(alerts: [AlertKey(session: "s", kind: "a", seq: 1), AlertKey(session: "s", kind: "b", seq: 4)], expectations: e)
        #expect(score.medianFragmentsToAlert == 1.5)
    }

    @Test func comparisonListsWhatAppearsAndDisappears() {
        let a = AlertKey(session: "s", kind: "abuse", seq: 3)
        let b = AlertKey(session: "s", kind: "customer_negative", seq: 4)
        let c = AlertKey(session: "t", kind: "customer_negative", seq: 2)
        let diff = AlertComparison(base: [a, b], other: [a, c])
        #expect(diff.appeared == [c])
        #expect(diff.disappeared == [b])
        #expect(diff.unchanged == 1)
        #expect(diff.changeByKind.isEmpty)
    }
}
