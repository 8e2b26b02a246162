import Foundation
import MoodlineReplay
import MoodlineServer
import Testing

/// Paths and helpers shared by the replay tests.
enum Fixtures {
    /// <repo>/../shared/scenarios, the labelled development set.
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/scenarios")
    static var sessions: String { scenarios.appendingPathComponent("sessions").path }
    static var expectations: String { scenarios.appendingPathComponent("expectations.jsonl").path }

    static var scenariosAvailable: Bool {
        FileManager.default.fileExists(atPath: scenarios.appendingPathComponent("expectations.jsonl").path)
    }

    static let skipReason: Comment = "needs the scenario set at <repo>/../shared/scenarios, which is not checked out here"

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodline-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Replays `paths` with the given `--set` overrides.
    static func replay(
        _ paths: [String], overrides: [String] = [], options: ReplayRecorder.Options = ReplayRecorder.Options(),
        readAhead: Bool = true
    ) throws -> (ReplayStatistics, ReplayRecorder) {
        let configuration = try ServerConfiguration.load(path: nil, overrides: overrides)
        let files = try RecordingFile.resolve(paths)
        var replay = Replay(files: files, configuration: configuration)
        replay.progress = false
        replay.readAhead = readAhead
        var recorder = try ReplayRecorder(options: options)
        let statistics = try replay.run(into: &recorder)
        try recorder.finish()
        return (statistics, recorder)
    }

    /// Every line of a JSON Lines file as a dictionary.
    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
