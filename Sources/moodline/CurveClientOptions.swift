import ArgumentParser
import Foundation
import MoodlineServer
import MoodlineWire

/// The key options of a command that connects to `moodline serve`: needed only when the
/// server's sockets use CURVE.
struct CurveClientOptions: ParsableArguments {
    @Option(name: .customLong("key"), help: ArgumentHelp(
        "Your key file (moodline keys generate), when the server uses CURVE. Default: $MOODLINE_KEY.", valueName: "file"))
    var keyFile: String?

    // A Z85 key may begin with "-": the value is taken whatever it looks like.
    @Option(parsing: .unconditional, help: ArgumentHelp("The server's public key, when it uses CURVE. Default: $MOODLINE_SERVER_KEY.", valueName: "z85"))
    var serverKey: String?

    /// The keys to connect with, or nil for plain sockets.
    func clientKeys() throws -> CurveClientKeys? {
        let environment = ProcessInfo.processInfo.environment
        let file = keyFile ?? environment["MOODLINE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let server = serverKey ?? environment["MOODLINE_SERVER_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (file, server) {
        case (nil, nil):
            return nil
        case (nil, _):
            throw ValidationError("--server-key needs --key (your key file) too")
        case (_, nil):
            throw ValidationError("--key needs --server-key (the server's public key, printed when it starts) too")
        case (let file?, let server?):
            guard CurveKeyPair.isZ85Key(server) else {
                throw ValidationError("--server-key is not a Z85 public key of 40 characters")
            }
            let keys = try CurveKeyFile.load(path: file).keys
            return CurveClientKeys(keys: keys, serverPublicKey: server)
        }
    }
}
