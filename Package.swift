// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: descent → DescentHarness → {DescentSearch, DescentRender, DescentCore}
// → DescentBase, and DescentNetwork → {DescentCore, DescentBase}. DescentSearch and DescentRender never
// import DescentCore; all share DescentBase (JSON, files, random numbers, elementary functions,
// geometry), which imports nothing of ours. Only DescentRender (Cairo, giflib) and DescentNetwork
// (OpenBLAS's CBLAS, zlib) touch C libraries other than libc.
let package = Package(
    name: "Descent",
    // Synchronization's Mutex and Atomic (DescentHarness's runner, the CLI's progress lines)
    // are the newest API used: macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2.
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .executable(name: "descent", targets: ["descent"]),
        .library(name: "DescentBase", targets: ["DescentBase"]),
        .library(name: "DescentCore", targets: ["DescentCore"]),
        .library(name: "DescentSearch", targets: ["DescentSearch"]),
        .library(name: "DescentRender", targets: ["DescentRender"]),
        .library(name: "DescentNetwork", targets: ["DescentNetwork"]),
        .library(name: "DescentHarness", targets: ["DescentHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "DescentBase"),
        .target(name: "DescentCore", dependencies: ["DescentBase"]),
        .target(name: "DescentSearch", dependencies: ["DescentBase"]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CGif",
            providers: [.apt(["libgif-dev"])]),
        .target(name: "DescentRender", dependencies: ["DescentBase", "CCairo", "CGif", "CZlib"]),
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "DescentNetwork", dependencies: ["DescentBase", "DescentCore", "CBLAS", "CZlib"],
            resources: [.copy("Resources/digits.csv.gz"), .copy("Resources/digits.rst")]),
        .target(name: "DescentHarness", dependencies: ["DescentBase", "DescentCore", "DescentSearch", "DescentRender", "DescentNetwork"]),
        .executableTarget(
            name: "descent",
            dependencies: [
                "DescentHarness", "DescentBase", "DescentCore", "DescentSearch", "DescentRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "descent-network-bench", dependencies: ["DescentNetwork", "DescentCore", "DescentBase"],
            path: "Benchmarks/NetworkBench"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DescentBaseTests", dependencies: ["DescentBase", "TestSupport"]),
        .testTarget(
            name: "DescentCoreTests", dependencies: ["DescentCore", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "DescentSearchTests", dependencies: ["DescentSearch", "TestSupport"]),
        .testTarget(
            name: "DescentRenderTests", dependencies: ["DescentRender", "TestSupport"],
            exclude: ["GIF/decode_check.py"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DescentNetworkTests", dependencies: ["DescentNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "DescentHarnessTests", dependencies: ["DescentHarness", "TestSupport"]),
        .testTarget(name: "DescentCLITests", dependencies: ["descent"]),
    ]
)
