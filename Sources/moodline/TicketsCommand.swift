import ArgumentParser
import Foundation
import MoodlineServer
import MoodlineWire

struct TicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "List, show, acknowledge and resolve urgent tickets on a running `moodline serve`.",
        discussion: """
        Talks to the control endpoint (REQ/REP). A server that does not answer within --timeout
        seconds is an error (exit 1), as is a request the server refuses. Acknowledging,
        resolving and feedback need the server's CURVE authentication: they are recorded under
        the name your key is listed with (--key, --server-key).

        Examples:
          moodline tickets list --status open --team t-1
          moodline tickets show sim-1-4/self_harm/1
          moodline tickets ack sim-1-4/self_harm/1 --key lena.key --server-key 'SERVER-PUBLIC-KEY'
          moodline tickets resolve sim-1-4/self_harm/1 --note "called back, customer safe"   (with MOODLINE_KEY and MOODLINE_SERVER_KEY set)
        """,
        subcommands: [List.self, Show.self, Acknowledge.self, Resolve.self, Judge.self],
        defaultSubcommand: List.self
    )

    /// Options every tickets subcommand takes.
    struct Connection: ParsableArguments {
        @Option(help: ArgumentHelp("The control endpoint.", valueName: "endpoint"))
        var connect: String = ServerConfiguration().control

        @Option(help: "Seconds to wait for an answer.")
        var timeout: Double = 5

        @Flag(help: "Print the server's JSON reply as is.")
        var json = false

        @OptionGroup var curve: CurveClientOptions

        func validate() throws {
            guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        }

        /// Sends one request and returns the reply's object, or exits 1 with a readable reason.
        func request(_ fields: [(String, String)], numbers: [(String, Int)] = []) throws -> [String: Any] {
            var writer = JSONWriter()
            writer.beginObject()
            for (name, value) in fields {
                writer.key(name)
                writer.string(value)
            }
            for (name, value) in numbers {
                writer.key(name)
                writer.int(value)
            }
            writer.endObject()
            let reply: [UInt8]
            let keys = try curve.clientKeys()
            do {
                let context = try ZMQContext()
                let socket = try context.socket(.req)
                defer { socket.close() }
                // Linger 0: a request no server took must not hold the exit for a second.
                try socket.set(.linger(milliseconds: 0))
                try socket.set(.receiveTimeout(milliseconds: Int32(min(timeout * 1000, Double(Int32.max)))))
                try socket.set(.sendTimeout(milliseconds: Int32(min(timeout * 1000, Double(Int32.max)))))
                if let keys { try socket.useCurve(keys) }
                try socket.connect(connect)
                guard try socket.send(writer.bytes), let bytes = try socket.receiveBytes() else {
                    fail("no answer from \(connect) within \(Self.seconds(timeout)) — is `moodline serve` running"
                        + (keys == nil ? "? (If it uses CURVE, give --key and --server-key.)" : ", and is your key listed for its control socket?"))
                }
                reply = bytes
            } catch {
                fail("cannot reach \(connect): \(error)")
            }
            if json { print(String(decoding: reply, as: UTF8.self)) }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(reply))) as? [String: Any] else {
                fail("the server's reply is not a JSON object: \(String(decoding: reply.prefix(200), as: UTF8.self))")
            }
            guard object["ok"] as? Bool == true else {
                let code = object["code"] as? String ?? "error"
                fail("\(object["error"] as? String ?? "the server refused the request") (\(code))")
            }
            return object
        }

        private static func seconds(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tickets, newest first, as a table.")

        @Option(help: "Only tickets with this status: open, acknowledged or resolved.")
        var status: String?

        @Option(help: "Only this team's tickets.")
        var team: String?

        @Option(help: "Show at most this many.")
        var limit: Int = 100

        @OptionGroup var connection: Connection

        func validate() throws {
            if let status, !["open", "acknowledged", "resolved"].contains(status) {
                throw ValidationError("--status is open, acknowledged or resolved")
            }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            var fields = [("cmd", "tickets")]
            if let status { fields.append(("status", status)) }
            if let team { fields.append(("team", team)) }
            let reply = try connection.request(fields, numbers: [("limit", limit)])
            if connection.json { return }
            let tickets = reply["tickets"] as? [[String: Any]] ?? []
            guard !tickets.isEmpty else {
                print("no tickets" + (status.map { " with status \($0)" } ?? "") + (team.map { " in team \($0)" } ?? ""))
                return
            }
            print(TicketTable(tickets: tickets, style: .forStandardOutput()).text, terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one ticket, its alert's evidence and its history.")

        @Argument(help: "The ticket key (session/kind/episode).")
        var key: String

        @OptionGroup var connection: Connection

        func run() throws {
            let reply = try connection.request([("cmd", "ticket"), ("key", key)])
            if connection.json { return }
            let ticket = reply["ticket"] as? [String: Any] ?? [:]
            let style = ConsoleStyle.forStandardOutput()
            func value(_ name: String) -> String {
                switch ticket[name] {
                case let text as String: return text
                case let number as Double where name.hasSuffix("_at") || name == "ts" || name == "deadline" || name == "created_at":
                    return Self.dateTime(number)
                case let number as NSNumber: return number.stringValue
                default: return "-"
                }
            }
            let live = (reply["live"] as? Bool).map { $0 ? "call live" : "call ended" } ?? ""
            print("\(style.bold(value("key")))  \(style.severity(value("severity")))  \(value("status"))  \(live)")
            let kinds = (ticket["kinds"] as? [String])?.joined(separator: ", ") ?? value("kind")
            print("  kinds       \(kinds) (opened by \(value("kind")), \(value("speaker")) fragment #\(value("seq")))")
            print("  session     \(value("session"))   agent \(value("agent"))   team \(value("team"))")
            print("  raised      \(value("ts"))")
            print("  owner       tier \(value("tier")) \(value("tier_name"))   deadline \(value("deadline"))"
                + ((ticket["status"] as? String) == "open" ? (ticket["deadline"] as? Double).map { " (\(ConsoleStyle.countdown(to: $0)))" } ?? "" : ""))
            if ticket["acknowledged_by"] is String { print("  acknowledged by \(value("acknowledged_by")) at \(value("acknowledged_at"))") }
            if ticket["resolved_by"] is String {
                print("  resolved by \(value("resolved_by")) at \(value("resolved_at"))" + (ticket["resolution_note"] is String ? ": \(value("resolution_note"))" : ""))
            }
            let transcript = reply["transcript"] as? [[String: Any]] ?? []
            if !transcript.isEmpty {
                print("  what was said (personal data masked)")
                for turn in transcript {
                    let at = (turn["ts"] as? Double).map(EventTimeFormat.clock) ?? "?"
                    let who = (turn["speaker"] as? String ?? "?").padding(toLength: 8, withPad: " ", startingAt: 0)
                    print("    #\(turn["seq"] as? Int ?? 0)  \(at)  \(who)  \(turn["text"] as? String ?? "")")
                }
            }
            let alerts = reply["alerts"] as? [[String: Any]] ?? (ticket["alert"] as? [String: Any]).map { [$0] } ?? []
            for alert in alerts {
                print("  alert       \(alert["kind"] as? String ?? "?") at fragment #\(alert["seq"] as? Int ?? 0)")
                for item in alert["evidence"] as? [[String: Any]] ?? [] {
                    let label = item["label"] as? String ?? "?"
                    let number = (item["value"] as? Double).map { " = " + String(format: "%.2f", $0) } ?? ""
                    print("    \((item["kind"] as? String ?? "?").padding(toLength: 8, withPad: " ", startingAt: 0))  \(label)\(number)")
                }
            }
            print("  history")
            for event in reply["history"] as? [[String: Any]] ?? [] {
                let at = (event["at"] as? Double).map(Self.dateTime) ?? "?"
                let actor = event["actor"] as? String ?? "policy"
                let note = (event["note"] as? String).map { "  \"\($0)\"" } ?? ""
                print("    \(at)  \((event["action"] as? String ?? "?").padding(toLength: 12, withPad: " ", startingAt: 0))  by \(actor)  tier \(event["tier"] as? Int ?? 0) \(event["tier_name"] as? String ?? "")\(note)")
            }
        }

        static func dateTime(_ ts: Double) -> String { EventTimeFormat.dateTime(ts) }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge a ticket: it stops escalating.")

        @Argument(help: "The ticket key.")
        var key: String

        @OptionGroup var connection: Connection

        func run() throws {
            let reply = try connection.request([("cmd", "ack"), ("key", key)])
            if connection.json { return }
            let ticket = reply["ticket"] as? [String: Any] ?? [:]
            print("acknowledged \(ticket["key"] as? String ?? key) by \(ticket["acknowledged_by"] as? String ?? "?") (tier \(ticket["tier"] as? Int ?? 0) \(ticket["tier_name"] as? String ?? ""))")
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve a ticket, with an optional note.")

        @Argument(help: "The ticket key.")
        var key: String

        @Option(help: "What was done.")
        var note: String?

        @OptionGroup var connection: Connection

        func run() throws {
            var fields = [("cmd", "resolve"), ("key", key)]
            if let note { fields.append(("note", note)) }
            let reply = try connection.request(fields)
            if connection.json { return }
            let ticket = reply["ticket"] as? [String: Any] ?? [:]
            print("resolved \(ticket["key"] as? String ?? key) by \(ticket["resolved_by"] as? String ?? "?")")
        }
    }
}

extension TicketsCommand {
    struct Judge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback",
            abstract: "Say whether a ticket, or one alert, was a false alarm or helpful: the labels `moodline tune` learns from.",
            discussion: """
            A second verdict from the same person on the same ticket or alert replaces the first.

            Examples:
              moodline tickets feedback call-7/abuse/1 false_alarm --note "swearing at the app"
              moodline tickets feedback --alert call-7/customer_anger/1 helpful
            """
        )

        @Argument(help: "The ticket key (session/kind/episode), then false_alarm or helpful; with --alert, only the verdict.")
        var words: [String] = []

        @Option(help: ArgumentHelp("Judge this one alert instead of a ticket (session/kind/episode).", valueName: "key"))
        var alert: String?

        @Option(help: "Why, in a few words.")
        var note: String?

        @OptionGroup var connection: Connection

        var verdict: String { words.last ?? "" }

        func validate() throws {
            if words.count != (alert == nil ? 2 : 1) {
                throw ValidationError("give a ticket key and a verdict (or --alert KEY and a verdict)")
            }
            if !["false_alarm", "helpful"].contains(verdict) { throw ValidationError("the verdict is false_alarm or helpful, not '\(verdict)'") }
        }

        func run() throws {
            var fields = [("cmd", "feedback"), alert.map { ("alert", $0) } ?? ("ticket", words[0]), ("verdict", verdict)]
            if let note { fields.append(("note", note)) }
            let reply = try connection.request(fields)
            if connection.json { return }
            let feedback = reply["feedback"] as? [String: Any] ?? [:]
            print("\(feedback["target"] as? String ?? "ticket") \(feedback["key"] as? String ?? "") marked \(verdict) by \(feedback["by"] as? String ?? "?")")
        }
    }
}

