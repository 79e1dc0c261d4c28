// swift-tools-version:6.0
// An example of orgchart as a library: a model built in code, rendered in memory.
import PackageDescription

let package = Package(
    name: "HelloChart",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The orgchart package itself; elsewhere, `.package(url: …, from: …)`.
        .package(name: "orgchart", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "HelloChart",
            dependencies: [.product(name: "OrgChart", package: "orgchart")],
            path: "Sources/HelloChart"
        ),
    ],
    swiftLanguageModes: [.v6]
)
