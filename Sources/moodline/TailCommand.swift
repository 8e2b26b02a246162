import ArgumentParser
import Foundation
import MoodlineServer
import MoodlineWire

#if canImport(Glibc)
import Glibc
#endif

struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow the live feed of a running `moodline serve`: alerts, tickets and session ends.",
        discussion: """
        Prints one line per message: event time, severity, kind, session, agent, team, speaker,
        fragment and the evidence terms; for tickets the action, tier and time to the deadline.
        With no filter it follows everything once (alerts from agent/*, tickets from ticket/*,
        session ends and, with --snapshots, state snapshots from session/*). Filters combine:
        a message is shown when any of them matches. Ctrl-C stops.

        Examples:
          moodline tail                       everything
          moodline tail --team t-1            one supervisor's team
          moodline tail --agent a-3 --json    one agent desktop's raw feed
          moodline tail --tickets             urgent tickets only
        """
    )

    @Option(help: ArgumentHelp("The publish endpoint to SUBscribe to.", valueName: "endpoint"))
    var connect: String = ServerConfiguration().publish

    @Option(help: ArgumentHelp("Only this team's feed (repeatable).", valueName: "id"))
    var team: [String] = []

    @Option(help: ArgumentHelp("Only this agent's feed (repeatable).", valueName: "id"))
    var agent: [String] = []

    @Option(help: ArgumentHelp("Only this conversation's feed (repeatable).", valueName: "id"))
    var session: [String] = []

    @Flag(help: "Only tickets (the ticket/<severity> topics).")
    var tickets = false

    @Flag(help: "Also show state snapshots (about one a second per live conversation).")
    var snapshots = false

    @Flag(help: "Print the raw JSON bodies, one per line.")
    var json = false

    @Option(help: "Exit after printing this many messages.")
    var count: Int?

    @OptionGroup var curve: CurveClientOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        for id in team + agent + session where id.isEmpty { throw ValidationError("ids must not be empty") }
    }

    func run() throws {
        ShutdownSignal.install()
        let filter = TopicFilter(teams: team, agents: agent, sessions: session, tickets: tickets, snapshots: snapshots)
        let style = ConsoleStyle.forStandardOutput()
        // Following only agents' feeds is an agent's desktop: guidance, not codes.
        let agentDesktop = !agent.isEmpty && team.isEmpty && session.isEmpty
        let keys = try curve.clientKeys()
        let context = try ZMQContext()
        let socket = try context.socket(.sub)
        defer { socket.close() }
        try socket.set(.receiveTimeout(milliseconds: 200))
        try socket.set(.linger(milliseconds: 0))
        for prefix in filter.subscriptions { try socket.subscribe(prefix) }
        if let keys { try socket.useCurve(keys) }
        try socket.connect(connect)

        var printed = 0
        var previous: [UInt8] = []
        while !ShutdownSignal.isRequested {
            guard let frames = try socket.receiveMultipart(), frames.count >= 2 else { continue }
            let topic = String(decoding: frames[0], as: UTF8.self)
            let body = frames[1]
            guard filter.accepts(topic) || filter.mayCarryTeamSnapshot(topic) else { continue }
            // One result goes out under several topics back to back (agent/ and team/, ticket/
            // and team/): show it once.
            if body == previous { continue }
            previous = body
            guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else { continue }
            let type = object["type"] as? String ?? "?"
            if type == "snapshot" && !snapshots { continue }
            if !filter.accepts(topic) {
                // Snapshots are published per session only: keep those of the filtered teams and agents.
                guard type == "snapshot", let snapshot = object["snapshot"] as? [String: Any], filter.wants(snapshot) else { continue }
            }
            // Unbuffered, so `moodline tail | grep …` shows each line as it comes; a closed pipe ends the tail.
            let line = json ? String(decoding: body, as: UTF8.self) : FeedLine(object: object, style: style, forAgent: agentDesktop).text
            do {
                try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
            } catch {
                break
            }
            printed += 1
            if let count, printed >= count { break }
        }
    }
}

