import Foundation
@testable import MoodlineConsole
import Testing

@Suite("Console page")
struct ConsolePageTests {
    @Test("the embedded pages are console/index.html and console/agent.html (run scripts/embed-console.py after editing them)")
    func embeddedCopyIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (name, embedded) in [("index.html", ConsolePage.html), ("agent.html", ConsolePage.agentHTML)] {
            let file = try String(contentsOf: root.appendingPathComponent("console/" + name), encoding: .utf8)
            // A multi-line string literal drops the file's final newline.
            #expect(file == embedded || file == embedded + "\n", "console/\(name) differs from the embedded copy: run scripts/embed-console.py")
        }
    }

    @Test("the page loads nothing from the network")
    func selfContained() {
        for pattern in ["src=\"http", "href=\"http", "@import", "//cdn", "fonts.googleapis"] {
            #expect(!ConsolePage.html.contains(pattern), "\(pattern)")
            #expect(!ConsolePage.agentHTML.contains(pattern), "\(pattern)")
        }
        #expect(!ConsolePage.signIn.contains("http"))
    }

    /// The agent's page shows cues in words, never the internal kind names or scores.
    @Test("the agent page names no alert kinds and shows no scores")
    func agentPageSpeaksPlainly() {
        for word in ["customer_anger", "agent_misconduct", "energy_z", "pitch_z", "evidence"] {
            #expect(!ConsolePage.agentHTML.contains(word), "\(word)")
        }
    }
}
