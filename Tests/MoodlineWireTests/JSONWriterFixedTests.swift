import Foundation
import MoodlineWire
import Testing

@Suite struct JSONWriterFixedTests {
    private func fixed(_ value: Double, _ decimals: Int = 3) -> String {
        var writer = JSONWriter()
        writer.fixed(value, decimals: decimals)
        return writer.string
    }

    @Test func writesRoundedDecimalsWithoutTrailingZeros() {
        #expect(fixed(0) == "0")
        #expect(fixed(1) == "1")
        #expect(fixed(-1) == "-1")
        #expect(fixed(0.25) == "0.25")
        #expect(fixed(-0.3333333) == "-0.333")
        #expect(fixed(0.05) == "0.05")
        #expect(fixed(0.0049) == "0.005")
        #expect(fixed(-0.0004) == "0")
        #expect(fixed(-0.0) == "0")
        #expect(fixed(0.9996) == "1")
        #expect(fixed(12.5, 0) == "13")
        #expect(fixed(.nan) == "null")
        #expect(fixed(.infinity) == "null")
        #expect(fixed(1e300) == "1e+300")
    }

    @Test func agreesWithFormatting() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let value = Double.random(in: -2...2, using: &generator)
            let parsed = Double(fixed(value))!
            #expect(abs(parsed - value) <= 0.0005 + 1e-12)
        }
    }

    @Test func separatesArrayElements() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.fixed(0.5, decimals: 3)
        writer.fixed(-0.125, decimals: 3)
        writer.double(1_763_790_000.25)
        writer.endArray()
        #expect(writer.string == "[0.5,-0.125,1763790000.25]")
    }
}
