import Foundation
import MoodlineEngine
import MoodlineStore
import Testing

/// The command-line tools as a user runs them: separate processes, stdin and stdout, exit codes.
@Suite("End to end: command-line tools")
struct ScoreCommandTests {
    @Test("score --jsonl: 3,000 lines in, one valid JSON line out for each, errors keep their id", .timeLimit(.minutes(3)))
    func scoreJSONLines() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }

        enum Want { case score, error }
        let texts = ["Thank you so much, that was really helpful!", "This is the third time I call and nothing is fixed.",
                     "我已经打了三次电话了，问题还是没解决", "服務很好，謝謝你", "I'm so angry, this is terrible service", "ok"]
        var lines: [String] = []
        var wants: [(id: Any?, want: Want)] = []
        for i in 0..<3000 {
            switch i % 10 {
            case 0: lines.append("not json \(i)"); wants.append((nil, .error))
            case 1: lines.append(#"{"id":\#(i),"text":"truncated"#); wants.append((nil, .error))
            case 2: lines.append(#"{"id":\#(i),"text":\#(i)}"#); wants.append((i, .error))
            case 3: lines.append(#"{"id":"s-\#(i)"}"#); wants.append(("s-\(i)", .error))
            case 4: lines.append(#"{"id":\#(i),"text":"hello","lang":"xx-klingon"}"#); wants.append((i, .error))
            case 5: lines.append("[\(i)]"); wants.append((nil, .error))
            case 6: lines.append(#"{"id":"s-\#(i)","text":"quote \" backslash \\ tab \t ctrl \u0001 done"}"#); wants.append(("s-\(i)", .score))
            case 7: lines.append(#"{"id":\#(i),"text":"\#(texts[i % texts.count])","lang":"zh"}"#); wants.append((i, .score))
            default: lines.append(#"{"id":\#(i),"text":"\#(texts[i % texts.count])"}"#); wants.append((i, .score))
            }
        }
        let input = "\(directory)/input.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)

        let run = try ChildProcess.run(["score", "--jsonl"], directory: directory, name: "score-jsonl", stdin: input, timeout: 50)
        #expect(run.exit == .status(0), "stderr:\n\(run.stderr)")
        let output = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.count == lines.count, "one output line per input line")
        var errors = 0
        for (index, line) in output.enumerated() where index < wants.count {
            guard let object = E2E.object(String(line)) else {
                Issue.record("output line \(index + 1) is not a JSON object: \(line)")
                continue
            }
            let want = wants[index]
            switch want.id {
            case let id as Int: #expect(object["id"] as? Int == id, "line \(index + 1): \(line)")
            case let id as String: #expect(object["id"] as? String == id, "line \(index + 1): \(line)")
            default: #expect(object["id"] is NSNull, "line \(index + 1): \(line)")
            }
            switch want.want {
            case .error:
                errors += 1
                #expect((object["error"] as? String)?.isEmpty == false, "line \(index + 1) should be an error: \(line)")
            case .score:
                #expect(object["error"] == nil, "line \(index + 1): \(line)")
                let valence = object["valence"] as? Double
                let arousal = object["arousal"] as? Double
                #expect(valence.map { (-1...1).contains($0) } == true, "line \(index + 1): \(line)")
                #expect(arousal.map { (0...1).contains($0) } == true, "line \(index + 1): \(line)")
                #expect(object["lang"] is String && object["categories"] is [Any], "line \(index + 1): \(line)")
            }
        }
        #expect(errors == 1800)
        // The same text always scores the same, whichever line it is on.
        let scored = output.compactMap { E2E.object(String($0)) }.filter { $0["error"] == nil }
        let negative = scored.filter { ($0["valence"] as? Double ?? 0) < -0.3 }
        #expect(!negative.isEmpty, "an angry line should score negative")
    }

    @Test("score TEXT explains the matched terms, with file and line", .timeLimit(.minutes(3)))
    func scoreExplains() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let english = try ChildProcess.run(["score", "I am so angry, this is terrible service"], directory: directory, name: "score-en")
        #expect(english.exit == .status(0), "stderr:\n\(english.stderr)")
        #expect(english.stdout.contains("(negative)"), "\(english.stdout)")
        #expect(english.stdout.contains(#"matched "angry""#), "\(english.stdout)")
        #expect(english.stdout.contains("en-sentiment.tsv:"), "\(english.stdout)")
        #expect(english.stdout.contains("language en"), "\(english.stdout)")

        let chinese = try ChildProcess.run(["score", "我真的不想活了"], directory: directory, name: "score-zh")
        #expect(chinese.exit == .status(0), "stderr:\n\(chinese.stderr)")
        #expect(chinese.stdout.contains(#"matched "不想活了""#), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("self_harm"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("language zh"), "\(chinese.stdout)")

        let nothing = try ChildProcess.run(["score"], directory: directory, name: "score-none")
        #expect(nothing.exit != .status(0), "score without text or --jsonl must fail")
        #expect(!nothing.stderr.isEmpty)
    }

    @Test("score --agent and \"speaker\":\"agent\" read a line as an agent's: for misconduct only", .timeLimit(.minutes(3)))
    func agentLines() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        // Misconduct no rule names, and a customer's disclosure, each read both ways.
        let curt = "You do realise it says non-refundable in capital letters, right? Capital letters."
        let agent = try ChildProcess.run(["score", "--agent", curt], directory: directory, name: "score-agent")
        #expect(agent.exit == .status(0), "stderr:\n\(agent.stderr)")
        #expect(agent.stdout.contains("categories rude") && agent.stdout.contains("learned model: rude"), "\(agent.stdout)")
        let customer = try ChildProcess.run(["score", curt], directory: directory, name: "score-customer")
        #expect(!customer.stdout.contains("rude"), "\(customer.stdout)")

        let input = "\(directory)/input.jsonl"
        try [
            #"{"id":1,"text":"\#(curt)","speaker":"agent"}"#,
            #"{"id":2,"text":"\#(curt)"}"#,
            #"{"id":3,"text":"我真的不想活了","speaker":"customer"}"#,
            #"{"id":4,"text":"hello","speaker":"robot"}"#,
        ].joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let run = try ChildProcess.run(["score", "--jsonl"], directory: directory, name: "score-jsonl-speaker", stdin: input, timeout: 50)
        #expect(run.exit == .status(0), "stderr:\n\(run.stderr)")
        let objects = run.stdout.split(separator: "\n").compactMap { E2E.object(String($0)) }
        #expect(objects.count == 4)
        guard objects.count == 4 else { return }
        #expect(objects[0]["categories"] as? [String] == ["rude"], "\(objects[0])")
        #expect((objects[1]["categories"] as? [String])?.contains("rude") == false, "\(objects[1])")
        #expect((objects[2]["categories"] as? [String])?.contains("self_harm") == true, "\(objects[2])")
        #expect((objects[3]["error"] as? String)?.contains("speaker") == true, "\(objects[3])")

        let both = try ChildProcess.run(["score", "--jsonl", "--agent"], directory: directory, name: "score-jsonl-agent")
        #expect(both.exit != .status(0) && both.stderr.contains("speaker"), "\(both.stderr)")
    }

    @Test("lexicon check: 0 on the repository's lexicons, 1 with file:line on a bad file", .timeLimit(.minutes(3)))
    func lexiconCheck() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let lexicons = E2E.repoRoot.appendingPathComponent("lexicons").path
        let good = try ChildProcess.run(["lexicon", "check", lexicons], directory: directory, name: "lexicon-good")
        #expect(good.exit == .status(0), "stdout:\n\(good.stdout)\nstderr:\n\(good.stderr)")
        #expect(good.stdout.contains("0 error(s)"), "\(good.stdout)")

        let embedded = try ChildProcess.run(["lexicon", "check"], directory: directory, name: "lexicon-embedded")
        #expect(embedded.exit == .status(0), "stdout:\n\(embedded.stdout)")

        let bad = "\(directory)/bad"
        try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: false)
        try """
        # file: en-test.tsv
        # what: a broken lexicon for the end-to-end test
        great\t2.0
        awful\tnot-a-number
        fine\t1.0\tno_such_tag
        """.write(toFile: "\(bad)/en-test.tsv", atomically: true, encoding: .utf8)
        let failed = try ChildProcess.run(["lexicon", "check", bad], directory: directory, name: "lexicon-bad")
        #expect(failed.exit == .status(1), "stdout:\n\(failed.stdout)\nstderr:\n\(failed.stderr)")
        #expect(failed.stdout.contains("en-test.tsv:4:"), "the bad weight is reported at its line:\n\(failed.stdout)")
        #expect(failed.stdout.contains("en-test.tsv:5:"), "the unknown tag is reported at its line:\n\(failed.stdout)")

        let missing = try ChildProcess.run(["lexicon", "check", "\(directory)/nowhere"], directory: directory, name: "lexicon-missing")
        #expect(missing.exit != .status(0))
        #expect(missing.stderr.contains("nowhere"), "\(missing.stderr)")
    }

    @Test("config --defaults parses back: config --check on it exits 0; a bad file does not", .timeLimit(.minutes(3)))
    func configRoundTrip() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let defaults = try ChildProcess.run(["config", "--defaults"], directory: directory, name: "config-defaults")
        #expect(defaults.exit == .status(0))
        #expect(defaults.stdout.contains("ingest:"), "\(defaults.stdout)")
        #expect(defaults.stdout.contains("engine:"), "\(defaults.stdout)")
        let file = "\(directory)/moodline.yaml"
        try defaults.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let check = try ChildProcess.run(["config", "--check", file], directory: directory, name: "config-check")
        #expect(check.exit == .status(0), "stdout:\n\(check.stdout)\nstderr:\n\(check.stderr)")
        #expect(check.stdout.contains("valid"), "\(check.stdout)")

        let broken = "\(directory)/broken.yaml"
        try "batch_size: lots\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let rejected = try ChildProcess.run(["config", "--check", broken], directory: directory, name: "config-broken")
        #expect(rejected.exit != .status(0), "a non-numeric batch_size must be refused")
        #expect(rejected.stderr.contains("broken.yaml:1: batch_size: expected a whole number, found `lots`"), "\(rejected.stderr)")
        #expect(!rejected.stderr.contains("Usage"), "a configuration error is no usage error: \(rejected.stderr)")
    }

    @Test("config --check reports every unknown key with its line and the key meant; --set is checked too", .timeLimit(.minutes(3)))
    func configTyposAreErrors() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let file = "\(directory)/typos.yaml"
        try """
        databse: /tmp/x.db
        console:
          prot: 9000
          tokens:
            - {token: abc, name: Lin, teem: t-1}
        escalation:
          teirs:
            - {name: lead, acknowledge_within_s: 5}
        engine:
          rules:
            abuse: {cooldown_seconds: 60}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let typos = try ChildProcess.run(["config", "--check", file], directory: directory, name: "config-typos")
        #expect(typos.exit != .status(0))
        for expected in [
            "typos.yaml:1: databse: unknown key `databse`; did you mean `database`?",
            "typos.yaml:3: console.prot: unknown key `prot`; did you mean `port`?",
            "typos.yaml:5: console.tokens.teem: unknown key `teem`; did you mean `team`?",
            "typos.yaml:7: escalation.teirs: unknown key `teirs`; did you mean `tiers`?",
        ] {
            #expect(typos.stderr.contains(expected), "missing \(expected) in:\n\(typos.stderr)")
        }
        #expect(!typos.stderr.contains("cooldown_seconds"), "a known key is no error: \(typos.stderr)")

        let empty = "\(directory)/empty.yaml"
        try "# nothing changed\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let set = try ChildProcess.run(["config", "--check", empty, "--set", "console.prot=1"], directory: directory, name: "config-set")
        #expect(set.exit != .status(0))
        #expect(set.stderr.contains("console.prot: unknown key `prot`; did you mean `port`?"), "\(set.stderr)")
        let good = try ChildProcess.run(["config", "--check", empty, "--set", "console.port=1", "--set", "lexicons=\(directory)"], directory: directory, name: "config-set-good")
        #expect(good.exit == .status(0), "\(good.stderr)")
    }

    @Test("db prune: removes the old, keeps open tickets, reports counts; refuses without an age or a file", .timeLimit(.minutes(3)))
    func databasePrune() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let path = "\(directory)/moodline.db"
        let now = Date().timeIntervalSince1970
        do {
            let store = try TicketStore(path: path)
            let old = Alert(
                kind: .abuse, severity: .critical, session: "old-call", agent: "a-1", team: "t-1", speaker: .customer, seq: 3,
                ts: now - 200 * 86_400, episode: 1, scores: AlertScores(valence: -0.5, arousal: 0.5, smoothedValence: -0.3, smoothedArousal: 0.3),
                evidence: [])
            _ = try store.record([old], policy: .standard, now: now - 200 * 86_400)
            try store.resolve(key: old.ticketKey, by: "lead", at: now - 199 * 86_400)
            try store.saveSummary(SessionSummary(session: "old-call", startTs: now - 200 * 86_400, endTs: now - 200 * 86_400 + 60, endReason: .ended))
            try store.close()
        }
        let run = try ChildProcess.run(["db", "prune", "--older-than", "90", "--database", path], directory: directory, name: "db-prune")
        #expect(run.exit == .status(0), "\(run.stderr)")
        #expect(run.stdout.contains("1 alerts, 1 resolved tickets, 1 summaries"), "\(run.stdout)")
        #expect(run.stdout.contains("compacted"))
        #expect(try TicketStore(path: path).tickets(limit: 10).isEmpty)
        let noAge = try ChildProcess.run(["db", "prune", "--database", path], directory: directory, name: "db-prune-no-age")
        #expect(noAge.exit == .status(1) && noAge.stderr.contains("--older-than"), "\(noAge.stderr)")
        #expect(!noAge.stderr.contains("USAGE"), "a start-up error prints no usage text")
    }
}
