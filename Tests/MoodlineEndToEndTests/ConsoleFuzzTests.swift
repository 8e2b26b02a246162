import Foundation
import MoodlineServer
import Testing

/// The console's HTTP server against thousands of generated requests and against raw bytes
/// that are not HTTP, on a running `serve` with the console API tests' tokens and two teams'
/// conversations (``ConsoleAPITests/Fixture``). Seeded and bounded by count: every run sends
/// the same requests.
@Suite("End to end: console API under fuzzing", .serialized)
struct ConsoleFuzzTests {
    static let seed: UInt64 = 20_261_208
    static let requestCount = 5_000
    /// Every status the console answers with; anything else, a 5xx above all, is a finding.
    static let expectedStatuses: Set<Int> = [200, 400, 401, 404, 405, 409, 413]
    static let tokens = [ConsoleAPITests.teamOne, ConsoleAPITests.teamTwo, ConsoleAPITests.operatorToken]

    @Test("generated requests: well-formed answers, no 5xx, 401 without a token, no other team's data", .timeLimit(.minutes(4)))
    func generatedRequests() throws {
        let f = try ConsoleAPITests.Fixture()
        let keys = [try f.key(of: "t-1"), try f.key(of: "t-2")]
        var fuzzer = RequestFuzzer(seed: Self.seed, sessions: ["one-1", "two-1"], keys: keys)
        var findings: [String] = []
        var statuses: [Int: Int] = [:]
        var refusedWithoutToken = 0
        for n in 1...Self.requestCount {
            let request = fuzzer.next()
            let raw: [UInt8]
            do {
                raw = try Self.exchange(request.bytes, base: f.base, stopAtEventStream: true)
            } catch {
                findings.append("request \(n): \(error); sent \(request.summary)")
                guard f.server.isRunning else { break }
                continue
            }
            let (status, problems) = Self.judge(request, raw)
            statuses[status ?? 0, default: 0] += 1
            if status == 401, request.needsToken { refusedWithoutToken += 1 }
            for problem in problems where findings.count < 20 {
                findings.append("request \(n): \(problem); sent \(request.summary); got \(String(decoding: raw.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        // The requests reached the routes: answers of every kind came back.
        for status in [200, 400, 401, 404, 405, 409, 413] {
            #expect(statuses[status, default: 0] > 0, "no \(status) in \(statuses.sorted { $0.key < $1.key })")
        }
        #expect(refusedWithoutToken > 200)

        // Afterwards the server is up and answers as before.
        #expect(f.server.isRunning, "\(f.server.stderr)")
        #expect(try HTTP.get(f.base + "/healthz").status == 200)
        let sessions = try HTTP.get(f.base + "/api/v1/sessions", token: ConsoleAPITests.teamOne)
        #expect(sessions.status == 200)
        let listed = (sessions.json?["sessions"] as? [[String: Any]])?.compactMap { $0["session"] as? String }
        #expect(listed == ["one-1"], "\(sessions.text)")
        #expect(!f.server.stderr.contains("Fatal error"))
        // Every event stream the requests opened ended with its connection.
        let streamsClosed = try E2E.waitUntil(timeout: 10) {
            try HTTP.get(f.base + "/metrics").text.split(separator: "\n").contains("moodline_console_streams 0")
        }
        #expect(streamsClosed)
    }

    @Test("bytes that are not HTTP, requests cut short and idle connections leave the console answering", .timeLimit(.minutes(3)))
    func rawGarbage() throws {
        let f = try ConsoleAPITests.Fixture()
        var random = SplitMix64(seed: Self.seed)
        // Connections holding half a request, open while everything else goes on.
        let idle = try (0..<32).map { _ in
            let connection = try HTTPConnection(url: f.base + "/", timeout: 10)
            try connection.sendRaw(Array("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bear".utf8))
            return connection
        }
        defer { for connection in idle { connection.close() } }
        var findings: [String] = []
        for n in 1...400 {
            let bytes = Self.garbage(&random)
            let raw: [UInt8]
            do {
                raw = try Self.exchange(bytes, base: f.base, stopAtEventStream: true)
            } catch {
                findings.append("garbage \(n): \(error); sent \(String(decoding: bytes.prefix(120), as: UTF8.self).debugDescription)")
                guard f.server.isRunning else { break }
                continue
            }
            // Silence (the connection closed) is a fine answer to garbage; an answer must be HTTP.
            guard !raw.isEmpty else { continue }
            guard let reply = try? HTTP.parse(raw, url: "garbage \(n)") else {
                findings.append("garbage \(n): an answer that is not HTTP: \(String(decoding: raw.prefix(200), as: UTF8.self).debugDescription)")
                continue
            }
            if !Self.expectedStatuses.contains(reply.status) {
                findings.append("garbage \(n): status \(reply.status); sent \(String(decoding: bytes.prefix(120), as: UTF8.self).debugDescription)")
            }
        }
        #expect(findings.isEmpty, "\(findings.prefix(20).joined(separator: "\n"))")
        #expect(f.server.isRunning, "\(f.server.stderr)")
        #expect(try HTTP.get(f.base + "/healthz").status == 200)
        #expect(try HTTP.get(f.base + "/api/v1/me", token: ConsoleAPITests.teamOne).json?["name"] as? String == "Lead One")
        // The ingest side is unaffected too.
        try f.pusher.send(Conversation.bytes(Conversation.end("one-1", ts: f.ts)))
        try f.server.waitForReceived(15)
    }

    // MARK: Exchanges

    /// Sends `bytes` on a fresh connection, says nothing more will come, and reads the answer
    /// to the end: the server closes every connection here, so a read that never ends is a
    /// hang. An event stream is read to the end of its headers only (it never ends).
    static func exchange(_ bytes: [UInt8], base: String, stopAtEventStream: Bool) throws -> [UInt8] {
        let connection = try HTTPConnection(url: base + "/", timeout: 10)
        defer { connection.close() }
        // The server may answer and close before it has read everything (a 400 on a bad header).
        try? connection.sendRaw(bytes)
        connection.finishSending()
        var raw: [UInt8] = []
        while let chunk = try connection.read() {
            raw += chunk
            if stopAtEventStream, let head = raw.firstRange(of: Array("\r\n\r\n".utf8)),
               String(decoding: raw[..<head.lowerBound], as: UTF8.self).lowercased().contains("content-type: text/event-stream") {
                break
            }
        }
        return raw
    }

    /// The status of the answer and what is wrong with it.
    static func judge(_ request: RequestFuzzer.Request, _ raw: [UInt8]) -> (Int?, [String]) {
        guard let reply = try? HTTP.parse(raw, url: request.path) else {
            return (nil, raw.isEmpty && request.isMalformed ? [] : ["not a well-formed HTTP answer"])
        }
        var problems: [String] = []
        if !expectedStatuses.contains(reply.status) { problems.append("status \(reply.status)") }
        let isStream = reply.headers["content-type"]?.hasPrefix("text/event-stream") == true
        if let length = reply.headers["content-length"].flatMap({ Int($0) }), !isStream, request.method != "HEAD", length != reply.body.count {
            problems.append("Content-Length \(length), but \(reply.body.count) bytes of body")
        }
        if request.method == "HEAD", !reply.body.isEmpty { problems.append("a body in the answer to HEAD") }
        if reply.status == 405, reply.headers["allow"] == nil { problems.append("405 without Allow") }
        if reply.status == 401, request.path.hasPrefix("/api/v1/"), reply.headers["www-authenticate"] != "Bearer" {
            problems.append("401 without WWW-Authenticate: Bearer")
        }
        if request.needsToken {
            if reply.status != 401 { problems.append("\(reply.status) without a token, not 401") }
            if let json = reply.json, json.keys.sorted() != ["error"] { problems.append("more than the error without a token") }
        }
        let seen = teams(in: reply.json)
        for team in seen where !request.mayRead(team: team) {
            problems.append("\(team)'s data for a request without a token of \(team)")
        }
        return (reply.status, problems)
    }

    /// The teams whose data a JSON answer holds: `team` members and the sessions' own ids
    /// (`one-…` is t-1's, `two-…` t-2's) anywhere but in an error, whose message may quote
    /// what the request asked for.
    static func teams(in value: Any?) -> Set<String> {
        switch value {
        case let object as [String: Any]:
            var found: Set<String> = []
            for (key, member) in object where key != "error" {
                if key == "team", let team = member as? String { found.insert(team) }
                found.formUnion(teams(in: member))
            }
            return found
        case let array as [Any]:
            return array.reduce(into: Set<String>()) { $0.formUnion(teams(in: $1)) }
        case let text as String:
            if text.hasPrefix("one-") { return ["t-1"] }
            if text.hasPrefix("two-") { return ["t-2"] }
            return []
        default:
            return []
        }
    }

    // MARK: Garbage

    /// Bytes for a raw connection: noise, other protocols, requests cut short or broken.
    static func garbage(_ random: inout SplitMix64) -> [UInt8] {
        let valid = Array("POST /api/v1/tickets/one-1%2Fself_harm%2F1/resolve HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ConsoleAPITests.teamOne)\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n{\"note\":\"called\"}".utf8)
        switch random.below(10) {
        case 0: return (0..<random.below(4097)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 1:
            let alphabet = Array("GET POST HTTP/1.1 \r\n:/?&=%{}\"abc123".utf8)
            return (0..<random.below(2049)).map { _ in alphabet[random.below(alphabet.count)] }
        case 2: return Array(valid.prefix(random.below(valid.count)))
        case 3: return Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]
        case 4: return [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + (0..<64).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 5:
            let length = ["abc", "-1", "99999999999999999999", "18, 18", "1e3"][random.below(5)]
            return Array("POST /api/v1/alerts/a%2Fb%2F1/feedback HTTP/1.1\r\nHost: x\r\nContent-Length: \(length)\r\n\r\n{}".utf8)
        case 6: return Array("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8)
        case 7: return Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 50_000 + random.below(100_000))
        case 8: return Array("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Nul: a\u{0}b\r\n\r\n".utf8)
        default: return valid + (0..<random.below(512)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }
}

/// Requests built from the console's routes, tokens, sessions and ticket keys, and from junk:
/// odd methods, percent-encoding, long paths, query strings, headers, bodies of every shape.
struct RequestFuzzer {
    struct Request {
        var bytes: [UInt8]
        var method: String
        /// The request target up to any `?`.
        var path: String
        /// Broken on purpose at the HTTP level; the server may refuse it without routing it.
        var isMalformed: Bool
        /// Which of the configured tokens appear anywhere in the request.
        var tokens: Set<String>

        /// A standard request under /api/v1 with no valid token anywhere in it: it must get 401.
        var needsToken: Bool {
            tokens.isEmpty && !isMalformed && RequestFuzzer.standardMethods.contains(method)
                && path.hasPrefix("/api/v1/") && path.dropFirst("/api/v1/".count).contains { $0 != "/" }
        }

        /// Whether a token in the request may see `team`'s data.
        func mayRead(team: String) -> Bool {
            tokens.contains(ConsoleAPITests.operatorToken)
                || (team == "t-1" && tokens.contains(ConsoleAPITests.teamOne))
                || (team == "t-2" && tokens.contains(ConsoleAPITests.teamTwo))
        }

        var summary: String { String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription }
    }

    static let standardMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]

    private var random: SplitMix64
    private let sessions: [String]
    private let keys: [String]

    init(seed: UInt64, sessions: [String], keys: [String]) {
        random = SplitMix64(seed: seed)
        self.sessions = sessions
        self.keys = keys
    }

    /// A third of the requests are what a real client sends, so they get past the checks into
    /// the handlers (acknowledgements, conflicts, feedback); the rest are hostile.
    mutating func next() -> Request {
        random.below(3) == 0 ? plausible() : hostile()
    }

    private mutating func plausible() -> Request {
        let key = pick(keys).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let verdict = "{\"verdict\":\"\(pick(["helpful", "false_alarm"]))\"}"
        var (method, target, body): (String, String, String?) =
            switch random.below(10) {
            case 0: ("GET", "/api/v1/me", nil)
            case 1: (pick(["GET", "HEAD"]), "/api/v1/sessions" + pick(["", "?team=t-1", "?team=t-2"]), nil)
            case 2: ("GET", "/api/v1/sessions/" + pick(sessions), nil)
            case 3: ("GET", "/api/v1/alerts" + pick(["", "?min_severity=info", "?limit=5&team=t-2"]), nil)
            case 4: ("GET", "/api/v1/tickets" + pick(["", "?status=all", "?status=resolved&severity=critical"]), nil)
            case 5: (pick(["GET", "HEAD"]), "/api/v1/tickets/" + key, nil)
            case 6: ("POST", "/api/v1/tickets/\(key)/" + pick(["acknowledge", "resolve"]), pick([nil, "{\"note\":\"called back\"}"]))
            case 7: ("POST", "/api/v1/tickets/\(key)/feedback", verdict)
            case 8: ("POST", "/api/v1/alerts/\(key)/feedback", verdict)
            default: (pick(["GET", "HEAD"]), pick(["/healthz", "/metrics", "/", "/api/v1/events"]), nil)
            }
        if body != nil, random.below(10) == 0 { body = String(repeating: "x", count: 64 * 1024 + 1) }  // over the limit
        if random.below(10) == 0 { method = pick(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) }
        let headers = ["Authorization: Bearer " + pick(ConsoleFuzzTests.tokens)] + (body == nil ? [] : ["Content-Type: application/json"])
        return request(method: method, target: target, headers: headers, body: body.map { Array($0.utf8) }, malformed: false)
    }

    private mutating func hostile() -> Request {
        var malformed = false
        var method = pick(weighted: [
            ("GET", 30), ("POST", 25), ("HEAD", 8), ("PUT", 5), ("DELETE", 5), ("PATCH", 4), ("OPTIONS", 5), ("TRACE", 5), ("BROKEN", 3),
        ])
        let body = self.body(for: method)
        if method == "BROKEN" {
            malformed = true
            method = pick(["get", "FOO", "G\tET", "", "GET GET", "\u{7F}"])
        }
        var target = pick(["/api/v1/", "/api/v1/", "/api/v1/", "/api/v1/", "/", "/api/", "//api/v1/", "/api/v2/", "/API/v1/"]) + route()
        if random.below(20) == 0 {
            target += pick(["/", "//", "/.", "/..", "/%2e%2e/healthz", "#fragment"])
        }
        if random.below(2) == 0 { target += "?" + query() }
        if random.below(40) == 0 {
            // A space or a raw control character in the target: not a request line.
            target += pick([" x", "\u{1}", "\r"])
            malformed = true
        }
        let (headers, oddHeaders) = self.headers()
        return request(method: method, target: target, headers: headers, body: body, malformed: malformed || oddHeaders)
    }

    /// The request's bytes: request line, headers, then the body with its length or in chunks.
    private mutating func request(method: String, target: String, headers: [String], body: [UInt8]?, malformed: Bool) -> Request {
        var malformed = malformed
        var head = "\(method) \(target) \(random.below(10) == 0 ? "HTTP/1.0" : "HTTP/1.1")\r\n"
        if random.below(20) != 0 { head += "Host: 127.0.0.1\r\n" }
        head += "Connection: close\r\n"
        for header in headers { head += header + "\r\n" }
        var payload = body ?? []
        if body != nil, random.below(10) == 0 {
            head += "Transfer-Encoding: chunked\r\n"
            var chunked: [UInt8] = []
            var rest = payload[...]
            while !rest.isEmpty {
                let size = 1 + random.below(min(rest.count, 4096))
                chunked += Array("\(String(size, radix: 16))\r\n".utf8) + rest.prefix(size) + Array("\r\n".utf8)
                rest = rest.dropFirst(size)
            }
            payload = chunked + Array("0\r\n\r\n".utf8)
        } else if body != nil {
            head += "Content-Length: \(payload.count)\r\n"
        }
        var bytes = Array((head + "\r\n").utf8) + payload
        if random.below(60) == 0 {
            // A byte above 0x7F in the request line: not HTTP/1.1.
            bytes.insert(0xFF, at: method.utf8.count + 2)
            malformed = true
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let present = Set(ConsoleFuzzTests.tokens.filter { text.contains($0) })
        return Request(bytes: bytes, method: method, path: String(target.prefix { $0 != "?" }), isMalformed: malformed, tokens: present)
    }

    // MARK: Parts

    private mutating func route() -> String {
        switch random.below(18) {
        case 0: return "me"
        case 1: return "sessions"
        case 2: return "sessions/" + session()
        case 3: return "alerts"
        case 4: return "alerts/" + key() + "/feedback"
        case 5: return "tickets"
        case 6, 7: return "tickets/" + key()
        case 8: return "tickets/" + key() + "/" + pick(["acknowledge", "resolve", "feedback", "reopen", ""])
        case 9: return "events"
        case 10: return "healthz"
        case 11: return "metrics"
        case 12: return ""
        case 13: return junk()
        case 14: return "tickets/" + junk()
        case 15: return "sessions/" + junk() + "/" + junk()
        case 16: return "alerts/" + junk()
        default: return pick(["me", "sessions", "tickets", "alerts"]) + "/" + junk()
        }
    }

    private mutating func session() -> String {
        random.below(3) == 0 ? junk() : pick(sessions + ["nobody"])
    }

    /// A real ticket key (slashes as they are or encoded), or one that names nothing.
    private mutating func key() -> String {
        let key = pick(keys + ["nobody/abuse/1", "one-1/self_harm/99999999999999999999", "two-1/abuse/0"])
        switch random.below(4) {
        case 0: return key
        case 1: return key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        case 2: return key.replacingOccurrences(of: "/", with: "%2F")
        default: return junk()
        }
    }

    private mutating func junk() -> String {
        switch random.below(12) {
        case 0: return pick(["..", "%2e%2e", ".", "~", "%7E"])
        case 1: return pick(["%00", "%ff", "%zz", "%", "%2", "%%", "%C0%AF", "%E4%BC%9A%E8%AF%9D"])
        case 2: return String(repeating: "a", count: pick([1, 255, 256, 2_048, 8_000]))
        case 3: return pick(["<script>alert(1)</script>", "'%20OR%201=1--", "${jndi:x}", "{{7*7}}", "%3Cb%3E"])
        case 4: return String(repeating: "%2F", count: 1 + random.below(200))
        case 5: return String(repeating: "x/", count: 1 + random.below(300))
        case 6: return "one-1" + pick(["%00", "%20", "/", "%2F..", "."])
        default:
            let alphabet = Array("abcdefghijklmnopqrstuvxyz0123456789-_.~!$&'()*+,;=:@")
            return String((0..<(1 + random.below(40))).map { _ in alphabet[random.below(alphabet.count)] })
        }
    }

    private mutating func query() -> String {
        var parts: [String] = []
        for _ in 0...random.below(3) {
            switch random.below(9) {
            case 0: parts.append("token=" + token())
            case 1: parts.append("limit=" + pick(["0", "1", "1000", "1001", "2000", "2001", "-1", "abc", "", "99999999999999999999", "1e3"]))
            case 2: parts.append("status=" + pick(["active", "all", "open", "acknowledged", "resolved", "lost", "", "%00"]))
            case 3: parts.append("team=" + pick(["t-1", "t-2", "*", "%2A", "", "%00", "t-1%00", "T-1"]))
            case 4: parts.append("min_severity=" + pick(["info", "warning", "critical", "loud", ""]))
            case 5: parts.append("severity=" + pick(["info", "warning", "critical", "CRITICAL", ""]))
            case 6: parts.append(pick(["", "&", "=", "==", "a=%zz", "%=%", "a", "token", "token="]))
            case 7: parts.append("x=" + String(repeating: "q", count: pick([1, 100, 4_000])))
            default: parts.append(junk() + "=" + junk())
            }
        }
        return parts.joined(separator: "&")
    }

    /// A configured token, a wrong one, or one almost right.
    private mutating func token() -> String {
        switch random.below(8) {
        case 0, 1, 2: return pick(ConsoleFuzzTests.tokens)
        case 3: return "wrong-token-000000000000"
        case 4: return String(ConsoleAPITests.teamOne.dropLast())
        case 5: return String(ConsoleAPITests.teamOne.uppercased())
        case 6: return ""
        default: return junk()
        }
    }

    /// Headers, and whether one of them breaks HTTP (a line without a name, over 80 KiB).
    private mutating func headers() -> ([String], Bool) {
        var headers: [String] = []
        var broken = false
        if random.below(10) < 6 {
            headers.append("Authorization: " + pick(weighted: [("Bearer ", 8), ("bearer ", 1), ("Bearer  ", 1), ("Basic ", 1), ("", 1)]) + token())
            if random.below(15) == 0 { headers.append("Authorization: Bearer " + token()) }
        }
        if random.below(3) == 0 { headers.append("Content-Type: " + pick(["application/json", "text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=latin1"])) }
        if random.below(4) == 0 { headers.append("Accept: " + pick(["text/event-stream", "*/*", "application/json", "text/html"])) }
        if random.below(6) == 0 { headers.append("X-Junk-\(random.below(1000)): " + junk()) }
        if random.below(50) == 0 {
            let length = pick([1_000, 16_000, 100_000])
            headers.append("X-Long: " + String(repeating: "l", count: length))
            broken = broken || length > 80 * 1024
        }
        if random.below(60) == 0 {
            headers.append(pick(["No colon here", "X-Nul: a\u{0}b", ": empty name", "X Space: v"]))
            broken = true
        }
        return (headers, broken)
    }

    /// A body: none, valid JSON for the routes that read one, malformed JSON, deep nesting,
    /// bytes that are not UTF-8, one over the 64 KiB limit.
    private mutating func body(for method: String) -> [UInt8]? {
        let wantsBody = ["POST", "PUT", "PATCH"].contains(method) ? random.below(5) != 0 : random.below(10) == 0
        guard wantsBody else { return nil }
        switch random.below(14) {
        case 0: return Array(pick(["{\"verdict\":\"helpful\"}", "{\"verdict\":\"false_alarm\",\"note\":\"quoting a film\"}"]).utf8)
        case 1: return Array("{\"verdict\":\"helpful\",\"alert\":\"\(pick(keys))\"}".utf8)
        case 2:
            // Notes name no session: a note comes back in the ticket, and would read as that session's data.
            let note = pick(["called back", "家人已陪同", "\u{202E}reversed", "<b>bold</b>", "a\\nb", "\\u0000", String(repeating: "n", count: 2_000)])
            return Array("{\"note\":\"\(note)\"}".utf8)
        case 3: return Array(pick(["{\"note\":42}", "{\"verdict\":\"meh\"}", "{\"verdict\":null}", "{\"verdict\":[\"helpful\"]}"]).utf8)
        case 4: return Array(pick(["not json", "", "null", "[]", "\"helpful\"", "{", "{\"verdict\":", "{'verdict':'helpful'}", "{\"a\":1}{\"b\":2}"]).utf8)
        case 5: return Array((String(repeating: "[", count: 5_000) + String(repeating: "]", count: random.below(2) * 5_000)).utf8)
        case 6: return Array("{\"note\":\"".utf8) + [0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80] + Array("\"}".utf8)
        case 7: return Array("{\"note\":\"\\uD800\",\"verdict\":\"helpful\"}".utf8)
        case 8: return Array(repeating: UInt8(ascii: "x"), count: 64 * 1024 + 1 + random.below(1_000))
        case 9: return Array(("{\"note\":\"" + String(repeating: "n", count: 60_000) + "\"}").utf8)
        case 10: return Array("{\"verdict\":\"helpful\",\"verdict\":\"false_alarm\",\"by\":\"someone else\"}".utf8)
        default: return (0..<random.below(600)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

    private mutating func pick(weighted items: [(String, Int)]) -> String {
        var draw = random.below(items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if draw < weight { return item }
            draw -= weight
        }
        return items[0].0
    }
}
