import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as ZeroMQ's CURVE mechanism uses them.
public struct CurveKeyPair: Sendable, Equatable {
    public var publicKey: String
    public var secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Whether this libzmq was built with CURVE (libsodium or its own TweetNaCl).
    public static var isAvailable: Bool { zmq_has("curve") != 0 }

    /// A new random key pair.
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var pub = [CChar](repeating: 0, count: 41), sec = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&pub, &sec) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: Self.text(pub), secretKey: Self.text(sec))
    }

    /// The key pair of a secret key, or nil when `secretKey` is not a valid Z85 key.
    public init?(secretKey: String) {
        guard Self.isZ85Key(secretKey) else { return nil }
        var pub = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&pub, secretKey) == 0 else { return nil }
        self.init(publicKey: Self.text(pub), secretKey: secretKey)
    }

    /// Whether `text` has the shape of a Z85 CURVE key: 40 characters of the Z85 alphabet.
    public static func isZ85Key(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 40 && bytes.allSatisfy { z85Alphabet.contains($0) }
    }

    /// The 32-byte key that Z85 text stands for (ZAP requests carry keys in binary), or nil.
    public static func decode(_ text: String) -> [UInt8]? {
        guard isZ85Key(text) else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        guard zmq_z85_decode(&out, text) != nil else { return nil }
        return out
    }

    /// The Z85 text of a 32-byte binary key.
    public static func encode(_ key: [UInt8]) -> String? {
        guard key.count == 32 else { return nil }
        var out = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&out, key, 32) != nil else { return nil }
        return text(out)
    }

    private static let z85Alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
