import Hummingbird

/// The request context of the console: who is asking, once a token has been checked.
public struct ConsoleRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``TokenAuthenticator``; nil on the open routes (`/healthz`, `/metrics`).
    public var access: ConsoleAccess?
    /// The token behind ``access``, set with it.
    public var token: TokenID?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        access = nil
        token = nil
    }

    /// Tickets and notes are small; anything bigger is a mistake or an attack.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The checked access; only reachable behind ``TokenAuthenticator``.
    func requireAccess() throws -> ConsoleAccess {
        guard let access else { throw APIError.unauthorized }
        return access
    }

    /// The checked token and its access; only reachable behind ``TokenAuthenticator``.
    func requireHolder() throws -> (token: TokenID, access: ConsoleAccess) {
        guard let access, let token else { throw APIError.unauthorized }
        return (token, access)
    }
}

/// Lets a request through only with a configured token, from `Authorization: Bearer` or
/// (for `EventSource`, which cannot set headers) the `token` query parameter.
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let tokens: TokenBook

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let presented = Self.presentedToken(request), let holder = tokens.holder(of: presented) else {
            throw APIError.unauthorized
        }
        var context = context
        context.access = holder.access
        context.token = holder.token
        return try await next(request, context)
    }

    static func presentedToken(_ request: Request) -> Substring? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return parts[1] }
            return nil
        }
        return request.uri.queryParameters["token"]
    }
}
