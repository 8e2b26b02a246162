import Foundation
import MoodlineWire
import Testing

/// The console's HTTP API against a running `serve`: access by token and team, every status
/// code, ticket changes recorded and published, the event stream, metrics and health.
@Suite("End to end: console API", .serialized)
struct ConsoleAPITests {
    static let teamOne = "team-one-token-4f1d2c9a"
    static let teamTwo = "team-two-token-8b3e7d10"
    static let operatorToken = "operator-token-c6a9e2f4"

    /// A server with three tokens and one self-harm conversation in each of teams t-1 and t-2.
    final class Fixture {
        let directory: String
        let context: ZMQContext
        let server: ServerProcess
        let pusher: Pusher
        let base: String
        let ts = 1_763_950_000.0

        init() throws {
            directory = try E2E.makeTemporaryDirectory()
            let config = """
            console:
              tokens:
                - token: \(ConsoleAPITests.teamOne)
                  name: Lead One
                  team: t-1
                - token: \(ConsoleAPITests.teamTwo)
                  name: Lead Two
                  team: t-2
                - token: \(ConsoleAPITests.operatorToken)
                  name: Duty Manager
                  team: "*"
            """
            try config.write(toFile: "\(directory)/moodline.yaml", atomically: true, encoding: .utf8)
            context = try ZMQContext()
            // CURVE on, so the control socket knows who records feedback.
            let curve = try E2ECurve(clients: [("gateway", ["ingest"]), ("qa-mei", ["control"]), ("feed", ["publish"])])
            server = try ServerProcess(
                directory: directory, arguments: ["--config", "\(directory)/moodline.yaml"], context: context, curve: curve, controlAs: "qa-mei")
            pusher = try Pusher(context: context, endpoint: server.ingest, curve: curve.keys("gateway"))
            base = try server.consoleBase()
            var count = 0
            for (session, team) in [("one-1", "t-1"), ("two-1", "t-2")] {
                let events = [Conversation.start(session, ts: ts, team: team)] + Conversation.fragments(session, ts: ts, team: team)
                for event in events { try pusher.send(Conversation.bytes(event)) }
                count += events.count
            }
            try server.waitForReceived(count)
            // The tickets are committed by the writer thread just after the messages are taken.
            let ready = try E2E.waitUntil(timeout: 10) { try server.tickets().count == 2 }
            guard ready else { throw E2EError("expected 2 tickets, have \(try server.tickets())") }
        }

        func key(of team: String) throws -> String {
            let ticket = try server.tickets().first { $0["team"] as? String == team }
            return try #require(ticket?["key"] as? String)
        }

        deinit {
            pusher.close()
            server.stop()
            E2E.removeDirectory(directory)
        }
    }

    @Test("a missing or wrong token gets 401 and no data, on every protected route", .timeLimit(.minutes(2)))
    func unauthorized() throws {
        let f = try Fixture()
        let key = try f.key(of: "t-1").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let routes: [(String, String)] = [
            ("GET", "/api/v1/me"), ("GET", "/api/v1/sessions"), ("GET", "/api/v1/sessions/one-1"), ("GET", "/api/v1/alerts"),
            ("GET", "/api/v1/tickets"), ("GET", "/api/v1/tickets/\(key)"), ("POST", "/api/v1/tickets/\(key)/acknowledge"),
            ("POST", "/api/v1/tickets/\(key)/resolve"), ("GET", "/api/v1/events"), ("GET", "/api/v1/no-such-route"),
        ]
        for (method, path) in routes {
            for token in [nil, "wrong-token-000000000000", ConsoleAPITests.teamOne + "x", String(ConsoleAPITests.teamOne.dropLast())] {
                let headers = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
                let reply = try HTTP.request(method, f.base + path, headers: headers)
                #expect(reply.status == 401, "\(method) \(path) with \(token ?? "no token"): \(reply.status) \(reply.text)")
                #expect(reply.json?.keys.sorted() == ["error"], "only the error, nothing else: \(reply.text)")
                #expect(!reply.text.contains("one-1") && !reply.text.contains("self_harm"), "no data leaks: \(reply.text)")
            }
        }
        // The token in the query works like the header (EventSource cannot set headers); a wrong one does not.
        #expect(try HTTP.get(f.base + "/api/v1/me?token=wrong-token-000000000000").status == 401)
        #expect(try HTTP.get(f.base + "/api/v1/me?token=\(ConsoleAPITests.teamOne)").status == 200)
        // The page itself: a sign-in form without the token, the console with it.
        let page = try HTTP.get(f.base + "/")
        #expect(page.status == 401)
        #expect(page.text.contains("<form") && !page.text.contains("one-1"))
        #expect(try HTTP.get(f.base + "/?token=nope-nope-nope-nope").status == 401)
        let console = try HTTP.get(f.base + "/?token=\(ConsoleAPITests.teamOne)")
        #expect(console.status == 200)
        #expect(console.headers["content-security-policy"]?.contains("default-src 'none'") == true, "nothing loads from elsewhere")
        // Health and metrics carry no conversation data and stay open for probes and scrapers.
        #expect(try HTTP.get(f.base + "/healthz").status == 200)
        #expect(try HTTP.get(f.base + "/metrics").status == 200)
    }

