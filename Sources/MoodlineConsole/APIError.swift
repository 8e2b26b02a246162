import Hummingbird
import MoodlineStore
import MoodlineWire

/// An error answer of the REST API: a status, a stable code for programs, and a message for people.
///
/// The body is `{"error":{"code":"…","message":"…"}}`.
public struct APIError: HTTPResponseError, Equatable {
    public enum Code: String, Sendable {
        case unauthorized
        case notFound = "not_found"
        case badRequest = "bad_request"
        case conflict
        /// The token is valid but may not do this (an agent's token acting on tickets).
        case forbidden
        case methodNotAllowed = "method_not_allowed"
        case `internal`
    }

    public var status: HTTPResponse.Status
    public var code: Code
    public var message: String
    /// For 405: the methods the resource answers, sent as `Allow`.
    public var allow: String?

    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String, allow: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.allow = allow
    }

    /// A known resource asked with a method it does not answer.
    static func methodNotAllowed(_ request: Request, allow: String) -> APIError {
        APIError(.methodNotAllowed, .methodNotAllowed, "\(request.uri.path) answers \(allow), not \(request.method)", allow: allow)
    }

    /// The one answer to a missing or wrong token: nothing about what exists.
    public static let unauthorized = APIError(
        .unauthorized, .unauthorized, "a valid token is required: send Authorization: Bearer <token>, or open the console link moodline serve printed"
    )

    /// Maps a store error to the status a client should act on.
    init(_ error: StoreError) {
        switch error.code {
        case .notFound: self.init(.notFound, .notFound, error.message)
        case .invalidTransition, .alreadyResolved: self.init(.conflict, .conflict, error.message)
        case .invalidArgument: self.init(.badRequest, .badRequest, error.message)
        default: self.init(.internalServerError, .internal, error.message)
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.key("code"); writer.string(code.rawValue)
        writer.key("message"); writer.string(message)
        writer.endObject()
        writer.endObject()
        var response = Response.json(writer.bytes, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if let allow { response.headers[.allow] = allow }
        return response
    }
}

extension Response {
    /// A JSON body that must not be cached (it holds live, team-scoped data).
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
