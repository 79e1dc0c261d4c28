// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "orgchart",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgchart", targets: ["orgchart"]),
        // One module, `OrgChart`, re-exports every stage and adds the in-memory API.
        .library(name: "OrgChart", targets: ["OrgChart"]),
        // Importers of bulletins, spreadsheets and org-chart JSON into models.
        .library(name: "OrgImport", targets: ["OrgImport"]),
        // The restructuring review of two snapshots.
        .library(name: "OrgDiff", targets: ["OrgDiff"]),
        // The built-in models, as package resources.
        .library(name: "BuiltinModels", targets: ["BuiltinModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        // `swift package generate-documentation --target OrgChart` (the DocC catalog); builds nothing otherwise.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Graphviz, found through pkg-config `libgvc`; headers come from the installed package.
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // Draws charts with cairo and pango, and lays SVG pages out as one PDF with librsvg
        // (apt librsvg2-dev libpango1.0-dev, brew librsvg pango).
        .target(
            name: "CPagesShim",
            path: "Sources/CPagesShim",
            linkerSettings: [.linkedLibrary("rsvg-2"), .linkedLibrary("pangocairo-1.0"), .linkedLibrary("pango-1.0"), .linkedLibrary("cairo"), .linkedLibrary("z"),
                             .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0")]
        ),
        // A tiny C shim that hides API differences between Graphviz versions.
        .target(name: "CGraphvizShim", dependencies: ["CGraphviz"], path: "Sources/CGraphvizShim"),
        // Stage 1: the organization model, its YAML format and its validation.
        .target(
            name: "OrgModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Sources/OrgModel"
        ),
        // Built-in models: plain YAML files beside the code, under Sources/BuiltinModels/yaml/,
        // shipped as package resources.
        .target(
            name: "BuiltinModels",
            dependencies: ["OrgModel"],
            path: "Sources/BuiltinModels",
            exclude: ["README.md"],
            resources: [.copy("yaml")]
        ),
        // Stage 2: the neutral chart graph (boxes, lines, legend), knowing nothing of DOT.
        .target(name: "ChartGraph", path: "Sources/ChartGraph"),
        // Themes: fonts, colours and line styles per kind, as data beside the code, under
        // Sources/OrgTemplates/themes/.
        .target(
            name: "OrgTemplates",
            dependencies: ["OrgModel", .product(name: "Yams", package: "Yams")],
            path: "Sources/OrgTemplates",
            exclude: ["README.md"],
            resources: [.copy("themes")]
        ),
        // Stage 3: views computing chart graphs from a model.
        .target(name: "OrgViews", dependencies: ["OrgModel", "ChartGraph"], path: "Sources/OrgViews"),
        // Stage 4a: orgchart's own layout of tree charts (tidy tree) and the text metrics of boxes.
        .target(name: "TidyTree", dependencies: ["ChartGraph", "OrgTemplates"], path: "Sources/TidyTree"),
        // Stage 4d: matrices (the services matrix) placed on page-sized sheets.
        .target(name: "MatrixLayout", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree"], path: "Sources/MatrixLayout"),
        // Stage 4e: two-column charts (services): ordered columns, lines routed between them.
        .target(name: "BipartiteLayout", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree"], path: "Sources/BipartiteLayout"),
        // Stage 4: the layout stage's output, a placed chart (boxes, text, routes, title, legend),
        // computed once by the tidy tree or the two-column layout; writers only draw it.
        .target(name: "Placement", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree", "BipartiteLayout"], path: "Sources/Placement"),
        // Stage 5a: DOT text from a styled chart graph, for Graphviz to lay out, or of a placed
        // chart, for Graphviz only to draw.
        .target(name: "DOTWriter", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree", "Placement"], path: "Sources/DOTWriter"),
        // Stage 5b: placed charts and matrix sheets drawn without Graphviz: SVG text, or PDF and PNG through cairo.
        .target(name: "SVGWriter", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree", "MatrixLayout", "BipartiteLayout", "Placement", "CPagesShim"], path: "Sources/SVGWriter"),
        // Stage 5c: placed charts as editable documents: PowerPoint (native shapes and glued
        // connectors, zipped with ZIPFoundation) and draw.io (mxGraph XML).
        .target(name: "OfficeWriter", dependencies: ["ChartGraph", "OrgTemplates", "TidyTree", "BipartiteLayout", "Placement", "SVGWriter",
                                                    .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Sources/OfficeWriter"),
        // Stage 5d: a placed chart as one interactive, self-contained HTML page.
        .target(name: "HTMLWriter", dependencies: ["ChartGraph", "Placement", "SVGWriter", "OrgDiff"], path: "Sources/HTMLWriter"),
        // Stage 6: layout and rendering in-process through libgvc.
        .target(name: "GraphvizRender", dependencies: ["CGraphvizShim", "CPagesShim"], path: "Sources/GraphvizRender"),
        // Importers: Secretary-General's bulletins (plain text), spreadsheets (CSV, Excel workbooks
        // read through ZIPFoundation and XMLCoder) and org-chart JSON into models.
        .target(
            name: "OrgImport",
            dependencies: ["OrgModel", .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "XMLCoder", package: "XMLCoder")],
            path: "Sources/OrgImport"
        ),
        // Restructuring review: matching and classifying changes between two snapshots.
        .target(name: "OrgDiff", dependencies: ["OrgModel", "ChartGraph", "OrgViews", .product(name: "Yams", package: "Yams")], path: "Sources/OrgDiff", resources: [.copy("Mappings")]),
        // Writing outputs atomically (a temporary file renamed into place), and digests of files.
        .target(name: "OrgOutput", path: "Sources/OrgOutput"),
        // Paging: a chart cut into sub-charts that stay readable on pages of a size, and their PDF.
        .target(name: "OrgPaging", dependencies: ["ChartGraph", "DOTWriter", "GraphvizRender", "Placement", "SVGWriter", "TidyTree"], path: "Sources/OrgPaging"),
        // The pipeline assembled: a model (in memory, a file or built in), a view, a theme and a
        // layout to the bytes of a format; the restructuring review's charts; typed errors.
        .target(
            name: "OrgPipeline",
            dependencies: ["OrgModel", "BuiltinModels", "OrgViews", "ChartGraph", "OrgTemplates", "TidyTree", "MatrixLayout", "BipartiteLayout", "Placement", "DOTWriter", "SVGWriter",
                           "OfficeWriter", "HTMLWriter", "GraphvizRender", "OrgDiff", "OrgPaging", "OrgOutput"],
            path: "Sources/OrgPipeline"
        ),
        // The manifest of charts, incremental builds and staleness checks, and the files they write.
        .target(
            name: "OrgBuild",
            dependencies: ["OrgModel", "BuiltinModels", "OrgViews", "ChartGraph", "OrgTemplates", "TidyTree", "DOTWriter", "GraphvizRender", "OrgPipeline", "OrgOutput",
                           .product(name: "Yams", package: "Yams")],
            path: "Sources/OrgBuild"
        ),
        // The library: every stage re-exported, and charts of models in memory.
        .target(
            name: "OrgChart",
            dependencies: ["OrgModel", "BuiltinModels", "OrgViews", "ChartGraph", "OrgTemplates", "TidyTree", "MatrixLayout", "BipartiteLayout", "Placement", "DOTWriter", "SVGWriter",
                           "OfficeWriter", "HTMLWriter", "GraphvizRender", "OrgDiff", "OrgPaging", "OrgPipeline", "OrgOutput", "OrgBuild"],
            path: "Sources/OrgChart"
        ),
        .executableTarget(
            name: "orgchart",
            dependencies: ["OrgChart", "OrgImport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/orgchart"
        ),
        .testTarget(
            name: "OrgChartTests",
            dependencies: ["OrgChart", "OrgBuild", "OrgPipeline", "OrgPaging", "OrgOutput", "OrgModel", "OrgViews", "ChartGraph", "TidyTree", "MatrixLayout", "BipartiteLayout", "Placement", "DOTWriter", "SVGWriter", "OfficeWriter", "HTMLWriter", "GraphvizRender", "OrgTemplates",
                           "BuiltinModels", "OrgImport", "OrgDiff", "orgchart", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/OrgChartTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
