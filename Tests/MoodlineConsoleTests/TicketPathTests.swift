@testable import MoodlineConsole
import Testing

@Suite("Ticket paths")
struct TicketPathTests {
    @Test("keys arrive percent-encoded or with their slashes; the last segment may be the action")
    func parses() throws {
        #expect(try TicketPath("/api/v1/tickets/call-7%2Fself_harm%2F1") == TicketPath(key: "call-7/self_harm/1", action: nil))
        #expect(try TicketPath("/api/v1/tickets/call-7/self_harm/1") == TicketPath(key: "call-7/self_harm/1", action: nil))
        #expect(try TicketPath("/api/v1/tickets/call-7%2Fself_harm%2F1/acknowledge") == TicketPath(key: "call-7/self_harm/1", action: .acknowledge))
        #expect(try TicketPath("/api/v1/tickets/call-7/self_harm/1/resolve") == TicketPath(key: "call-7/self_harm/1", action: .resolve))
        // A session may be called anything; keys end in the episode number, so this is no action.
        #expect(try TicketPath("/api/v1/tickets/resolve%2Fabuse%2F2") == TicketPath(key: "resolve/abuse/2", action: nil))
        #expect(try TicketPath("/api/v1/tickets/%E5%AE%A2%E6%88%B7-1%2Fabuse%2F1").key == "客户-1/abuse/1")
    }

    @Test("broken encodings and empty segments are a bad request")
    func refuses() {
        for path in ["/api/v1/tickets/call%zz/abuse/1", "/api/v1/tickets/call-7//1", "/api/v1/tickets/"] {
            #expect(throws: APIError.self, "\(path)") { try TicketPath(path) }
        }
        #expect(throws: APIError.self) { try TicketPath("/api/v1/sessions/x") }
    }
}
