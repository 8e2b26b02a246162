import Testing
@testable import MoodlineRedaction

/// The check-character algorithms on the specifications' own examples, and one changed
/// character each.
@Suite struct ChecksumTests {
    func bytes(_ s: String) -> ArraySlice<UInt8> { Array(s.utf8)[...] }

    @Test func luhn() {
        #expect(Checksum.luhn(bytes("79927398713")))
        #expect(Checksum.luhn(bytes("4111111111111111")))
        #expect(!Checksum.luhn(bytes("79927398710")))
        #expect(!Checksum.luhn(bytes("4111111111111121"))) // a changed digit
    }

    @Test func chineseResidentID() {
        #expect(Checksum.chineseResidentID(bytes("11010519491231002X")))
        #expect(Checksum.chineseResidentID(bytes("310104198511224568")))
        #expect(!Checksum.chineseResidentID(bytes("110105194912310021")))
        #expect(!Checksum.chineseResidentID(bytes("11010519491231002")))
    }

    @Test func taiwanID() {
        #expect(Checksum.taiwanID(bytes("A123456789")))
        #expect(Checksum.taiwanID(bytes("F223456786")))
        #expect(!Checksum.taiwanID(bytes("A123456788")))
        #expect(Checksum.taiwanLetterCode(UInt8(ascii: "I")) == 34)
        #expect(Checksum.taiwanLetterCode(UInt8(ascii: "O")) == 35)
        #expect(Checksum.taiwanLetterCode(UInt8(ascii: "W")) == 32)
    }

    @Test func hongKongID() {
        #expect(Checksum.hongKongID(bytes("A1234563")))
        #expect(Checksum.hongKongID(bytes("Z683365A")))
        #expect(Checksum.hongKongID(bytes("AB9876543")))
        #expect(!Checksum.hongKongID(bytes("A1234564")))
    }

    @Test func iban() {
        #expect(Checksum.iban(bytes("GB82WEST12345698765432")))
        #expect(Checksum.iban(bytes("DE89370400440532013000")))
        #expect(!Checksum.iban(bytes("GB82WEST12345698765423"))) // two digits swapped
    }

    @Test func birthDates() {
        #expect(Scanner.isBirthDate(year: 2000, month: 2, day: 29))
        #expect(!Scanner.isBirthDate(year: 1900, month: 2, day: 29))
        #expect(!Scanner.isBirthDate(year: 1985, month: 13, day: 1))
        #expect(!Scanner.isBirthDate(year: 1985, month: 4, day: 31))
    }
}
