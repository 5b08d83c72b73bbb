// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "socgraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "socgraph", targets: ["socgraph"]),
        .library(name: "SOCGraph", targets: ["SOCGraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The web explorer (`socgraph serve`); its swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "SOCGraph"),
        .target(
            name: "SOCGraphImport",
            dependencies: [
                "SOCGraph",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "SOCGraphRender",
            dependencies: ["SOCGraph", "CGraphviz", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "socgraph",
            dependencies: [
                "SOCGraph",
                "SOCGraphImport",
                "SOCGraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Serve/openapi.yaml")]
        ),
        .testTarget(name: "SOCGraphTests", dependencies: ["SOCGraph"], exclude: ["Fixtures"]),
        .testTarget(name: "SOCGraphImportTests", dependencies: ["SOCGraphImport"]),
        .testTarget(name: "SOCGraphRenderTests", dependencies: ["SOCGraphRender"], exclude: ["Golden"]),
        .testTarget(
            name: "socgraphTests",
            dependencies: ["socgraph", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Profiles"]
        ),
    ]
)