    @Test("a team supervisor sees only their team; an operator sees all", .timeLimit(.minutes(2)))
    func teamScope() throws {
        let f = try Fixture()
        func sessions(_ token: String) throws -> [String] {
            let reply = try HTTP.get(f.base + "/api/v1/sessions", token: token)
            #expect(reply.status == 200)
            let list = reply.json?["sessions"] as? [[String: Any]] ?? []
            return list.compactMap { $0["session"] as? String }.sorted()
        }
        func tickets(_ token: String, _ query: String = "") throws -> [String] {
            let reply = try HTTP.get(f.base + "/api/v1/tickets" + query, token: token)
            #expect(reply.status == 200, "\(reply.text)")
            return (reply.json?["tickets"] as? [[String: Any]] ?? []).compactMap { $0["team"] as? String }.sorted()
        }
        func alertTeams(_ token: String) throws -> Set<String> {
            let reply = try HTTP.get(f.base + "/api/v1/alerts", token: token)
            #expect(reply.status == 200)
            return Set((reply.json?["alerts"] as? [[String: Any]] ?? []).compactMap { $0["team"] as? String })
        }
        // Sessions appear with their first snapshot, published by the writer after the commit.
        #expect(try E2E.waitUntil(timeout: 10) { try sessions(ConsoleAPITests.operatorToken) == ["one-1", "two-1"] })
        #expect(try sessions(ConsoleAPITests.teamOne) == ["one-1"])
        #expect(try sessions(ConsoleAPITests.teamTwo) == ["two-1"])
        #expect(try tickets(ConsoleAPITests.teamOne) == ["t-1"])
        #expect(try tickets(ConsoleAPITests.teamTwo) == ["t-2"])
        #expect(try tickets(ConsoleAPITests.operatorToken) == ["t-1", "t-2"])
        #expect(try tickets(ConsoleAPITests.operatorToken, "?team=t-2") == ["t-2"])
        #expect(try alertTeams(ConsoleAPITests.teamOne) == ["t-1"])
        #expect(try alertTeams(ConsoleAPITests.operatorToken) == ["t-1", "t-2"])

        let me = try HTTP.get(f.base + "/api/v1/me", token: ConsoleAPITests.teamOne).json
        #expect(me?["name"] as? String == "Lead One")
        #expect(me?["team"] as? String == "t-1")
        #expect(me?["admin"] as? Bool == false)
        #expect(try HTTP.get(f.base + "/api/v1/me", token: ConsoleAPITests.operatorToken).json?["admin"] as? Bool == true)

        // Another team's things look exactly like missing ones, and cannot be changed.
        let other = try f.key(of: "t-2")
        let encoded = other.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try HTTP.get(f.base + "/api/v1/sessions/two-1", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.get(f.base + "/api/v1/sessions/one-1", token: ConsoleAPITests.teamOne).status == 200)
        #expect(try HTTP.get(f.base + "/api/v1/tickets/\(encoded)", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.get(f.base + "/api/v1/tickets?team=t-2", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.get(f.base + "/api/v1/sessions?team=t-2", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.get(f.base + "/api/v1/alerts?team=t-2", token: ConsoleAPITests.teamOne).status == 404)
        let filtered = try HTTP.get(f.base + "/api/v1/sessions?team=t-2", token: ConsoleAPITests.operatorToken).json?["sessions"] as? [[String: Any]]
        #expect(filtered?.compactMap { $0["session"] as? String } == ["two-1"], "an operator may narrow to one team")
        let refused = try HTTP.post(f.base + "/api/v1/tickets/\(encoded)/acknowledge", token: ConsoleAPITests.teamOne)
        #expect(refused.status == 404, "\(refused.text)")
        #expect(try f.server.tickets().first { $0["key"] as? String == other }?["status"] as? String == "open", "unchanged in the database")
        // The operator can.
        #expect(try HTTP.get(f.base + "/api/v1/tickets/\(encoded)", token: ConsoleAPITests.operatorToken).status == 200)
    }

