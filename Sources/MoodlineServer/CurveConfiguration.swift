import Foundation
import MoodlineWire

/// ZeroMQ CURVE on the ingest, publish and control sockets: traffic is encrypted and only the
/// listed client keys connect, each to the sockets it is listed for. Off (plain sockets) while
/// `server_secret_key` is empty: the zero-config default, for loopback.
public struct CurveConfiguration: Sendable, Codable, Equatable {
    /// One of the server's sockets, as ZAP requests name it (their domain).
    public enum Endpoint: String, Sendable, Codable, CaseIterable {
        case ingest, publish, control
    }

    /// A client admitted by its public key. Its name is who acts when it changes a ticket.
    public struct Client: Sendable, Codable, Equatable {
        public var name: String
        public var publicKey: String
        public var sockets: [Endpoint]

        public init(name: String, publicKey: String, sockets: [Endpoint] = Endpoint.allCases) {
            self.name = name
            self.publicKey = publicKey
            self.sockets = sockets
        }

        enum CodingKeys: String, CodingKey {
            case name, sockets
            case publicKey = "public_key"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            publicKey = try c.decode(String.self, forKey: .publicKey)
            sockets = try c.decodeIfPresent([Endpoint].self, forKey: .sockets) ?? Endpoint.allCases
        }
    }

    /// The server's secret key, Z85 (`moodline keys generate`); empty: plain sockets.
    public var serverSecretKey = ""
    public var clients: [Client] = []

    public init() {}

    public init(serverSecretKey: String, clients: [Client]) {
        self.serverSecretKey = serverSecretKey
        self.clients = clients
    }

    enum CodingKeys: String, CodingKey {
        case clients
        case serverSecretKey = "server_secret_key"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        serverSecretKey = try c.decodeIfPresent(String.self, forKey: .serverSecretKey) ?? ""
        clients = try c.decodeIfPresent([Client].self, forKey: .clients) ?? []
    }

    /// Whether the sockets use CURVE.
    public var isOn: Bool { !serverSecretKey.isEmpty }

    /// The server's key pair, from its secret key; nil when CURVE is off or the key is invalid.
    public var serverKeys: CurveKeyPair? { isOn ? CurveKeyPair(secretKey: serverSecretKey) : nil }

    /// Checks what decoding cannot: valid keys, unique names and keys, a libzmq with CURVE.
    public func validate() throws(ConfigurationError) {
        guard isOn else {
            guard clients.isEmpty else {
                throw ConfigurationError(path: "curve.clients", message: "clients are listed but curve.server_secret_key is empty — set it (moodline keys generate --name server) or remove the clients")
            }
            return
        }
        guard CurveKeyPair.isAvailable else {
            throw ConfigurationError(path: "curve", message: "this libzmq was built without CURVE; install a libzmq with libsodium (Debian: libzmq5) or leave curve.server_secret_key empty")
        }
        guard serverKeys != nil else {
            throw ConfigurationError(path: "curve.server_secret_key", message: "not a Z85 key of 40 characters — make one with `moodline keys generate --name server`")
        }
        guard !clients.isEmpty else {
            throw ConfigurationError(path: "curve.clients", message: "CURVE is on but no client key is listed, so nothing could connect — add one per gateway and console (moodline keys generate --name NAME)")
        }
        var names = Set<String>(), keys = Set<String>()
        for (i, client) in clients.enumerated() {
            let path = "curve.clients[\(i)]"
            guard !client.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ConfigurationError(path: path + ".name", message: "a client needs a name: it is recorded as who acted")
            }
            guard CurveKeyPair.isZ85Key(client.publicKey), CurveKeyPair.decode(client.publicKey) != nil else {
                throw ConfigurationError(path: path + ".public_key", message: "not a Z85 public key of 40 characters (the public_key line of `moodline keys generate`)")
            }
            guard !client.sockets.isEmpty else {
                throw ConfigurationError(path: path + ".sockets", message: "list at least one of ingest, publish, control")
            }
            guard names.insert(client.name).inserted else {
                throw ConfigurationError(path: path + ".name", message: "\(client.name) is listed twice; names must be unique")
            }
            guard keys.insert(client.publicKey).inserted else {
                throw ConfigurationError(path: path + ".public_key", message: "this key is already listed for another client")
            }
        }
    }

    /// The client a ZAP request's binary key belongs to, if it may use `endpoint`.
    func admitted(key: [UInt8], to endpoint: Endpoint) -> Client? {
        guard let text = CurveKeyPair.encode(key) else { return nil }
        return clients.first { $0.publicKey == text && $0.sockets.contains(endpoint) }
    }
}

extension ZMQSocket {
    /// Makes this socket a CURVE server whose peers the ZAP handler checks under `endpoint`.
    func serveCurve(_ keys: CurveKeyPair, as endpoint: CurveConfiguration.Endpoint) throws(ZMQError) {
        try set(.zapDomain(endpoint.rawValue))
        try set(.curveServer(true))
        try set(.curveSecretKey(keys.secretKey))
    }
}
