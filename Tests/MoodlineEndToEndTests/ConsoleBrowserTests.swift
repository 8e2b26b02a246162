import Foundation
import MoodlineStore
import MoodlineWire
import Testing

/// The console in a real browser: `serve --simulate`, headless Chromium opens the printed
/// link, the simulated centre appears, a critical ticket arrives, a click on its Acknowledge
/// button reaches the database.
@Suite("End to end: console in a browser", .serialized)
struct ConsoleBrowserTests {
    @Test("conversations and a critical ticket appear live; acknowledging in the page is recorded", .timeLimit(.minutes(3)))
    func acknowledgeInThePage() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(
            directory: directory, arguments: ["--simulate", "--simulate-rate", "60", "--simulate-sessions", "24", "--simulate-mix", "uniform"], context: context
        )
        defer { server.stop() }
        let link = try #require(server.consoleLink, "serve printed no console link:\n\(server.child.stdout)")
        #expect(link.contains("/?token="), "with no tokens configured the link carries a one-run admin token")

        let browser = try Chromium(log: "\(directory)/chromium.log")
        defer { browser.close() }
        let page = try browser.open(link)

        // The simulated centre, live.
        try page.waitFor("document.querySelectorAll('tr.session').length >= 3", timeout: 30)
        let shown = try page.evaluate("Array.from(document.querySelectorAll('tr.session')).map(r => r.dataset.session)") as? [String] ?? []
        let live = try server.request(["cmd": "sessions"])["sessions"] as? [[String: Any]] ?? []
        let liveIDs = Set(live.compactMap { $0["session"] as? String })
        #expect(!shown.isEmpty && shown.allSatisfy { $0.hasPrefix("sim-") }, "\(shown)")
        #expect(!liveIDs.isDisjoint(with: shown), "the page lists conversations the server is tracking: \(shown) vs \(liveIDs)")
        try page.waitFor("document.querySelectorAll('li.alert').length > 0", timeout: 30)

        // Told that the server dropped events this page read too slowly, the page reads the
        // state afresh, once however many notices come: a conversation it still shows but the
        // server no longer tracks (its end among the dropped events) leaves the table.
        _ = try page.evaluate("""
            (() => {
              window.__sessionReads = 0;
              const fetchBefore = window.fetch;
              window.fetch = (url, ...rest) => {
                if (String(url).startsWith('/api/v1/sessions')) window.__sessionReads++;
                return fetchBefore(url, ...rest);
              };
              state.sessions.set('gone-1', Object.assign({}, state.sessions.values().next().value, { session: 'gone-1', _seen: 0 }));
              for (let i = 0; i < 3; i++) state.es.dispatchEvent(new MessageEvent('missed', { data: '{"type":"missed","events":5}' }));
              return true;
            })()
            """)
        try page.waitFor("state.missedResync === null && !state.sessions.has('gone-1')", timeout: 15)
        #expect(try page.evaluate("window.__sessionReads") as? Int == 1, "one re-read for three notices")

        // A critical ticket arrives with its deadline and the cue.
        let button = "document.querySelector('.ticket.critical [data-action=\"ack\"]')"
        try page.waitFor("\(button) !== null", timeout: 90)
        let key = try #require(try page.evaluate("\(button).closest('.ticket').dataset.ticketKey") as? String)
        let stored = try server.request(["cmd": "ticket", "key": key])
        #expect((stored["ticket"] as? [String: Any])?["severity"] as? String == "critical", "the page's ticket is in the database: \(stored)")

        // Urgent incidents reach the supervisor as one strip, the most urgent first, with a
        // count of the rest, never a stack of banners.
        try page.waitFor("document.querySelector('#banners .banner') !== null", timeout: 30)
        let strips = try page.evaluate("document.querySelectorAll('#banners .banner').length") as? Int
        #expect(strips == 1)
        let waiting = try page.evaluate("Number(document.querySelector('#banners .banner').dataset.count)") as? Int ?? 0
        #expect(waiting >= 1)
        if waiting > 1 {
            let text = try page.evaluate("document.querySelector('#banners .banner').textContent") as? String ?? ""
            #expect(text.contains("+\(waiting - 1) more urgent"), "\(text)")
        }

