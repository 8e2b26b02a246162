import Foundation
import MoodlineReplay
import MoodlineServer
import MoodlineWire
import Testing

/// The reading thread hands batches of 512 over, gets them back spent and refills them, and the
/// rules thread asks for session states ahead of use across them. Over many batches, with bad
/// lines among them, none of that may change an alert or a count.
@Suite struct ReadAheadTests {
    @Test func manyBatchesGiveTheSameResultOnOneThreadAndTwo() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir + "/stream.jsonl"
        var stream = SimulatedStream(seed: 7, sessions: 300, startTime: 1_763_700_000)
        var bytes: [UInt8] = []
        var lines = 0, bad = 0
        while lines < 6_000, let event = stream.next() {
            bytes += WireEncoder.encode(event)
            bytes.append(0x0A)
            lines += 1
            if lines % 997 == 0 {
                bytes += Array(#"{"type":"fragment","session":"#.utf8) + [0x0A]
                bad += 1
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        var runs: [(statistics: ReplayStatistics, alerts: String)] = []
        for readAhead in [false, true] {
            var options = ReplayRecorder.Options()
            options.alertsPath = dir + "/alerts-\(readAhead).jsonl"
            let (statistics, _) = try Fixtures.replay([path], options: options, readAhead: readAhead)
            runs.append((statistics, try String(contentsOfFile: options.alertsPath!, encoding: .utf8)))
        }
        let (one, two) = (runs[0], runs[1])
        #expect(lines == 6_000 && bad == 6)
        #expect(two.statistics.rejected == bad)
        #expect(two.statistics.events == lines)
        #expect(two.statistics.alerts > 100)
        #expect(two.alerts == one.alerts)
        #expect(two.statistics.engine == one.statistics.engine)
        #expect(two.statistics.sessions == one.statistics.sessions)
        #expect(two.statistics.rejectionsByReason == one.statistics.rejectionsByReason)
    }
}
