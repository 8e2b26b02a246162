import Foundation
@testable import MoodlineConsole
import MoodlineServer
import Testing

@Suite("Console access")
struct TokenBookTests {
    let book = TokenBook([
        .init(token: "alpha-token-0123456789", name: "Lin", team: "t-1"),
        .init(token: "omega-token-0123456789", name: "Ops", team: "*"),
    ])

    @Test("a token grants its holder's name and team; * grants every team")
    func grants() {
        #expect(book.access(for: "alpha-token-0123456789") == ConsoleAccess(name: "Lin", team: "t-1"))
        #expect(book.access(for: "omega-token-0123456789") == ConsoleAccess(name: "Ops", team: nil))
    }

    @Test("each token is told apart, even from another with the same name and team")
    func holders() {
        let book = TokenBook([
            .init(token: "first-token-0123456789", name: "Lin", team: "t-1"),
            .init(token: "second-token-012345678", name: "Lin", team: "t-1"),
        ])
        let first = book.holder(of: "first-token-0123456789"), second = book.holder(of: "second-token-012345678")
        #expect(first?.access == second?.access)
        #expect(first?.token == TokenID(index: 0))
        #expect(second?.token == TokenID(index: 1))
        #expect(book.holder(of: "third-token-0123456789") == nil)
    }

    @Test("near misses, prefixes, extensions, case changes and empty tokens grant nothing")
    func refuses() {
        for guess in ["", "alpha-token-012345678", "alpha-token-01234567890", "ALPHA-TOKEN-0123456789", "alpha-token-0123456780", " alpha-token-0123456789"] {
            #expect(book.access(for: guess) == nil, "\(guess)")
        }
        #expect(TokenBook([]).access(for: "anything") == nil)
    }

    @Test("a team supervisor sees their team only; an operator sees everything, team-less items too")
    func visibility() {
        let lead = ConsoleAccess(name: "Lin", team: "t-1")
        #expect(lead.sees(team: "t-1", agent: "a-1"))
        #expect(!lead.sees(team: "t-2", agent: "a-1"))
        #expect(!lead.sees(team: nil, agent: nil), "a conversation without a team is for operators")
        let ops = ConsoleAccess(name: "Ops", team: nil)
        #expect(ops.sees(team: "t-2", agent: nil) && ops.sees(team: nil, agent: nil))
        #expect(!ops.isAgent)
    }

    @Test("an agent's token sees that agent's items only, whatever their team")
    func agentVisibility() {
        let book = TokenBook([.init(token: "agent-token-0123456789", name: "Sam", team: "", agent: "a-3")])
        let sam = try! #require(book.access(for: "agent-token-0123456789"))
        #expect(sam.isAgent && sam.team == nil && sam.agent == "a-3")
        #expect(sam.sees(team: "t-1", agent: "a-3") && sam.sees(team: nil, agent: "a-3"))
        #expect(!sam.sees(team: "t-1", agent: "a-4") && !sam.sees(team: "t-1", agent: nil))
    }
}

@Suite("Console configuration")
struct ConsoleConfigurationTests {
    @Test("tokens, port and host load from YAML and --set")
    func loads() throws {
        let configuration = try ServerConfiguration.load(path: nil, overrides: ["console.port=0", "console.host=0.0.0.0", "console.enabled=false"])
        #expect(configuration.console.port == 0)
        #expect(configuration.console.host == "0.0.0.0")
        #expect(configuration.console.enabled == false)
        #expect(configuration.console.tokens.isEmpty)
        #expect(ServerConfiguration().console.port == 7680, "on by default, on localhost")
        #expect(ServerConfiguration().console.host == "127.0.0.1")
    }

    @Test("the event streams' byte bounds load, with documented defaults")
    func bufferBounds() throws {
        let configuration = try ServerConfiguration.load(
            path: nil, overrides: ["console.stream_buffer_bytes=1048576", "console.token_buffer_bytes=4194304"])
        #expect(configuration.console.streamBufferBytes == 1 << 20)
        #expect(configuration.console.tokenBufferBytes == 4 << 20)
        let defaults = try ServerConfiguration.load(path: nil)
        #expect(defaults.console.streamBufferBytes == 2 << 20)
        #expect(defaults.console.tokenBufferBytes == 8 << 20)
        let documented = ServerConfiguration.documentedDefaultsYAML
        #expect(documented.contains("stream_buffer_bytes: \(2 << 20)") && documented.contains("token_buffer_bytes: \(8 << 20)"))
    }

    @Test("an agent's token needs no team")
    func agentTokensLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moodline-tokens-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "console:\n  tokens:\n    - {token: agent-token-0123456789, name: Sam, agent: a-3}\n".write(toFile: dir, atomically: true, encoding: .utf8)
        let configuration = try ServerConfiguration.load(path: dir)
        #expect(configuration.console.tokens == [.init(token: "agent-token-0123456789", name: "Sam", team: "", agent: "a-3")])
        #expect(configuration.console.tokens[0].isAdmin == false)
    }

    @Test("unusable settings are refused with the key and what to do")
    func refuses() {
        func failure(_ change: (inout ConsoleConfiguration) -> Void) -> String? {
            var c = ConsoleConfiguration()
            change(&c)
            do {
                try c.validate()
                return nil
            } catch {
                return error.description
            }
        }
        #expect(failure { $0.port = 70_000 }?.contains("console.port") == true)
        #expect(failure { $0.host = "" }?.contains("console.host") == true)
        #expect(failure { $0.tokens = [.init(token: "short", name: "Lin", team: "t-1")] }?.contains("shorter than 16") == true)
        #expect(failure { $0.tokens = [.init(token: "long-enough-token-01", name: "", team: "t-1")] }?.contains("needs a name") == true)
        #expect(failure { $0.tokens = [.init(token: "long-enough-token-01", name: "Lin", team: "")] }?.contains("needs a team") == true)
        #expect(failure { $0.tokens = [.init(token: "long-enough-token-01", name: "Sam", team: "*", agent: "a-3")] }?.contains("agent") == true)
        #expect(failure { $0.tokens = [.init(token: "long-enough-token-01", name: "Sam", team: "", agent: "")] }?.contains("agent") == true)
        #expect(failure { $0.tokens = [.init(token: "long-enough-token-01", name: "Sam", team: "", agent: "a-3")] } == nil)
        #expect(failure { $0.streamBufferBytes = 1_000 }?.contains("console.stream_buffer_bytes") == true)
        #expect(failure { $0.tokenBufferBytes = 65_535 }?.contains("console.token_buffer_bytes") == true)
        #expect(failure { $0.streamBufferBytes = 65_536; $0.tokenBufferBytes = 65_536 } == nil)
        let twice = ConsoleConfiguration.Token(token: "long-enough-token-01", name: "Lin", team: "t-1")
        #expect(failure { $0.tokens = [twice, twice] }?.contains("console.tokens[1]") == true)
        #expect(failure { $0.tokens = [twice] } == nil)
    }
}
