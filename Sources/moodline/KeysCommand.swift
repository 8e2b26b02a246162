import ArgumentParser
import Foundation
import MoodlineServer
import MoodlineWire

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make CURVE keys for the server, gateways and people (ZeroMQ authentication).",
        subcommands: [Generate.self],
        defaultSubcommand: Generate.self
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a key pair and say where each half goes.",
            discussion: """
            The file holds the secret key: keep it private (it is written readable by its owner
            only). For the server, put its secret_key in the configuration as
            curve.server_secret_key and give its public_key to every client. For a gateway or a
            person, list the public_key under curve.clients with the sockets it may use; the
            name is who acts when that key changes a ticket.

            Examples:
              moodline keys generate --name server --out server.key
              moodline keys generate --name "Lin Wei" --out lin.key
            """
        )

        @Option(help: "Whose key this is (a gateway, a person, or server).")
        var name: String

        @Option(help: ArgumentHelp("Write the key file here (refuses to overwrite); default: print it.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            guard CurveKeyPair.isAvailable else { throw ValidationError("this libzmq was built without CURVE") }
        }

        func run() throws {
            let file = CurveKeyFile(name: name, keys: try CurveKeyPair.generate())
            guard let out else {
                print(file.text, terminator: "")
                return
            }
            guard !FileManager.default.fileExists(atPath: out) else {
                throw ValidationError("\(out) exists; choose another file (a key is never overwritten)")
            }
            guard FileManager.default.createFile(atPath: out, contents: Data(file.text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(out)")
            }
            print("wrote \(out) (keep it private)")
            print("public key: \(file.keys.publicKey)")
            if name == "server" {
                print("server configuration:\n  curve:\n    server_secret_key: \"\(file.keys.secretKey)\"")
            } else {
                print("server configuration, under curve.clients:\n  - name: \(name)\n    public_key: \"\(file.keys.publicKey)\"\n    sockets: [ingest, publish, control]")
            }
        }
    }
}