    @Test("acknowledge and resolve: recorded with the token's name, published, and every status code", .timeLimit(.minutes(2)))
    func ticketActions() throws {
        let f = try Fixture()
        let subscriber = try Subscriber(
            context: f.context, endpoint: f.server.publish, topics: ["ticket/", "team/t-1"], curve: f.server.curve?.keys("feed"))
        defer { subscriber.stop() }
        let key = try f.key(of: "t-1")
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url = f.base + "/api/v1/tickets/\(encoded)"

        let shown = try HTTP.get(url, token: ConsoleAPITests.teamOne)
        #expect(shown.status == 200)
        #expect((shown.json?["ticket"] as? [String: Any])?["key"] as? String == key)
        #expect((shown.json?["history"] as? [[String: Any]])?.first?["action"] as? String == "created")
        // Keys may also be sent with their slashes as they are.
        #expect(try HTTP.get(f.base + "/api/v1/tickets/\(key)", token: ConsoleAPITests.teamOne).status == 200)

        let ack = try HTTP.post(url + "/acknowledge", token: ConsoleAPITests.teamOne, body: #"{"by":"someone else"}"#)
        #expect(ack.status == 200, "\(ack.text)")
        let acked = ack.json?["ticket"] as? [String: Any]
        #expect(acked?["status"] as? String == "acknowledged")
        #expect(acked?["acknowledged_by"] as? String == "Lead One", "the actor is the token's holder, not what the body claims")
        let stored = try f.server.request(["cmd": "ticket", "key": key])
        #expect((stored["ticket"] as? [String: Any])?["status"] as? String == "acknowledged", "recorded in the database: \(stored)")
        #expect((stored["ticket"] as? [String: Any])?["acknowledged_by"] as? String == "Lead One")
        #expect(subscriber.waitUntil(timeout: 5) { messages in
            messages.contains { $0.topic == "ticket/critical" && $0.json?["action"] as? String == "acknowledged" }
        }, "the change is published like the control socket's")
        #expect(subscriber.waitUntil(timeout: 5) { messages in
            messages.contains { $0.topic == "team/t-1" && $0.json?["action"] as? String == "acknowledged" }
        })

        let twice = try HTTP.post(url + "/acknowledge", token: ConsoleAPITests.teamOne)
        #expect(twice.status == 409)
        #expect((twice.json?["error"] as? [String: Any])?["code"] as? String == "conflict")

        #expect(try HTTP.post(url + "/resolve", token: ConsoleAPITests.teamOne, body: "not json").status == 400)
        #expect(try HTTP.post(url + "/resolve", token: ConsoleAPITests.teamOne, body: #"{"note":42}"#).status == 400)
        let resolved = try HTTP.post(url + "/resolve", token: ConsoleAPITests.teamOne, body: #"{"note":"called back; customer is with family"}"#)
        #expect(resolved.status == 200, "\(resolved.text)")
        let done = resolved.json?["ticket"] as? [String: Any]
        #expect(done?["status"] as? String == "resolved")
        #expect(done?["resolution_note"] as? String == "called back; customer is with family")
        #expect(try HTTP.post(url + "/resolve", token: ConsoleAPITests.teamOne).status == 409)
        #expect(try HTTP.post(url + "/acknowledge", token: ConsoleAPITests.teamOne).status == 409)
        // Active tickets no longer include it; asking for resolved ones does.
        let active = try HTTP.get(f.base + "/api/v1/tickets", token: ConsoleAPITests.teamOne).json?["tickets"] as? [[String: Any]]
        #expect(active?.isEmpty == true)
        let closed = try HTTP.get(f.base + "/api/v1/tickets?status=resolved", token: ConsoleAPITests.teamOne).json?["tickets"] as? [[String: Any]]
        #expect(closed?.count == 1)

        // The rest of the status codes.
        #expect(try HTTP.post(f.base + "/api/v1/tickets/nobody%2Fself_harm%2F1/acknowledge", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.get(f.base + "/api/v1/tickets/nobody%2Fself_harm%2F1", token: ConsoleAPITests.teamOne).status == 404)
        #expect(try HTTP.post(url, token: ConsoleAPITests.teamOne).status == 405, "POST needs /acknowledge or /resolve")
        #expect(try HTTP.get(f.base + "/api/v1/tickets?status=lost", token: ConsoleAPITests.teamOne).status == 400)
        #expect(try HTTP.get(f.base + "/api/v1/tickets?limit=0", token: ConsoleAPITests.teamOne).status == 400)
        #expect(try HTTP.get(f.base + "/api/v1/alerts?min_severity=loud", token: ConsoleAPITests.teamOne).status == 400)
        #expect(try HTTP.get(f.base + "/api/v1/no-such-route", token: ConsoleAPITests.teamOne).status == 404)
        // A known resource asked with a method it does not answer: 405 with what it answers.
        let trace = try HTTP.request("TRACE", f.base + "/healthz")
        #expect(trace.status == 405 && trace.headers["allow"] == "GET, HEAD", "\(trace.status) \(trace.headers)")
        let put = try HTTP.request("PUT", f.base + "/api/v1/sessions", headers: ["Authorization": "Bearer \(ConsoleAPITests.teamOne)"])
        #expect(put.status == 405 && put.headers["allow"] == "GET, HEAD", "\(put.status) \(put.headers)")
        let delete = try HTTP.request("DELETE", url, headers: ["Authorization": "Bearer \(ConsoleAPITests.teamOne)"])
        #expect(delete.status == 405 && delete.headers["allow"] == "GET, HEAD, POST", "\(delete.status) \(delete.headers)")
        #expect(try HTTP.request("TRACE", f.base + "/api/v1/sessions").status == 401, "the token is checked first")
        #expect(try HTTP.request("OPTIONS", f.base + "/api/v1/no-such-route").status == 401, "on unknown routes too")
        // HEAD wherever GET, as `Allow` says: the headers without the body.
        let bearer = ["Authorization": "Bearer \(ConsoleAPITests.teamOne)"]
        let head = try HTTP.request("HEAD", f.base + "/api/v1/sessions", headers: bearer)
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try HTTP.request("HEAD", f.base + "/healthz").status == 200)
        #expect(try HTTP.request("HEAD", f.base + "/api/v1/events", headers: bearer).headers["content-type"]?.hasPrefix("text/event-stream") == true)
        #expect(try HTTP.request("HEAD", f.base + "/api/v1/sessions").status == 401)
        // An alert's feedback is POST only.
        let feedbackGet = try HTTP.request("GET", f.base + "/api/v1/alerts/nobody%2Fabuse%2F1/feedback", headers: bearer)
        #expect(feedbackGet.status == 405 && feedbackGet.headers["allow"] == "POST", "\(feedbackGet.status) \(feedbackGet.headers)")
        #expect(try HTTP.request("GET", f.base + "/api/v1/alerts/nobody%2Fabuse%2F1/feedback").status == 401)
        #expect(try HTTP.get(f.base + "/api/v1/sessions/no-such-session", token: ConsoleAPITests.teamOne).status == 404)
    }

    @Test("feedback: from the API and the control socket, with who and when, in the ticket detail and on /metrics", .timeLimit(.minutes(2)))
    func feedback() throws {
        let f = try Fixture()
        let key = try f.key(of: "t-1")
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url = f.base + "/api/v1/tickets/\(encoded)"

        let judged = try HTTP.post(url + "/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"false_alarm","note":"quoting a film"}"#)
        #expect(judged.status == 200, "\(judged.text)")
        let verdict = judged.json?["feedback"] as? [String: Any]
        #expect(verdict?["target"] as? String == "ticket")
        #expect(verdict?["by"] as? String == "Lead One", "the token's holder gives it")
        #expect(verdict?["verdict"] as? String == "false_alarm")
        #expect((verdict?["at"] as? Double).map { $0 >= f.ts } == true, "on the server's event clock")
        // Changing one's mind replaces the verdict.
        #expect(try HTTP.post(url + "/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"helpful"}"#).status == 200)
        // One alert of the incident, through the control socket, by someone else.
        let alertKey = key  // the raising alert shares the ticket's key
        let control = try f.server.request(["cmd": "feedback", "alert": alertKey, "verdict": "false_alarm"])
        #expect(control["ok"] as? Bool == true, "\(control)")

        let detail = try HTTP.get(url, token: ConsoleAPITests.teamOne).json?["feedback"] as? [[String: Any]] ?? []
        let byWho = Dictionary(uniqueKeysWithValues: detail.map { ($0["by"] as? String ?? "?", $0["verdict"] as? String ?? "?") })
        #expect(byWho == ["Lead One": "helpful", "qa-mei": "false_alarm"])
        let viaControl = try f.server.request(["cmd": "ticket", "key": key])["feedback"] as? [[String: Any]] ?? []
        #expect(viaControl.count == 2)

        let metrics = try HTTP.get(f.base + "/metrics").text
        #expect(metrics.contains(#"moodline_feedback_total{kind="self_harm",verdict="helpful"} 1"#), "\(metrics)")
        #expect(metrics.contains(#"moodline_feedback_total{kind="self_harm",verdict="false_alarm"} 1"#))

        // Refusals: a bad verdict, another team's ticket, an alert of another conversation, no name.
        #expect(try HTTP.post(url + "/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"meh"}"#).status == 400)
        #expect(try HTTP.post(url + "/feedback", token: ConsoleAPITests.teamOne, body: "").status == 400)
        let other = try f.key(of: "t-2").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try HTTP.post(f.base + "/api/v1/tickets/\(other)/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"helpful"}"#).status == 404)
        let foreignAlert = try f.key(of: "t-2")
        #expect(try HTTP.post(url + "/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"helpful","alert":"\#(foreignAlert)"}"#).status == 404)
        // Any alert the token may see, warnings included, by its own route.
        let alerts = try HTTP.get(f.base + "/api/v1/alerts?min_severity=info", token: ConsoleAPITests.teamOne).json?["alerts"] as? [[String: Any]] ?? []
        let warning = try #require(alerts.first { $0["kind"] as? String != "self_harm" })
        let warningKey = "\(warning["session"] as? String ?? "")/\(warning["kind"] as? String ?? "")/\(warning["episode"] as? Int ?? 0)"
        let warningURL = f.base + "/api/v1/alerts/\(warningKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)/feedback"
        let onAlert = try HTTP.post(warningURL, token: ConsoleAPITests.teamOne, body: #"{"verdict":"false_alarm"}"#)
        #expect(onAlert.status == 200, "\(onAlert.text)")
        #expect((onAlert.json?["feedback"] as? [String: Any])?["target"] as? String == "alert")
        #expect(try HTTP.post(warningURL, token: ConsoleAPITests.teamTwo, body: #"{"verdict":"helpful"}"#).status == 404, "another team's alert")
        #expect(try HTTP.post(f.base + "/api/v1/alerts/nobody%2Fabuse%2F1/feedback", token: ConsoleAPITests.teamOne, body: #"{"verdict":"helpful"}"#).status == 404)
        let claimed = try f.server.request(["cmd": "feedback", "ticket": key, "verdict": "helpful", "by": "Lead One"])
        #expect((claimed["feedback"] as? [String: Any])?["by"] as? String == "qa-mei", "the key's name, not the claimed one: \(claimed)")
        let unknown = try f.server.request(["cmd": "feedback", "ticket": "nobody/abuse/1", "verdict": "helpful", "by": "x"])
        #expect(unknown["code"] as? String == "not_found")
    }

    @Test("the event stream carries the team's snapshots, alerts and tickets, and nothing of other teams", .timeLimit(.minutes(2)))
    func eventStream() throws {
        let f = try Fixture()
        let one = try EventStream(url: f.base + "/api/v1/events?token=\(ConsoleAPITests.teamOne)")
        let everyone = try EventStream(url: f.base + "/api/v1/events?token=\(ConsoleAPITests.operatorToken)")
        let refused = try EventStream(url: f.base + "/api/v1/events?token=wrong-token-000000000000")
        #expect(one.status == 200 && everyone.status == 200)
        #expect(refused.status == 401)

        let later = f.ts + 100
        for (session, team) in [("one-2", "t-1"), ("two-2", "t-2")] {
            for event in [Conversation.start(session, ts: later, team: team)] + Conversation.fragments(session, ts: later, team: team) {
                try f.pusher.send(Conversation.bytes(event))
            }
        }
        func sessions(_ events: [EventStream.Event], _ name: String) -> Set<String> {
            Set(events.filter { $0.name == name }.compactMap { event -> String? in
                let json = event.json
                let inner = (json?["snapshot"] ?? json?["alert"] ?? json?["ticket"]) as? [String: Any]
                return inner?["session"] as? String
            })
        }
        #expect(everyone.waitUntil(timeout: 15) { events in
            sessions(events, "ticket") == ["one-2", "two-2"] && sessions(events, "snapshot").isSuperset(of: ["one-2", "two-2"])
        }, "the operator sees both teams: \(everyone.events.map { "\($0.name) \($0.data.prefix(80))" })")
        #expect(one.waitUntil(timeout: 10) { events in
            sessions(events, "ticket").contains("one-2") && sessions(events, "alert").contains("one-2")
                && sessions(events, "snapshot").contains("one-2") && events.contains { $0.name == "clock" }
        }, "team one's stream has its snapshot, alert, ticket and the clock")
        for name in ["snapshot", "alert", "ticket"] {
            #expect(!sessions(one.events, name).contains("two-2"), "team one never sees team two's \(name)")
        }
        let ticket = one.events.first { $0.name == "ticket" }?.json
        #expect(ticket?["action"] as? String == "created")
        #expect(((ticket?["ticket"] as? [String: Any])?["alert"] as? [String: Any])?["evidence"] != nil, "the ticket carries why it fired")
    }

    @Test("a console port already taken stops the start with the reason and what to do", .timeLimit(.minutes(2)))
    func portTaken() throws {
        let f = try Fixture()
        let port = try #require(URLComponents(string: f.base)?.port)
        let other = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(other) }
        let run = try ChildProcess.run(
            ["serve", "--ingest", "ipc://\(other)/in.sock", "--publish", "ipc://\(other)/pub.sock", "--control", "ipc://\(other)/ctl.sock",
             "--database", "\(other)/moodline.db", "--console-port", "\(port)"],
            directory: other, name: "second", timeout: 60
        )
        #expect(run.exit == .status(1), "\(run.exit)")
        #expect(run.stderr.contains("cannot start the console") && run.stderr.contains("console.port"), "\(run.stderr)")
        #expect(!run.stderr.contains("Usage:"), "a start-up failure is not a usage error")
        #expect(f.server.isRunning, "the first server is unaffected")
    }

    @Test("metrics count what happened; healthz answers", .timeLimit(.minutes(2)))
    func metrics() throws {
        let f = try Fixture()
        try f.pusher.send("{not json")
        try f.pusher.send(#"{"type":"fragment","session":"x","seq":1,"ts":1,"speaker":"robot","text":"hi"}"#)
        try f.server.waitForReceived(16)
        func value(_ text: String, _ line: String) -> Double? {
            text.split(separator: "\n").first { $0.hasPrefix(line + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        }
        var page = ""
        #expect(try E2E.waitUntil(timeout: 5) {
            page = try HTTP.get(f.base + "/metrics").text
            return value(page, "moodline_fragments_received_total") == 16
        }, "16 messages: 2 starts, 12 fragments, 2 bad ones\n\(page)")
        #expect(value(page, #"moodline_fragments_rejected_total{reason="bad_json"}"#) == 1)
        #expect(value(page, #"moodline_fragments_rejected_total{reason="unknown_speaker"}"#) == 1)
        #expect(value(page, #"moodline_alerts_total{kind="self_harm"}"#) == 2)
        #expect(value(page, #"moodline_open_tickets{tier="team_lead"}"#) == 2)
        #expect(value(page, "moodline_live_sessions") == 2)
        #expect(value(page, "moodline_session_evictions_total") == 0)
        #expect(value(page, "moodline_scoring_latency_seconds_count") == 16, "every message is timed")
        #expect(value(page, #"moodline_scoring_latency_seconds_bucket{le="+Inf"}"#) == 16)
        #expect(page.contains("# TYPE moodline_scoring_latency_seconds histogram"))
        #expect(page.contains("# TYPE moodline_fragments_received_total counter"))
        // The fixture's conversations carry 2025 times: their lag behind the server's clock shows.
        #expect((value(page, "moodline_event_time_behind_seconds") ?? 0) > 86_400 * 30, "\(page)")
        #expect(value(page, "moodline_event_time_ahead_seconds") == 0)

        let health = try HTTP.get(f.base + "/healthz")
        #expect(health.status == 200)
        #expect(health.json?["status"] as? String == "ok")
        #expect(health.json?["live_sessions"] as? Int == 2)
        #expect((health.json?["ts_behind_s"] as? Double ?? 0) > 86_400 * 30)
    }
}
