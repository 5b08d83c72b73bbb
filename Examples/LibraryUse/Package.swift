// swift-tools-version: 6.1
// A package that uses socgraph's SOCGraph library: it loads a Graph/ directory, shows an occupation, runs a search
// and compares three codes. Build and run it with `swift run --package-path Examples/LibraryUse`.
import PackageDescription

let package = Package(
    name: "LibraryUse",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Another package would name the repository instead: .package(url: "<socgraph's git URL>", branch: "main").
        .package(name: "socgraph", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "LibraryUse",
            dependencies: [.product(name: "SOCGraph", package: "socgraph")]
        ),
    ]
)
