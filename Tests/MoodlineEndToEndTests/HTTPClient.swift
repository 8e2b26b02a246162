import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a plain TCP socket, for the console's API and event stream:
/// status codes, headers and bodies exactly as the server sends them, and a stream read
/// line by line, without URLSession's caching, redirects or buffering in the way.
struct HTTPReply {
    let status: Int
    /// Header names lower-cased.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any]? { E2E.object(body) }
}

enum HTTP {
    /// One request on a fresh connection (`Connection: close`), read to the end.
    static func request(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil, timeout: Double = 10
    ) throws -> HTTPReply {
        let connection = try HTTPConnection(url: url, timeout: timeout)
        defer { connection.close() }
        try connection.send(method, headers: headers, body: body, keepOpen: false)
        var raw: [UInt8] = []
        while let chunk = try connection.read() { raw += chunk }
        return try parse(raw, url: url)
    }

    static func get(_ url: String, token: String? = nil) throws -> HTTPReply {
        try request("GET", url, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }

    static func post(_ url: String, token: String? = nil, body: String? = nil) throws -> HTTPReply {
        var headers = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        if body != nil { headers["Content-Type"] = "application/json" }
        return try request("POST", url, headers: headers, body: body)
    }

    static func parse(_ raw: [UInt8], url: String) throws -> HTTPReply {
        guard let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw E2EError("\(url): no complete HTTP response (\(raw.count) bytes)")
        }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw E2EError("\(url): bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body, url: url) }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: [UInt8], url: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            guard let end = data[i...].firstRange(of: Array("\r\n".utf8)) else { break }
            let sizeText = String(decoding: data[i..<end.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw E2EError("\(url): bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = end.upperBound
            guard start + size <= data.count else { throw E2EError("\(url): truncated chunk") }
            out += data[start..<start + size]
            i = start + size + 2
        }
        return out
    }
}

/// One TCP connection to the console.
final class HTTPConnection {
    let host: String
    let port: UInt16
    let path: String
    private let fd: Int32
    private let timeout: Double

    init(url: String, timeout: Double) throws {
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port else {
            throw E2EError("not an http://HOST:PORT/… URL: \(url)")
        }
        self.host = host
        self.port = UInt16(port)
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        self.path = path
        self.timeout = timeout
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = self.port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            Glibc.close(fd)
            throw E2EError("\(host) is not an IPv4 address")
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw E2EError("cannot connect to \(host):\(port): errno \(code)")
        }
    }

    func send(_ method: String, headers: [String: String], body: String?, keepOpen: Bool) throws {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        request += keepOpen ? "" : "Connection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        let payload = Array((body ?? "").utf8)
        if body != nil || method == "POST" { request += "Content-Length: \(payload.count)\r\n" }
        request += "\r\n"
        try sendRaw(Array(request.utf8) + payload)
    }

    /// Sends bytes exactly as given: requests no well-behaved client would write, or no request at all.
    func sendRaw(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw E2EError("send to \(host):\(port) failed: errno \(errno)") }
            sent += n
        }
    }

    /// Tells the server nothing more will come (a half-close), as a client that gave up would.
    func finishSending() { _ = shutdown(fd, Int32(SHUT_WR)) }

    /// The next bytes, nil at the end of the stream; throws when nothing comes within the timeout.
    func read(timeout: Double? = nil) throws -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32((timeout ?? self.timeout) * 1000))
        guard ready > 0 else { throw E2EError("no data from \(host):\(port)\(path) within \(timeout ?? self.timeout) s") }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw E2EError("recv from \(host):\(port) failed: errno \(errno)") }
        return n == 0 ? nil : Array(buffer[..<n])
    }

    func close() { Glibc.close(fd) }
}

/// The console's server-sent event stream, read on the test's thread.
final class EventStream {
    struct Event {
        let name: String
        let data: String
        var json: [String: Any]? { E2E.object(Array(data.utf8)) }
    }

    let status: Int
    private let connection: HTTPConnection
    private var pending: [UInt8] = []
    private(set) var events: [Event] = []

    /// Opens the stream; `status` tells whether the server accepted it (the events only follow a 200).
    init(url: String, timeout: Double = 10) throws {
        connection = try HTTPConnection(url: url, timeout: timeout)
        try connection.send("GET", headers: ["Accept": "text/event-stream"], body: nil, keepOpen: true)
        while pending.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            guard let chunk = try connection.read() else { break }
            pending += chunk
        }
        guard let split = pending.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw E2EError("\(url): the stream closed before its headers")
        }
        let statusLine = String(decoding: pending[..<split.lowerBound], as: UTF8.self).prefix { $0 != "\r" }
        status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        pending.removeSubrange(..<split.upperBound)
        parse()
    }

    /// Reads until `condition` holds for the events so far, or `timeout` seconds pass.
    @discardableResult
    func waitUntil(timeout: Double, _ condition: ([Event]) -> Bool) -> Bool {
        let deadline = Deadline(seconds: timeout)
        while !condition(events) {
            let left = deadline.secondsLeft
            guard left > 0 else {
                // What has already arrived counts, even when the deadline passed before it was read.
                for _ in 0..<64 {
                    guard let chunk = try? connection.read(timeout: 0.2) else { break }
                    pending += chunk
                    parse()
                }
                return condition(events)
            }
            guard let chunk = try? connection.read(timeout: min(left, 1)) else { continue }
            pending += chunk
            parse()
        }
        return true
    }

    /// Splits complete events out of what has arrived. Chunk-size lines of a chunked body are
    /// not `event:`/`data:` lines, so they are skipped like comments.
    private func parse() {
        while let end = pending.firstRange(of: Array("\n\n".utf8)) {
            let block = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
            pending.removeSubrange(..<end.upperBound)
            var name = "message", data: [String] = []
            // "\r\n" is one Character in Swift, so carriage returns go before splitting lines.
            for line in block.replacingOccurrences(of: "\r", with: "").split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if !data.isEmpty { events.append(Event(name: name, data: data.joined(separator: "\n"))) }
        }
    }

    func close() { connection.close() }
    deinit { close() }
}
