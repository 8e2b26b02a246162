import MoodlineWire
import Testing

/// CURVE keys in Z85 text, and a CURVE handshake over real sockets.
@Suite struct CurveKeyPairTests {
    @Test func generatedKeysAreZ85AndTheSecretGivesBackThePublicKey() throws {
        let pair = try CurveKeyPair.generate()
        #expect(CurveKeyPair.isZ85Key(pair.publicKey) && CurveKeyPair.isZ85Key(pair.secretKey))
        #expect(CurveKeyPair(secretKey: pair.secretKey) == pair)
        #expect(try CurveKeyPair.generate() != pair)
        let binary = try #require(CurveKeyPair.decode(pair.publicKey))
        #expect(binary.count == 32 && CurveKeyPair.encode(binary) == pair.publicKey)
    }

    @Test func nearMissesAreNoKeys() throws {
        let good = try CurveKeyPair.generate().secretKey
        for bad in ["", String(good.dropLast()), good + "a", String(good.dropLast()) + " ", String(good.dropLast()) + "\"", String(good.dropLast()) + "~"] {
            #expect(!CurveKeyPair.isZ85Key(bad), "\(bad)")
            #expect(CurveKeyPair(secretKey: bad) == nil, "\(bad)")
            #expect(CurveKeyPair.decode(bad) == nil, "\(bad)")
        }
        #expect(CurveKeyPair.encode([UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test func aClientWithTheServersKeyTalksAndOneWithoutDoesNot() throws {
        let context = try ZMQContext()
        let server = try CurveKeyPair.generate(), client = try CurveKeyPair.generate()
        let pull = try context.socket(.pull)
        defer { pull.close() }
        try pull.set(.curveServer(true))
        try pull.set(.curveSecretKey(server.secretKey))
        try pull.set(.receiveTimeout(milliseconds: 2_000))
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint

        let plain = try context.socket(.push)
        defer { plain.close() }
        try plain.set(.linger(milliseconds: 0))
        try plain.set(.sendTimeout(milliseconds: 200))
        try plain.connect(endpoint)
        _ = try plain.send("plain")
        let secure = try context.socket(.push)
        defer { secure.close() }
        try secure.useCurve(CurveClientKeys(keys: client, serverPublicKey: server.publicKey))
        try secure.connect(endpoint)
        _ = try secure.send("secure")
        #expect(try pull.receiveBytes().map { String(decoding: $0, as: UTF8.self) } == "secure")
        try pull.set(.receiveTimeout(milliseconds: 300))
        #expect(try pull.receiveBytes() == nil, "the plain peer's message never arrives")
    }
}