/// Which topics `moodline tail` subscribes to, and which received topics it shows.
///
/// SUB matching is by prefix (`agent/a-1` also receives `agent/a-10`), so ids are compared exactly.
struct TopicFilter {
    var exact: Set<String> = []
    var tickets: Bool
    var everything: Bool
    var teams: Set<String>
    var agents: Set<String>
    /// Snapshots go out on session/<id> only, so a team or agent filter that wants them also
    /// listens to session/ and keeps the snapshots of its teams and agents.
    var teamSnapshots: Bool

    init(teams: [String], agents: [String], sessions: [String], tickets: Bool, snapshots: Bool = false) {
        self.teams = Set(teams)
        self.agents = Set(agents)
        teamSnapshots = snapshots && !(teams.isEmpty && agents.isEmpty)
        exact.formUnion(teams.map { "team/" + $0 })
        exact.formUnion(agents.map { "agent/" + $0 })
        exact.formUnion(sessions.map { "session/" + $0 })
        self.tickets = tickets
        everything = exact.isEmpty && !tickets
    }

    /// With no filter, every result once: alerts all go to agent/, tickets to ticket/, session
    /// ends and snapshots to session/; team/ would only repeat them.
    var subscriptions: [String] {
        if everything { return ["agent/", "ticket/", "session/"] }
        return exact.sorted() + (tickets ? ["ticket/"] : []) + (teamSnapshots ? ["session/"] : [])
    }

    func mayCarryTeamSnapshot(_ topic: String) -> Bool {
        teamSnapshots && topic.hasPrefix("session/")
    }

    /// True for a snapshot of one of the filtered teams or agents.
    func wants(_ snapshot: [String: Any]) -> Bool {
        (snapshot["team"] as? String).map(teams.contains) == true || (snapshot["agent"] as? String).map(agents.contains) == true
    }

    func accepts(_ topic: String) -> Bool {
        if everything { return true }
        return exact.contains(topic) || (tickets && topic.hasPrefix("ticket/"))
    }
}

/// ANSI colours when standard output is a terminal and `NO_COLOR` is not set, plain text otherwise.
struct ConsoleStyle {
    var enabled: Bool

    static func forStandardOutput() -> ConsoleStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ConsoleStyle(enabled: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func severity(_ severity: String) -> String {
        let label = severity.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
        switch severity {
        case "critical": return paint(label, "1;31")
        case "warning": return paint(label, "33")
        case "info": return paint(label, "36")
        default: return paint(label, "2")
        }
    }

    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }

    /// `HH:MM:SS` in local time.
    static func clock(_ ts: Double) -> String { EventTimeFormat.clock(ts) }

    /// Time left to `deadline` by the wall clock (see ``EventTimeFormat/countdown(to:now:)``).
    static func countdown(to deadline: Double, now: Double = Date().timeIntervalSince1970) -> String {
        EventTimeFormat.countdown(to: deadline, now: now)
    }
}

/// One published message as a readable line.
struct FeedLine {
    var object: [String: Any]
    var style: ConsoleStyle
    /// An agent's desktop: alerts read as their plain-language cue and next step, not as
    /// kind names and scores.
    var forAgent = false

    var text: String {
        switch object["type"] as? String {
        case "alert": alertLine(object["alert"] as? [String: Any] ?? [:])
        case "ticket": ticketLine(object["ticket"] as? [String: Any] ?? [:], action: object["action"] as? String ?? "?", at: object["at"])
        case "session_end": summaryLine(object["summary"] as? [String: Any] ?? [:])
        case "snapshot": snapshotLine(object["snapshot"] as? [String: Any] ?? [:])
        default: style.dim("? \(object["type"] as? String ?? "unknown message")")
        }
    }

    private func time(_ value: Any?) -> String {
        (value as? Double).map(ConsoleStyle.clock) ?? "--:--:--"
    }

    private func who(_ o: [String: Any]) -> String {
        "\(o["session"] as? String ?? "?")  agent \(o["agent"] as? String ?? "-")  team \(o["team"] as? String ?? "-")"
    }