/// Prints `message` as an error and exits 1.
private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    TicketsCommand.exit(withError: ExitCode.failure)
}

/// Tickets as an aligned table.
struct TicketTable {
    var tickets: [[String: Any]]
    var style: ConsoleStyle

    var text: String {
        let header = ["KEY", "KIND", "SEVERITY", "TEAM", "AGENT", "TIER", "STATUS", "DEADLINE"]
        let rows: [[String]] = tickets.map { t in
            let status = t["status"] as? String ?? "?"
            let deadline = status == "open" ? (t["deadline"] as? Double).map { ConsoleStyle.countdown(to: $0) } ?? "-" : "-"
            return [
                t["key"] as? String ?? "?", t["kind"] as? String ?? "?", t["severity"] as? String ?? "?",
                t["team"] as? String ?? "-", t["agent"] as? String ?? "-",
                "\(t["tier"] as? Int ?? 0) \(t["tier_name"] as? String ?? "")", status, deadline,
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String], severityColumn: Bool) -> String {
            cells.enumerated().map { i, cell in
                let padded = i == cells.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                return severityColumn && i == 2 ? style.paint(padded, Self.colour(cell)) : padded
            }.joined(separator: "  ") + "\n"
        }
        return line(header, severityColumn: false) + rows.map { line($0, severityColumn: true) }.joined()
    }

    private static func colour(_ severity: String) -> String {
        switch severity {
        case "critical": "1;31"
        case "warning": "33"
        default: "36"
        }
    }
}
