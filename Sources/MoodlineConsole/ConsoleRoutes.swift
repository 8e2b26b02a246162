import Dispatch
import Foundation
import Hummingbird
import MoodlineEngine
import MoodlineServer
import MoodlineStore
import MoodlineWire

/// The console's HTTP routes: the page, the REST API under `/api/v1`, the event stream,
/// `/metrics` and `/healthz`. The API is described in `docs/console-api.yaml` (OpenAPI).
struct ConsoleRoutes: Sendable {
    let server: Server
    let hub: ConsoleHub
    let tokens: TokenBook

    func register(on router: Router<ConsoleRequestContext>) {
        router.get("/healthz") { _, _ in health() }
        router.get("/metrics") { _, _ in try await metrics() }
        router.get("/") { request, _ in page(request) }
        // Every other method on the open routes (TRACE included) is 405 with what they answer.
        for path in ["/healthz", "/metrics", "/"] {
            for method in Self.otherMethods {
                router.on(RouterPath(path), method: method) { request, _ -> Response in throw APIError.methodNotAllowed(request, allow: "GET, HEAD") }
            }
        }

        let api = router.group("api/v1").add(middleware: TokenAuthenticator(tokens: tokens))
        api.get("me") { _, context in try me(context.requireAccess()) }
        api.get("sessions") { request, context in try sessions(request, context.requireAccess()) }
        api.get("sessions/:id") { _, context in
            let access = try context.requireAccess()
            let id = try context.parameters.require("id")
            guard let snapshot = hub.session(id, for: access) else {
                throw APIError(.notFound, .notFound, "no live conversation \(id) in your view; it may have ended")
            }
            var writer = JSONWriter(capacity: 2048)
            writer.beginObject()
            writer.key("session"); writer.write(snapshot)
            writer.endObject()
            return Response.json(writer.bytes)
        }
        api.get("alerts") { request, context in try await alerts(request, context.requireAccess()) }
        api.get("tickets") { request, context in try await tickets(request, context.requireAccess()) }
        api.get("tickets/**") { request, context in try await ticket(request, context.requireAccess()) }
        api.post("tickets/**") { request, context in try await changeTicket(request, context) }
        api.post("alerts/**") { request, context in try await judgeAlert(request, context) }
        api.get("events") { _, context in
            let (token, access) = try context.requireHolder()
            let stream = hub.subscribe(access, token: token)
            return Response(status: .ok, headers: Self.eventStreamHeaders, body: ResponseBody(asyncSequence: stream))
        }
        // The headers alone, without subscribing a stream nobody reads. Every other GET route's
        // HEAD is made by the router (`autoGenerateHeadEndpoints`).
        api.head("events") { _, context in
            _ = try context.requireAccess()
            return Response(status: .ok, headers: Self.eventStreamHeaders)
        }
        // A known resource asked with another method is 405 with `Allow`; anything else under
        // /api is 404. Both only after the token check.
        for path in ["me", "sessions", "sessions/:id", "alerts", "events"] {
            for method in Self.otherMethods {
                api.on(RouterPath(path), method: method) { request, _ -> Response in throw APIError.methodNotAllowed(request, allow: "GET, HEAD") }
            }
        }
        for path in ["tickets", "tickets/**"] {
            for method in Self.otherMethods where method != .post || path == "tickets" {
                let allow = path == "tickets" ? "GET, HEAD" : "GET, HEAD, POST"
                api.on(RouterPath(path), method: method) { request, _ -> Response in throw APIError.methodNotAllowed(request, allow: allow) }
            }
        }
        // Alerts' feedback is POST only. Without these, any other method on `alerts/…` matched the
        // route, found no handler and got the router's bare 404, before the token was checked.
        for method in Self.otherMethods + [.get, .head] where method != .post {
            api.on("alerts/**", method: method) { request, _ -> Response in throw APIError.methodNotAllowed(request, allow: "POST") }
        }
        // Every method, so that no request under /api/v1 is answered before the token check.
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .trace, .options] {
            api.on("**", method: method) { request, _ -> Response in
                throw APIError(.notFound, .notFound, "no such API route \(request.method) \(request.uri.path); see docs/console-api.yaml")
            }
        }
    }

    private static let eventStreamHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]

    /// The methods no route answers but GET (and HEAD): asked of a known resource, a 405.
    static let otherMethods: [HTTPRequest.Method] = [.post, .put, .delete, .patch, .trace, .options]

    // MARK: Open routes

    private func health() -> Response {
        let figures = server.status.current
        let verdict = HealthVerdict(figures, now: Date().timeIntervalSince1970)
        var writer = JSONWriter(capacity: 160)
        writer.beginObject()
        writer.key("status"); writer.string(verdict.status)
        writer.key("live_sessions"); writer.int(figures.liveSessions)
        writer.key("received"); writer.int(figures.received)
        writer.key("event_time"); writer.double(figures.eventNow)
        writer.key("ts_ahead_s"); writer.double(figures.skew.aheadSeconds)
        writer.key("ts_behind_s"); writer.double(figures.skew.behindSeconds)
        writer.endObject()
        return Response.json(writer.bytes, status: verdict.isHealthy ? .ok : .serviceUnavailable)
    }

    private func metrics() async throws -> Response {
        let (openByTier, feedback) = try await offload { () throws(StoreError) in
            (try server.store.openTicketCounts(), try server.store.feedbackCounts())
        }
        let text = MetricsPage.render(
            server.status.current, openTicketsByTier: openByTier, tiers: server.configuration.escalation.tiers.map(\.name),
            consoleStreams: hub.subscriberCount, feedback: feedback,
            consoleBuffers: .init(bytes: hub.bufferedBytes, droppedEvents: hub.droppedEvents)
        )
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    private func page(_ request: Request) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            // Nothing from elsewhere: the page works offline, and the token in the URL is not leaked.
            .contentSecurityPolicy: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'",
            .init("Referrer-Policy")!: "no-referrer",
        ]
        guard let token = request.uri.queryParameters["token"], let access = tokens.access(for: token) else {
            return Response(status: .unauthorized, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: ConsolePage.signIn)))
        }
        // One link for everyone: an agent's token opens the agent's own page.
        let html = access.isAgent ? ConsolePage.agentHTML : ConsolePage.html
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    // MARK: API

    private func me(_ access: ConsoleAccess) -> Response {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("name"); writer.string(access.name)
        writer.nullableMember("team", access.team)
        writer.nullableMember("agent", access.agent)
        writer.key("admin"); writer.bool(access.team == nil && !access.isAgent)
        writer.endObject()
        return Response.json(writer.bytes)
    }

    private func sessions(_ request: Request, _ access: ConsoleAccess) throws -> Response {
        var visible = hub.sessions(for: access)
        if let team = try Self.team(request.uri.queryParameters["team"], access) {
            visible.removeAll { $0.team != team }
        }
        var writer = JSONWriter(capacity: 512 + visible.count * 1024)
        writer.beginObject()
        writer.key("now"); writer.double(server.status.current.eventNow)
        writer.key("sessions")
        writer.beginArray()
        for snapshot in visible { writer.write(snapshot) }
        writer.endArray()
        writer.endObject()
        return Response.json(writer.bytes)
    }

    private func alerts(_ request: Request, _ access: ConsoleAccess) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.limit(query["limit"], default: 100, max: 1000)
        // An agent's own desktop shows the info cues supervisors are spared.
        let minimum = try Self.severity(query["min_severity"], name: "min_severity") ?? (access.isAgent ? .info : .warning)
        let team = try Self.team(query["team"], access)
        // An agent reads the cues of their live calls, guidance included, which the store keeps not.
        if access.isAgent {
            let live = hub.liveAlerts(for: access, limit: limit).filter { $0.severity >= minimum }
            return Self.list("alerts", live, bytesEach: 768) { $0.write($1) }
        }
        let found = try await offload { () throws(StoreError) in
            try server.store.alerts(limit: limit, team: team, minimumSeverity: minimum, agent: access.agent)
        }
        return Self.list("alerts", found, bytesEach: 512) { $0.write($1) }
    }

    private func tickets(_ request: Request, _ access: ConsoleAccess) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.limit(query["limit"], default: 200, max: 2000)
        let statuses: [TicketStatus]
        switch query["status"].map(String.init) ?? "active" {
        case "active": statuses = [.open, .acknowledged]
        case "all": statuses = []
        case let raw:
            guard let status = TicketStatus(rawValue: raw) else {
                throw APIError(.badRequest, .badRequest, "status is active (the default), open, acknowledged, resolved or all")
            }
            statuses = [status]
        }
        let severity = try Self.severity(query["severity"], name: "severity")
        let team = try Self.team(query["team"], access)
        let found = try await offload { () throws(StoreError) -> [Ticket] in
            guard !statuses.isEmpty else { return try server.store.tickets(team: team, severity: severity, limit: limit, agent: access.agent) }
            var all: [Ticket] = []
            for status in statuses {
                all += try server.store.tickets(status: status, team: team, severity: severity, limit: limit, agent: access.agent)
            }
            all.sort { ($0.ts, $0.key) > ($1.ts, $1.key) }
            return Array(all.prefix(limit))
        }
        return Self.list("tickets", found, bytesEach: 1024) { $0.write($1) }
    }

    private func ticket(_ request: Request, _ access: ConsoleAccess) async throws -> Response {
        let key = try TicketPath(request.uri.path).key
        let detail = try await offload { () throws(StoreError) -> (Ticket, [TicketEvent], [Alert], [TranscriptTurn], [Feedback])? in
            guard let ticket = try server.store.ticket(key: key) else { return nil }
            let alerts = try server.store.incidentAlerts(key: key)
            return (ticket, try server.store.history(key: key), alerts, TicketStore.transcript(of: alerts), try server.store.feedback(session: ticket.session))
        }
        // Another team's ticket is answered exactly like a missing one.
        guard let (ticket, history, alerts, transcript, feedback) = detail, access.sees(team: ticket.team, agent: ticket.agent) else {
            throw APIError(.notFound, .notFound, "no ticket \(key) in your view")
        }
        var writer = JSONWriter(capacity: 4096)
        writer.beginObject()
        writer.key("ticket"); writer.write(ticket)
        writer.key("history")
        writer.beginArray()
        for event in history { writer.write(event) }
        writer.endArray()
        // Every alert of the incident with its evidence, what was said around them (masked),
        // and whether the call is still going.
        writer.key("alerts")
        writer.beginArray()
        for alert in alerts { writer.write(alert) }
        writer.endArray()
        writer.key("transcript")
        writer.beginArray()
        for turn in transcript { writer.write(turn) }
        writer.endArray()
        writer.key("live"); writer.bool(hub.session(ticket.session, for: access) != nil)
        writer.key("feedback")
        writer.beginArray()
        for f in feedback { writer.write(f) }
        writer.endArray()
        writer.endObject()
        return Response.json(writer.bytes)
    }

    /// `POST /api/v1/tickets/{key}/acknowledge` and `…/resolve` (body `{"note":…}`, optional).
    private func changeTicket(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let access = try context.requireAccess()
        let path = try TicketPath(request.uri.path)
        guard let action = path.action else {
            throw APIError(.methodNotAllowed, .methodNotAllowed, "POST to /api/v1/tickets/{key}/acknowledge, …/resolve or …/feedback", allow: "GET")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        if action == .feedback { return try await feedback(on: path.key, body: body, access) }
        if access.isAgent {
            throw APIError(.forbidden, .forbidden, "an agent's token cannot \(action.rawValue) tickets: that is the supervisor's")
        }
        let note = try Self.note(in: body)
        let key = path.key
        let changed = try await offload { () throws(StoreError) -> Ticket? in
            // Checked first, so another team's ticket cannot be changed, nor told apart from a missing one.
            guard let ticket = try server.store.ticket(key: key), access.sees(team: ticket.team, agent: ticket.agent) else { return nil }
            // The actor is the token's holder, not something the client claims.
            switch action {
            case .acknowledge: return try server.acknowledge(key: key, by: access.name)
            case .resolve: return try server.resolve(key: key, by: access.name, note: note)
            case .feedback: return nil
            }
        }
        guard let changed else { throw APIError(.notFound, .notFound, "no ticket \(key) in your view") }
        var writer = JSONWriter(capacity: 2048)
        writer.beginObject()
        writer.key("ticket"); writer.write(changed)
        writer.endObject()
        return Response.json(writer.bytes)
    }

    /// `POST /api/v1/alerts/{key}/feedback` (`{"verdict","note"?}`): a verdict on any alert the
    /// token may see, warnings and cues without a ticket included.
    private func judgeAlert(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let access = try context.requireAccess()
        let prefix = "/api/v1/alerts/", suffix = "/feedback"
        let path = request.uri.path
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count,
              let key = String(path.dropFirst(prefix.count).dropLast(suffix.count)).removingPercentEncoding
        else {
            throw APIError(.notFound, .notFound, "POST to /api/v1/alerts/{session/kind/episode}/feedback")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let (verdict, note, _) = try Self.verdict(in: body)
        let recorded = try await offload { () throws(StoreError) -> Feedback? in
            // Another team's alert is answered exactly like a missing one.
            guard let owner = try server.store.alertOwner(key: key), access.sees(team: owner.team, agent: owner.agent) else { return nil }
            return try server.recordFeedback(verdict, on: .alert, key: key, by: access.name, note: note)
        }
        guard let recorded else { throw APIError(.notFound, .notFound, "no alert \(key) in your view") }
        return Self.feedbackResponse(recorded)
    }

    /// The verdict, note and (on a ticket) alert of a feedback body.
    private static func verdict(in body: ByteBuffer) throws -> (Feedback.Verdict, note: String?, alert: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let raw = object["verdict"] as? String
        else {
            throw APIError(.badRequest, .badRequest, "the body is a JSON object such as {\"verdict\":\"false_alarm\"} (or \"helpful\"), with an optional \"note\" (and on a ticket, \"alert\")")
        }
        guard let verdict = Feedback.Verdict(rawValue: raw) else {
            throw APIError(.badRequest, .badRequest, "verdict is false_alarm or helpful, not \(raw)")
        }
        return (verdict, object["note"] as? String, object["alert"] as? String)
    }

    /// `POST /api/v1/tickets/{key}/feedback`: `{"verdict":"false_alarm"|"helpful","note"?}` on the
    /// ticket, or with `"alert":"session/kind/episode"` on one alert of its conversation. The
    /// verdict is the token holder's; a second one from them replaces the first.
    private func feedback(on key: String, body: ByteBuffer, _ access: ConsoleAccess) async throws -> Response {
        let (verdict, note, alert) = try Self.verdict(in: body)
        let recorded = try await offload { () throws(StoreError) -> Feedback? in
            // Checked first: another team's ticket is answered exactly like a missing one.
            guard let ticket = try server.store.ticket(key: key), access.sees(team: ticket.team, agent: ticket.agent) else { return nil }
            if let alert {
                // Only an alert of the same conversation: the ticket grants no view of others.
                guard alert.hasPrefix(ticket.session + "/") else { return nil }
                return try server.recordFeedback(verdict, on: .alert, key: alert, by: access.name, note: note)
            }
            return try server.recordFeedback(verdict, on: .ticket, key: key, by: access.name, note: note)
        }
        guard let recorded else { throw APIError(.notFound, .notFound, "no ticket \(key) in your view, or that alert is not of its conversation") }
        return Self.feedbackResponse(recorded)
    }

    private static func feedbackResponse(_ feedback: Feedback) -> Response {
        var writer = JSONWriter(capacity: 512)
        writer.beginObject()
        writer.key("feedback"); writer.write(feedback)
        writer.endObject()
        return Response.json(writer.bytes)
    }

    // MARK: Helpers

    /// `{"<key>":[…]}` with each item written by `write`.
    private static func list<Item>(
        _ key: StaticString, _ items: [Item], bytesEach: Int, write: (inout JSONWriter, Item) -> Void
    ) -> Response {
        var writer = JSONWriter(capacity: 64 + items.count * bytesEach)
        writer.beginObject()
        writer.key(key)
        writer.beginArray()
        for item in items { write(&writer, item) }
        writer.endArray()
        writer.endObject()
        return Response.json(writer.bytes)
    }

    private static func severity(_ raw: Substring?, name: String) throws -> Severity? {
        guard let raw else { return nil }
        guard let severity = Severity(rawValue: String(raw)) else {
            throw APIError(.badRequest, .badRequest, "\(name) is info, warning or critical")
        }
        return severity
    }

    private static func limit(_ raw: Substring?, default value: Int, max: Int) throws -> Int {
        guard let raw else { return value }
        guard let n = Int(raw), (1...max).contains(n) else {
            throw APIError(.badRequest, .badRequest, "limit is a whole number from 1 to \(max)")
        }
        return n
    }

    /// The team filter a request may use: its own team, or any for an operator.
    private static func team(_ raw: Substring?, _ access: ConsoleAccess) throws -> String? {
        if access.isAgent, let raw { throw APIError(.notFound, .notFound, "team \(raw) is not in your view") }
        guard let raw else { return access.team }
        if let own = access.team, own != raw {
            throw APIError(.notFound, .notFound, "team \(raw) is not in your view")
        }
        return String(raw)
    }

    private static func note(in body: ByteBuffer) throws -> String? {
        guard body.readableBytes > 0 else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw APIError(.badRequest, .badRequest, "the body is a JSON object such as {\"note\":\"called the customer back\"}, or empty")
        }
        guard let note = object["note"] else { return nil }
        guard let text = note as? String else {
            throw APIError(.badRequest, .badRequest, "note is a string")
        }
        return text.isEmpty ? nil : text
    }

    /// Runs blocking store work off Swift concurrency's small thread pool.
    private func offload<T: Sendable>(_ work: @escaping @Sendable () throws(StoreError) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.storeQueue.async {
                do throws(StoreError) {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: APIError(error))
                }
            }
        }
    }

    private static let storeQueue = DispatchQueue(label: "moodline.console.store", attributes: .concurrent)
}