    /// The matched words and phrases; scores and prosody readings only when no term matched.
    static func evidence(_ alert: [String: Any]) -> String {
        let items = alert["evidence"] as? [[String: Any]] ?? []
        let terms = items.filter { $0["kind"] as? String == "term" }.compactMap { $0["label"] as? String }
        if !terms.isEmpty {
            var seen = Set<String>()
            return terms.filter { seen.insert($0).inserted }.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return items.filter { $0["kind"] as? String == "prosody" }.prefix(3).compactMap { item in
            guard let label = item["label"] as? String else { return nil }
            return (item["value"] as? Double).map { "\(label) \(String(format: "%.2f", $0))" } ?? label
        }.joined(separator: ", ")
    }

    private func alertLine(_ a: [String: Any]) -> String {
        if forAgent, let guidance = a["guidance"] as? [String: Any], let cue = guidance["cue"] as? String {
            let next = guidance["next"] as? String ?? ""
            return "\(time(a["ts"]))  \(style.severity(a["severity"] as? String ?? "?"))  \(style.bold(cue))  \(next)"
        }
        let kind = (a["kind"] as? String ?? "?").padding(toLength: 17, withPad: " ", startingAt: 0)
        let seq = (a["seq"] as? Int).map { " #\($0)" } ?? ""
        let evidence = Self.evidence(a)
        return "\(time(a["ts"]))  \(style.severity(a["severity"] as? String ?? "?"))  \(style.bold(kind))  \(who(a))  \(a["speaker"] as? String ?? "?")\(seq)"
            + (evidence.isEmpty ? "" : "  " + style.dim(evidence))
    }

    /// A ticket's line, stamped with the time of this action (a re-send's own), falling back
    /// to the ticket's first alert for a server that does not send one.
    private func ticketLine(_ t: [String: Any], action: String, at: Any?) -> String {
        let status = t["status"] as? String ?? "?"
        let tier = "tier \(t["tier"] as? Int ?? 0) \(t["tier_name"] as? String ?? "")"
        let due = status == "open" ? (t["deadline"] as? Double).map { ConsoleStyle.countdown(to: $0) } ?? "" : status
        // An incident lists every kind the conversation has raised so far.
        let kind = (t["kinds"] as? [String]).map { $0.joined(separator: "+") } ?? (t["kind"] as? String ?? "?")
        let evidence = (t["alert"] as? [String: Any]).map(Self.evidence) ?? ""
        return "\(time(at ?? t["ts"]))  \(style.severity(t["severity"] as? String ?? "?"))  \(style.paint("ticket " + action, "35"))  \(style.bold(kind))  \(t["key"] as? String ?? "?")  agent \(t["agent"] as? String ?? "-")  team \(t["team"] as? String ?? "-")  \(tier)  \(due)"
            + (evidence.isEmpty ? "" : "  " + style.dim(evidence))
    }

    private func summaryLine(_ s: [String: Any]) -> String {
        let alerts = (s["alerts"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        return "\(time(s["end_ts"]))  \(style.dim("ended   "))  \("session_end".padding(toLength: 17, withPad: " ", startingAt: 0))  \(who(s))  \(s["fragments"] as? Int ?? 0) fragments"
            + (alerts.isEmpty ? "" : "  alerts: " + alerts)
    }

    private func snapshotLine(_ s: [String: Any]) -> String {
        func f(_ key: String) -> String { String(format: "%+.2f", s[key] as? Double ?? 0) }
        let open = (s["open_alerts"] as? [String] ?? []).joined(separator: ",")
        return style.dim("\(time(s["last_ts"]))  snapshot  \("".padding(toLength: 17, withPad: " ", startingAt: 0))  \(who(s))  customer v\(f("customer_valence")) a\(f("customer_arousal"))  agent v\(f("agent_valence")) a\(f("agent_arousal"))  risk \(f("risk"))")
            + (open.isEmpty ? "" : "  open: " + open)
    }
}
