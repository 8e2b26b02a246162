// swift-tools-version:6.2
// Moodline benchmarks: a nested package (like swift-nio's benchmarks) so that the root
// package stays free of benchmark-only code and the benchmarks always build in release.
//
//   swift run -c release --package-path bench moodline-bench core
//   swift run -c release --package-path bench moodline-bench pipeline
//   swift run -c release --package-path bench moodline-bench replay
//
// The Moodline modules come from the root package's library products, so the bench always
// measures the code in `../Sources`.
import PackageDescription

let package = Package(
    name: "moodline-bench",
    products: [
        .executable(name: "moodline-bench", targets: ["moodline-bench"]),
    ],
    dependencies: [
        .package(name: "moodline", path: ".."),
        // The same version as the root's (its Package.resolved).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Interposes malloc & co. and counts heap allocations (Linux/glibc only).
        .target(name: "CAllocationCounter"),
        .executableTarget(
            name: "moodline-bench",
            dependencies: [
                "CAllocationCounter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MoodlineCore", package: "moodline"),
                .product(name: "MoodlineEngine", package: "moodline"),
                .product(name: "MoodlineWire", package: "moodline"),
                .product(name: "MoodlineStore", package: "moodline"),
                .product(name: "MoodlineServer", package: "moodline"),
                .product(name: "MoodlineReplay", package: "moodline"),
            ]
        ),
    ]
)
