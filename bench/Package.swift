// swift-tools-version:6.2
// Moodline benchmarks: a nested package (like swift-nio's benchmarks) so that the root
// package stays free of benchmark-only code and the benchmarks always build in release.
//
//   swift run -c release --package-path bench moodline-bench core
//
// Sections: `core` (scoring, one thread), `pipeline` and `replay` (placeholders for the
// Wire/Engine benchmarks: add `.product(name: "MoodlineEngine", package: "moodline")` and
// the Wire product below when they land).
import PackageDescription

let package = Package(
    name: "moodline-bench",
    products: [
        .executable(name: "moodline-bench", targets: ["moodline-bench"]),
    ],
    dependencies: [
        .package(name: "moodline", path: ".."),
    ],
    targets: [
        // Interposes malloc & co. and counts heap allocations (Linux/glibc only).
        .target(name: "CAllocationCounter"),
        .executableTarget(
            name: "moodline-bench",
            dependencies: [
                "CAllocationCounter",
                .product(name: "MoodlineCore", package: "moodline"),
                // pipeline/replay (to add when ready):
                // .product(name: "MoodlineEngine", package: "moodline"),
            ]
        ),
    ]
)
