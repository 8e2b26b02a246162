// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "moodline",
    products: [
        .executable(name: "moodline", targets: ["moodline"]),
        .library(name: "MoodlineCore", targets: ["MoodlineCore"]),
        .library(name: "MoodlineEngine", targets: ["MoodlineEngine"]),
        .library(name: "MoodlineStore", targets: ["MoodlineStore"]),
        .library(name: "MoodlineWire", targets: ["MoodlineWire"]),
        .library(name: "MoodlineServer", targets: ["MoodlineServer"]),
        .library(name: "MoodlineConsole", targets: ["MoodlineConsole"]),
        .library(name: "MoodlineReplay", targets: ["MoodlineReplay"]),
        .library(name: "MoodlineRedaction", targets: ["MoodlineRedaction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The console's HTTP server; its default traits (swift-configuration) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Scoring: normalise, tokenise, lexicon, rules, prosody. Pure: no I/O.
        .target(name: "MoodlineCore"),
        // Masks phones, e-mails, cards, IDs and bank accounts in transcript text. Pure: no I/O.
        .target(name: "MoodlineRedaction"),
        // The processor's prefetch hint, which Swift does not spell.
        .target(name: "CMoodlinePrefetch"),
        // Sessions, rules, alerts, escalation. Pure: event time, clock injected.
        .target(name: "MoodlineEngine", dependencies: ["MoodlineCore", "CMoodlinePrefetch", "MoodlineRedaction"]),
        // SQLite persistence of tickets, alerts and session summaries.
        .target(
            name: "MoodlineStore",
            dependencies: [
                "MoodlineCore", "MoodlineEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The C module over libzmq.
        .systemLibrary(
            name: "CZeroMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // Wire schema v1 codec and the ZeroMQ sockets.
        .target(name: "MoodlineWire", dependencies: ["CZeroMQ", "MoodlineEngine"]),
        // The running service: threads, sockets, engine, store and escalation wired together.
        .target(
            name: "MoodlineServer",
            dependencies: [
                "MoodlineCore", "MoodlineEngine", "MoodlineStore", "MoodlineWire", "MoodlineRedaction",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The supervisor console: web page, REST API, server-sent events, metrics.
        .target(
            name: "MoodlineConsole",
            dependencies: [
                "MoodlineEngine", "MoodlineStore", "MoodlineWire", "MoodlineServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Replay of recorded conversations for QA: alerts, reports, scorecards, tuning.
        .target(name: "MoodlineReplay", dependencies: ["MoodlineServer", "MoodlineEngine", "MoodlineStore", "MoodlineWire", "MoodlineRedaction"]),
        .executableTarget(
            name: "moodline",
            dependencies: [
                "MoodlineCore", "MoodlineEngine", "MoodlineStore", "MoodlineWire", "MoodlineServer", "MoodlineReplay", "MoodlineConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MoodlineCoreTests", dependencies: ["MoodlineCore"], exclude: ["Fixtures"]),
        .testTarget(name: "MoodlineEngineTests", dependencies: ["MoodlineEngine"]),
        .testTarget(name: "MoodlineStoreTests", dependencies: ["MoodlineStore"]),
        .testTarget(name: "MoodlineWireTests", dependencies: ["MoodlineWire"]),
        .testTarget(name: "MoodlineRedactionTests", dependencies: ["MoodlineRedaction"]),
        .testTarget(name: "MoodlineReplayTests", dependencies: ["MoodlineReplay"], exclude: ["Conversations"]),
        .testTarget(name: "MoodlineConsoleTests", dependencies: ["MoodlineConsole", "MoodlineServer"]),
        .testTarget(
            name: "MoodlineServerTests",
            dependencies: ["MoodlineServer", "MoodlineEngine", "MoodlineWire", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "MoodlineEndToEndTests",
            dependencies: ["moodline", "MoodlineServer", "MoodlineWire", "MoodlineStore"]
        ),
    ]
)
