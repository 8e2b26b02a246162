/// What a client needs to reach a CURVE server: its own key pair and the server's public key.
public struct CurveClientKeys: Sendable, Equatable {
    public var keys: CurveKeyPair
    public var serverPublicKey: String

    public init(keys: CurveKeyPair, serverPublicKey: String) {
        self.keys = keys
        self.serverPublicKey = serverPublicKey
    }
}

extension ZMQSocket {
    /// Makes this socket a CURVE client of the server whose public key `curve` names. Call
    /// before `connect`.
    public func useCurve(_ curve: CurveClientKeys) throws(ZMQError) {
        try set(.curveServerKey(curve.serverPublicKey))
        try set(.curvePublicKey(curve.keys.publicKey))
        try set(.curveSecretKey(curve.keys.secretKey))
    }
}
