import MoodlineWire

/// CURVE keys for a test server and its clients, as `moodline keys generate` makes them, and
/// the `--set` arguments that give them to `moodline serve`.
struct E2ECurve {
    struct Client {
        let name: String
        let keys: CurveKeyPair
        let sockets: [String]
    }

    let server: CurveKeyPair
    let clients: [Client]

    /// - Parameter clients: names with the sockets each may use (ingest, publish, control).
    init(clients list: [(name: String, sockets: [String])]) throws {
        server = try CurveKeyPair.generate()
        clients = try list.map { Client(name: $0.name, keys: try CurveKeyPair.generate(), sockets: $0.sockets) }
    }

    init(server: CurveKeyPair, clients: [Client]) {
        self.server = server
        self.clients = clients
    }

    /// The keys a client connects with; a name not listed gets a fresh key the server does not know.
    func keys(_ name: String) -> CurveClientKeys {
        let keys = clients.first { $0.name == name }?.keys ?? (try? CurveKeyPair.generate()) ?? server
        return CurveClientKeys(keys: keys, serverPublicKey: server.publicKey)
    }

    var arguments: [String] {
        let list = clients.map { #"{name: "\#($0.name)", public_key: "\#($0.keys.publicKey)", sockets: [\#($0.sockets.joined(separator: ", "))]}"# }
        return ["--set", "curve.server_secret_key=\"\(server.secretKey)\"", "--set", "curve.clients=[\(list.joined(separator: ", "))]"]
    }
}
