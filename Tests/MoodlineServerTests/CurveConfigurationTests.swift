import Foundation
@testable import MoodlineServer
import MoodlineWire
import Testing

/// The `curve` section: what it admits, and the mistakes it refuses with a way out.
@Suite struct CurveConfigurationTests {
    @Test func offByDefaultAndOnWithAServerKeyAndClients() throws {
        #expect(!ServerConfiguration().curve.isOn)
        let server = try CurveKeyPair.generate(), ann = try CurveKeyPair.generate()
        let configuration = try ServerConfiguration.load(path: nil, overrides: [
            "curve.server_secret_key=\"\(server.secretKey)\"",
            "curve.clients=[{name: lead-ann, public_key: \"\(ann.publicKey)\", sockets: [control]}, {name: gw, public_key: \"\(try CurveKeyPair.generate().publicKey)\"}]",
        ])
        #expect(configuration.curve.serverKeys == server)
        #expect(configuration.curve.clients.map(\.sockets) == [[.control], [.ingest, .publish, .control]], "sockets default to all three")
        let annKey = try #require(CurveKeyPair.decode(ann.publicKey))
        #expect(configuration.curve.admitted(key: annKey, to: .control)?.name == "lead-ann")
        #expect(configuration.curve.admitted(key: annKey, to: .ingest) == nil, "not listed for ingest")
        #expect(configuration.curve.admitted(key: try #require(CurveKeyPair.decode(server.publicKey)), to: .control) == nil)
        #expect(configuration.curve.admitted(key: [1, 2, 3], to: .control) == nil)
    }

    @Test func mistakesAreRefusedWithTheirKey() throws {
        let server = try CurveKeyPair.generate().secretKey, key = try CurveKeyPair.generate().publicKey
        let cases: [([String], String)] = [
            (["curve.clients=[{name: a, public_key: \"\(key)\"}]"], "curve.clients"),
            (["curve.server_secret_key=short"], "curve.server_secret_key"),
            (["curve.server_secret_key=\"\(server)\""], "curve.clients"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: nope}]"], "public_key"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: \" \", public_key: \"\(key)\"}]"], "name"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: \"\(key)\"}, {name: a, public_key: \"\(try CurveKeyPair.generate().publicKey)\"}]"], "name"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: \"\(key)\"}, {name: b, public_key: \"\(key)\"}]"], "public_key"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: \"\(key)\", sockets: []}]"], "sockets"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: \"\(key)\", sockets: [admin]}]"], "sockets"),
            (["curve.server_secret_key=\"\(server)\"", "curve.clients=[{name: a, public_key: \"\(key)\", role: admin}]"], "role"),
        ]
        for (overrides, mentioned) in cases {
            #expect(throws: ConfigurationError.self, "\(overrides)") { try ServerConfiguration.load(path: nil, overrides: overrides) }
            do {
                _ = try ServerConfiguration.load(path: nil, overrides: overrides)
            } catch {
                #expect("\(error)".contains(mentioned), "\(overrides): \(error)")
            }
        }
    }

    @Test func aKeyFileReadsBackAndAForgedOneIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = CurveKeyFile(name: "Lin \"Wei\"", keys: try CurveKeyPair.generate())
        let path = directory + "/lin.key"
        try file.text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CurveKeyFile.load(path: path) == file)
        let other = try CurveKeyPair.generate().publicKey
        try file.text.replacingOccurrences(of: file.keys.publicKey, with: other).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try CurveKeyFile.load(path: path) }
        #expect(throws: ConfigurationError.self) { try CurveKeyFile.load(path: directory + "/missing.key") }
    }
}