        // Acknowledge it the way a supervisor does: a click on the page's button.
        let selector = ".ticket[data-ticket-key=\"\(key)\"] [data-action=\"ack\"]"
        _ = try page.evaluate("document.querySelector('\(selector)').click(), true")
        var status = ""
        let recorded = try E2E.waitUntil(timeout: 15) {
            let ticket = try server.request(["cmd": "ticket", "key": key])["ticket"] as? [String: Any]
            status = ticket?["status"] as? String ?? ""
            return status == "acknowledged" && ticket?["acknowledged_by"] as? String == "admin"
        }
        #expect(recorded, "the click reached the database as an acknowledgement by the token's holder (status \(status))")
        // The page reflects it: the ticket shows as acknowledged, its Acknowledge button gone.
        let card = "document.querySelector('.ticket[data-ticket-key=\"\(key)\"]')"
        try page.waitFor("\(card).dataset.status === 'acknowledged'", timeout: 15)
        let buttonGone = try page.evaluate("(b => b === null || b.hidden)(document.querySelector('\(selector)'))") as? Bool
        #expect(buttonGone == true)

        // The detail a supervisor acts on: what was said, the evidence with its values, the history.
        _ = try page.evaluate("\(card).querySelector('[data-action=\"detail\"]').click(), true")
        try page.waitFor("\(card).querySelectorAll('.t-transcript li').length > 0", timeout: 15)
        let turns = try page.evaluate("\(card).querySelectorAll('.t-transcript li').length") as? Int ?? 0
        #expect(turns >= 1)
        let history = try page.evaluate("\(card).querySelector('.t-history').textContent") as? String ?? ""
        #expect(history.contains("created") && history.contains("acknowledged"), "\(history)")
        let values = try page.evaluate("\(card).querySelectorAll('.t-alerts .ev-value').length") as? Int ?? 0
        #expect(values >= 1, "the evidence shows its values")

        // "False alarm" on the incident: stored with the token holder's name, shown as chosen.
        _ = try page.evaluate("\(card).querySelector('.t-feedback [data-feedback=\"false_alarm\"]:not([data-alert])').click(), true")
        let judged = try E2E.waitUntil(timeout: 15) {
            let feedback = try server.request(["cmd": "ticket", "key": key])["feedback"] as? [[String: Any]] ?? []
            return feedback.contains { $0["target"] as? String == "ticket" && $0["verdict"] as? String == "false_alarm" && $0["by"] as? String == "admin" }
        }
        #expect(judged, "the click reached the database as feedback by the token's holder")
        try page.waitFor("\(card).querySelector('.t-feedback [data-feedback=\"false_alarm\"]:not([data-alert])').getAttribute('aria-pressed') === 'true'", timeout: 15)
        // And on an alert of the feed.
        let alertKey = try #require(try page.evaluate("document.querySelector('#alert-list [data-alert-key]').dataset.alertKey") as? String)
        _ = try page.evaluate("document.querySelector('#alert-list [data-alert-key] [data-alert-verdict=\"helpful\"]').click(), true")
        let session = String(alertKey.split(separator: "/").dropLast(2).joined(separator: "/"))
        let onFeed = try E2E.waitUntil(timeout: 15) {
            let store = try TicketStore(path: server.database)
            return try store.feedback(session: session).contains { $0.key == alertKey && $0.verdict == .helpful && $0.actor == "admin" }
        }
        #expect(onFeed, "a verdict on a feed alert reached the database: \(alertKey)")

        // Ended calls leave the live table for the recently-ended list.
        // Simulated calls end every few seconds; on a loaded machine the page may take a while.
        try page.waitFor("document.querySelectorAll('#ended-list li').length > 0", timeout: 90)
        // The page renders on a timer, so one look may fall between an end and the next render;
        // an ended call still shown live after that is a fault.
        let endedNotLive = (try? page.waitFor("""
            (() => { const live = new Set(Array.from(document.querySelectorAll('tr.session')).map(r => r.dataset.session));
              return Array.from(document.querySelectorAll('#ended-list li')).every(li => !live.has(li.dataset.session)); })()
            """, timeout: 15)) != nil
        #expect(endedNotLive, "an ended call is listed as ended, not live")
        try page.screenshot(to: "\(directory)/console.png")
        if let keep = ProcessInfo.processInfo.environment["MOODLINE_CONSOLE_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: "\(directory)/console.png", toPath: keep)
        }
        let errors = try page.evaluate("window.__consoleErrors ? window.__consoleErrors.length : 0") as? Int ?? 0
        #expect(errors == 0, "the page raised no script errors")
    }
}
