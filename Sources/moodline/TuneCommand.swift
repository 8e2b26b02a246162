import ArgumentParser
import Foundation
import MoodlineEngine
import MoodlineReplay
import MoodlineServer
import MoodlineStore

/// `moodline tune`: labelled conversations and people's verdicts in, thresholds out.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Sweep each mood alert's threshold against labelled conversations and feedback; write the best as a configuration.",
        discussion: """
        Replays the recordings once per candidate level of each sustained kind (customer_negative, \
        customer_anger, agent_stress, interruptions) and scores the kind against the labels: an \
        expectations file (the format of `replay --expect`), and the verdicts people gave in the \
        console or with `tickets feedback`, read from a Moodline database (`helpful` is an \
        expected alert at its fragment, `false_alarm` forbids its kind in that conversation). \
        Prints precision, recall and F1 per candidate; the chosen level has the best F1 (ties: fewer false alarms, then \
        the current level). The labels must not be the set you will judge the result on.

        Examples:
          moodline tune calls/ --expect labels.jsonl --out tuned.yaml
          moodline tune calls/ --feedback moodline.db --config moodline.yaml --out tuned.yaml
        """
    )

    @Argument(help: "Recordings of the labelled conversations: JSON Lines files or directories of them.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Labelled expectations (the format of scenarios/expectations.jsonl).", valueName: "file"))
    var expect: String?

    @Option(help: ArgumentHelp("A Moodline database whose recorded feedback adds labels.", valueName: "moodline.db"))
    var feedback: String?

    @Option(help: ArgumentHelp("The configuration to start from (as for `serve`).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one setting of the starting configuration: dotted.key=value. Repeatable.", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Only these kinds, comma-separated (default: all four).", valueName: "kinds"))
    var kinds: String?

    @Option(help: ArgumentHelp("Write the chosen levels here, as a configuration file's engine.rules section.", valueName: "file.yaml"))
    var out: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name the recordings of the labelled conversations") }
        if expect == nil && feedback == nil { throw ValidationError("give labels: --expect FILE, --feedback DATABASE, or both") }
        _ = try selectedKinds()
    }

    private func selectedKinds() throws -> [AlertKind] {
        guard let kinds else { return ThresholdSweep.kinds }
        return try kinds.split(separator: ",").map { name in
            guard let kind = AlertKind(rawValue: name.trimmingCharacters(in: .whitespaces)), ThresholdSweep.kinds.contains(kind) else {
                throw ValidationError("--kinds takes \(ThresholdSweep.kinds.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
            }
            return kind
        }
    }

    /// A problem with the inputs, found after parsing: printed alone, without the usage text.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        do {
            try tune()
        } catch let error as ReplayError {
            throw Failure(description: error.description)
        } catch let error as StoreError {
            throw Failure(description: error.description)
        }
    }

    private func tune() throws {
        let configuration = try ServerConfiguration.load(path: config, overrides: overrides)
        let files = try RecordingFile.resolve(inputs)
        let base = try expect.map { path throws(ReplayError) in try SessionExpectation.load(path: path) } ?? []
        var judged: [FeedbackLabels.Judged] = []
        var verdicts = 0
        if let feedback {
            guard FileManager.default.fileExists(atPath: feedback) else {
                throw Failure(description: "no database at \(feedback); pass the file `serve` writes (its `database` setting)")
            }
            let store = try TicketStore(path: feedback)
            for f in try store.feedback() {
                verdicts += 1
                for a in try store.judgedAlerts(f) {
                    judged.append(.init(session: a.session, kind: a.kind, seq: a.seq, verdict: f.verdict))
                }
            }
        }
        let labels = FeedbackLabels(base: base, judged: judged)
        guard !labels.expectations.isEmpty else { throw Failure(description: "the labels name no conversation: nothing to tune on") }
        print("labels: \(labels.expectations.count) conversations (\(base.count) from \(expect ?? "no file"), "
            + "\(verdicts) verdicts from \(feedback ?? "no database"), \(labels.used) judged alerts used, \(labels.conflicts) contradicting a hand label left out)")
        let sweep = ThresholdSweep(files: files, configuration: configuration, expectations: labels.expectations)
        let results = try sweep.run(kinds: try selectedKinds())
        for result in results { print(Self.render(result)) }
        if let out {
            let header = """
                written by `moodline tune` from \(labels.expectations.count) labelled conversations; \
                starting configuration: \(config ?? "defaults")\(overrides.isEmpty ? "" : " " + overrides.joined(separator: " "))
                use with: moodline serve --config \(out)  (or copy the keys into your configuration)
                """
            do {
                try ThresholdSweep.yaml(results, header: header).write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw Failure(description: "cannot write \(out): \(error.localizedDescription)")
            }
            print("\nwrote \(out)")
        }
    }

    static func render(_ r: ThresholdSweep.KindResult) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%5.3f", $0) } ?? "   - " }
        var lines = ["", "\(r.kind.rawValue) (now enter \(ThresholdSweep.format(r.current.enter)))"
            + (r.isLabelled ? "" : "  — the labels say nothing of this kind: left as it is")]
        lines.append("  enter   precision  recall  F1     matched/expected  false alarms")
        for row in r.rows {
            let mark = row.enter == r.chosen.enter ? (row.enter == r.current.enter ? "  ← chosen (current)" : "  ← chosen") : row.enter == r.current.enter ? "  (current)" : ""
            let enter = ThresholdSweep.format(row.enter).padding(toLength: 6, withPad: " ", startingAt: 0)
            lines.append("  \(enter)  \(pct(row.precision))      \(pct(row.recall))   "
                + String(format: "%5.3f  %3d/%-3d           %3d", row.f1, row.tally.matched, row.tally.expected, row.tally.falseAlarms) + mark)
        }
        return lines.joined(separator: "\n")
    }
}
