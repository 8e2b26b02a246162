import Foundation
import MoodlineWire
import Yams

/// A key file as `moodline keys generate` writes it: a name and a CURVE key pair, in YAML.
/// Clients (gateways, the CLI) read their own; the server's secret goes into its configuration.
public struct CurveKeyFile: Sendable, Equatable {
    public var name: String
    public var keys: CurveKeyPair

    public init(name: String, keys: CurveKeyPair) {
        self.name = name
        self.keys = keys
    }

    /// The file's text. Keys are quoted: Z85 uses characters YAML would otherwise read.
    public var text: String {
        """
        # A Moodline CURVE key for "\(name)". Keep this file private: it holds the secret key.
        # The server lists the public key under curve.clients (or, for the server's own key,
        # takes the secret as curve.server_secret_key).
        name: \(Self.quoted(name))
        public_key: \(Self.quoted(keys.publicKey))
        secret_key: \(Self.quoted(keys.secretKey))

        """
    }

    /// Reads a key file; the error says what is wrong with it.
    public static func load(path: String) throws(ConfigurationError) -> CurveKeyFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, message: "cannot read the key file; check the path (make one with `moodline keys generate --name NAME --out FILE`)")
        }
        guard let mapping = (try? Yams.compose(yaml: text))?.mapping else {
            throw ConfigurationError(path: path, message: "not a key file: expected name, public_key and secret_key")
        }
        guard let secret = mapping["secret_key"]?.string, let keys = CurveKeyPair(secretKey: secret) else {
            throw ConfigurationError(path: path, message: "secret_key is missing or not a Z85 key of 40 characters")
        }
        if let claimed = mapping["public_key"]?.string, claimed != keys.publicKey {
            throw ConfigurationError(path: path, message: "public_key does not belong to secret_key; generate the file again")
        }
        return CurveKeyFile(name: mapping["name"]?.string ?? "", keys: keys)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
