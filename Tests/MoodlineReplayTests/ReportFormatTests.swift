import MoodlineRedaction
import Testing
@testable import MoodlineReplay

/// The hand-rolled number and time formatting of the CSV tables and the report.
struct ReportFormatTests {
    @Test func decimalsRoundAndPad() {
        #expect(ReportFormat.decimal(0.25, digits: 4) == "0.2500")
        #expect(ReportFormat.decimal(-0.61237, digits: 4) == "-0.6124")
        #expect(ReportFormat.decimal(-0.00001, digits: 4) == "0.0000")
        #expect(ReportFormat.decimal(1763700252.82, digits: 3) == "1763700252.820")
        #expect(ReportFormat.decimal(3, digits: 0) == "3")
        #expect(ReportFormat.signed(0.3) == "+0.30")
        #expect(ReportFormat.signed(-0.3) == "-0.30")
        #expect(ReportFormat.signed(nil) == "–")
    }

    @Test func timesAreUTC() {
        #expect(ReportFormat.utc(1763700252.82) == "2025-11-21 04:44:12Z")
        #expect(ReportFormat.grouped(1_000_000) == "1,000,000")
        #expect(ReportFormat.grouped(999) == "999")
    }

    @Test func csvFieldsAreQuotedWhenNeeded() {
        var row = CSVRow()
        row.add("plain")
        row.add("a, b")
        row.add(#"say "hi""#)
        #expect(String(decoding: row.line, as: UTF8.self) == "plain,\"a, b\",\"say \"\"hi\"\"\"\r\n")
        var empty = CSVRow()
        empty.add("")
        empty.add("x")
        #expect(String(decoding: empty.line, as: UTF8.self) == ",x\r\n")
    }

    @Test func highlightedWordsAreMarkedAndEscaped() {
        var w = HTMLWriter()
        let text = "你是废物 <b>"
        let start = "你是".utf8.count
        let end = start + "废物".utf8.count
        HTMLReport.writeHighlighted(&w, text, [.init(start: start, end: end, title: "1 abuse: 废物", severity: .critical)], redactor: Redactor())
        #expect(w.html == "你是<mark class=\"sev-critical\" title=\"1 abuse: 废物\">废物</mark> &lt;b&gt;")
        // Offsets inside a character are ignored rather than garbling the text.
        var v = HTMLWriter()
        HTMLReport.writeHighlighted(&v, text, [.init(start: 1, end: 4, title: "x", severity: .info)], redactor: Redactor())
        #expect(v.html == "你是废物 &lt;b&gt;")
    }

    @Test func personalDataIsMaskedInTheReportsTranscriptAndMarksKeepTheirPlace() {
        let text = "你是废物，打我手机13812345678或者发lee@example.com"
        let start = "你是".utf8.count
        let mark = HTMLReport.HighlightSpan(start: start, end: start + "废物".utf8.count, title: "1 abuse", severity: .critical)
        var w = HTMLWriter()
        HTMLReport.writeHighlighted(&w, text, [mark], redactor: Redactor())
        #expect(w.html == "你是<mark class=\"sev-critical\" title=\"1 abuse\">废物</mark>，打我手机[phone]或者发[email]")
        // Only the kinds configured are masked; a mark over masked bytes is dropped, not leaked.
        var phonesKept = HTMLWriter()
        HTMLReport.writeHighlighted(&phonesKept, text, [], redactor: Redactor(kinds: [.email]))
        #expect(phonesKept.html == "你是废物，打我手机13812345678或者发[email]")
        let overPhone = HTMLReport.HighlightSpan(start: text.utf8.count - "13812345678或者发lee@example.com".utf8.count, end: text.utf8.count - "或者发lee@example.com".utf8.count, title: "x", severity: .info)
        var dropped = HTMLWriter()
        HTMLReport.writeHighlighted(&dropped, text, [overPhone], redactor: Redactor())
        #expect(!dropped.html.contains("13812345678") && !dropped.html.contains("<mark"))
    }
}
