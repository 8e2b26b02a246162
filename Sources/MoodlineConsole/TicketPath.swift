import Foundation

/// The ticket a `/api/v1/tickets/…` path names, and the action asked of it.
///
/// Ticket keys contain slashes (`call-7/self_harm/1`): clients may send them as they are or
/// percent-encoded (`call-7%2Fself_harm%2F1`); both name the same ticket. A key always ends
/// in its episode number, so a last segment `acknowledge`, `resolve` or `feedback` is the action.
struct TicketPath: Equatable {
    enum Action: String {
        case acknowledge
        case resolve
        /// `{"verdict":"false_alarm"|"helpful","note"?,"alert"?}`: on the ticket, or one of its alerts.
        case feedback
    }

    var key: String
    var action: Action?
}

extension TicketPath {
    static let prefix = "/api/v1/tickets/"

    init(_ path: String) throws {
        guard path.hasPrefix(Self.prefix) else {
            throw APIError(.notFound, .notFound, "not a ticket path: \(path)")
        }
        var segments = path.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let last = segments.last, let action = Action(rawValue: last), segments.count > 1 {
            self.action = action
            segments.removeLast()
        }
        var decoded: [String] = []
        for segment in segments {
            guard let text = segment.removingPercentEncoding, !text.isEmpty else {
                throw APIError(.badRequest, .badRequest, "the ticket key in \(path) is not valid: percent-encode it, e.g. with encodeURIComponent")
            }
            decoded.append(text)
        }
        key = decoded.joined(separator: "/")
    }
}
