import Foundation
@testable import MoodlineConsole
import Testing

@Suite("Console page")
struct ConsolePageTests {
    @Test("the embedded page is console/index.html (run scripts/embed-console.py after editing it)")
    func embeddedCopyIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("console/index.html"), encoding: .utf8)
        // A multi-line string literal drops the file's final newline.
        #expect(file == ConsolePage.html || file == ConsolePage.html + "\n", "console/index.html differs from the embedded copy: run scripts/embed-console.py")
    }

    @Test("the page loads nothing from the network")
    func selfContained() {
        for pattern in ["src=\"http", "href=\"http", "@import", "//cdn", "fonts.googleapis"] {
            #expect(!ConsolePage.html.contains(pattern), "\(pattern)")
        }
        #expect(!ConsolePage.signIn.contains("http"))
    }
}
