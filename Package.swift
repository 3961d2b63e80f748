// swift-tools-version:6.0
import PackageDescription

// Data flows one way: XML → Loader (validated model) → Text/Engine (findings) → Report → CLI.
let package = Package(
    name: "Totaalbeeld",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "totaalbeeld", targets: ["totaalbeeld"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The only place that sees libxml2's C API.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Safe Swift API over libxml2: hardened parsing, XSD validation, located diagnostics.
        .target(name: "TotaalbeeldXML", dependencies: ["CLibXML2"]),
        // The only places that see Snowball's and Hunspell's C APIs.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev", "hunspell-nl"])]
        ),
        // Safe Swift API over both: Dutch stems (Snowball) and compound splits checked against the Hunspell dictionary.
        .target(name: "TotaalbeeldMorphology", dependencies: ["CStemmer", "CHunspell"]),
        // Plain value types for rulesets, dossiers and evaluations. No I/O.
        .target(name: "TotaalbeeldModel"),
        // XML documents → model, with schema validation and load-time lint.
        .target(name: "TotaalbeeldLoader", dependencies: ["TotaalbeeldXML", "TotaalbeeldModel"]),
        // Dutch narrative: term matching (with stems and compound heads) and ConText-style context properties.
        .target(name: "TotaalbeeldText", dependencies: ["TotaalbeeldModel", "TotaalbeeldMorphology"]),
        // Krippendorff's alpha and agreement statistics. Pure math.
        .target(name: "TotaalbeeldAgreement"),
        // Facts → Schema 1/2 scores, gaps, flags, recommendations. No formatting.
        .target(name: "TotaalbeeldEngine", dependencies: ["TotaalbeeldModel", "TotaalbeeldText"]),
        // Intervision: several professionals' evaluations of one dossier compared, with Krippendorff's alpha.
        .target(name: "TotaalbeeldIntervision", dependencies: ["TotaalbeeldModel", "TotaalbeeldEngine", "TotaalbeeldAgreement"]),
        // Seeded generator of realistic synthetic dossiers, for tests, selectivity checks and benchmarks.
        .target(name: "TotaalbeeldSynthetic", dependencies: ["TotaalbeeldModel"]),
        // Text, Markdown and JSON renderings of screenings and comparisons.
        .target(name: "TotaalbeeldReport", dependencies: ["TotaalbeeldModel", "TotaalbeeldEngine", "TotaalbeeldText", "TotaalbeeldIntervision", "TotaalbeeldAgreement"]),
        // Word (.docx) and OpenDocument (.odt) renderings of a report document, zipped with fixed timestamps.
        .target(
            name: "TotaalbeeldDocuments",
            dependencies: ["TotaalbeeldModel", "TotaalbeeldReport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Screenings compared: two screenings of one client over time (diff), and a ruleset change over a case set (impact tallies).
        .target(name: "TotaalbeeldDiff", dependencies: ["TotaalbeeldModel", "TotaalbeeldEngine", "TotaalbeeldReport"]),
        // The SQLite results store of `batch --db` and `impact --db` (GRDB), derived from the JSONL contract.
        .target(name: "TotaalbeeldStore", dependencies: ["TotaalbeeldReport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Bulk screening: input enumeration and sharding, anonymisation guard, resumable journal, summaries and merge; impact runs.
        .target(name: "TotaalbeeldBatch", dependencies: ["TotaalbeeldXML", "TotaalbeeldModel", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldDiff", "TotaalbeeldStore"]),
        // Self-contained HTML reports (inline CSS and SVG) rendered from the Mustache templates in Templates/html.
        .target(
            name: "TotaalbeeldHTML",
            dependencies: [
                "TotaalbeeldModel", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldIntervision", "TotaalbeeldReport", "TotaalbeeldDiff",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Intakes (.docx, .odt, .md, .txt) → dossier XML: headings mapped to themes by the ruleset's heading lists.
        .target(
            name: "TotaalbeeldImport",
            dependencies: [
                "TotaalbeeldXML", "TotaalbeeldModel", "TotaalbeeldLoader",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The local web workbench (`totaalbeeld serve`): dossiers, import, theme forms, weighing, intervision.
        .target(
            name: "TotaalbeeldWorkbench",
            dependencies: [
                "TotaalbeeldXML", "TotaalbeeldModel", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport",
                "TotaalbeeldIntervision", "TotaalbeeldHTML", "TotaalbeeldImport", "TotaalbeeldBatch",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Writes the shipped files into a Swift source for the EmbedResources plugin (build time only).
        .executableTarget(name: "totaalbeeld-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["totaalbeeld-embed"]),
        // The rulesets, schemas, identifier list and HTML templates, embedded so an installed binary finds them.
        .target(name: "TotaalbeeldResources", plugins: ["EmbedResources"]),
        .executableTarget(
            name: "totaalbeeld",
            dependencies: [
                "TotaalbeeldResources", "TotaalbeeldXML", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldText", "TotaalbeeldAgreement", "TotaalbeeldSynthetic", "TotaalbeeldIntervision", "TotaalbeeldHTML", "TotaalbeeldBatch",
                "TotaalbeeldDiff", "TotaalbeeldStore",
                "TotaalbeeldImport", "TotaalbeeldWorkbench", "TotaalbeeldDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures throughput; a benchmark, not a test (figures go to BENCHMARKS.md).
        .executableTarget(
            name: "totaalbeeld-bench",
            dependencies: ["TotaalbeeldLoader", "TotaalbeeldText", "TotaalbeeldEngine", "TotaalbeeldModel", "TotaalbeeldSynthetic", "TotaalbeeldMorphology", "CLibXML2"]
        ),
        // Shared test helpers: repository paths, the default ruleset, temporary files, running the CLI.
        .target(
            name: "TotaalbeeldTestSupport",
            dependencies: ["TotaalbeeldLoader", "TotaalbeeldModel"],
            path: "Tests/TotaalbeeldTestSupport"
        ),
        .testTarget(name: "TotaalbeeldXMLTests", dependencies: ["TotaalbeeldXML"]),
        .testTarget(name: "TotaalbeeldMorphologyTests", dependencies: ["TotaalbeeldMorphology"]),
        .testTarget(
            name: "TotaalbeeldHTMLTests",
            dependencies: ["TotaalbeeldHTML", "TotaalbeeldXML", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldIntervision", "TotaalbeeldReport", "TotaalbeeldDiff", "TotaalbeeldTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TotaalbeeldIntervisionTests",
            dependencies: ["totaalbeeld", "TotaalbeeldIntervision", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldTestSupport"]
        ),
        .testTarget(
            name: "TotaalbeeldSyntheticTests",
            dependencies: ["TotaalbeeldSynthetic", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldTestSupport"]
        ),
        .testTarget(
            name: "TotaalbeeldTextTests",
            dependencies: ["TotaalbeeldText", "TotaalbeeldLoader"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(name: "TotaalbeeldAgreementTests", dependencies: ["TotaalbeeldAgreement"]),
        .testTarget(
            name: "TotaalbeeldEngineTests",
            dependencies: ["TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldText", "TotaalbeeldTestSupport"],
            // Golden reports, the vignette dossiers and the signal sets are read from the source tree by path, not bundled.
            exclude: ["Golden", "Vignettes", "SignalSets"]
        ),
        .testTarget(
            name: "TotaalbeeldReportTests",
            dependencies: [
                "TotaalbeeldReport", "TotaalbeeldDocuments", "TotaalbeeldHTML", "TotaalbeeldXML", "TotaalbeeldLoader", "TotaalbeeldEngine",
                "TotaalbeeldIntervision", "TotaalbeeldTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The word lists are read from the source tree by path, not bundled.
            exclude: ["Language"]
        ),
        .testTarget(
            name: "TotaalbeeldBatchTests",
            dependencies: ["totaalbeeld", "TotaalbeeldBatch", "TotaalbeeldSynthetic", "TotaalbeeldLoader", "TotaalbeeldReport", "TotaalbeeldTestSupport"],
            // The golden batch outputs are read from the source tree by path, not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TotaalbeeldDiffTests",
            dependencies: [
                "totaalbeeld", "TotaalbeeldDiff", "TotaalbeeldBatch", "TotaalbeeldStore", "TotaalbeeldHTML", "TotaalbeeldSynthetic",
                "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldTestSupport", "TotaalbeeldXML",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TotaalbeeldImportTests",
            dependencies: ["TotaalbeeldImport", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldReport", "TotaalbeeldXML", "TotaalbeeldTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Intakes read from the source tree by path, not bundled.
            exclude: ["FreshIntakes"]
        ),
        .testTarget(
            name: "TotaalbeeldWorkbenchTests",
            dependencies: ["TotaalbeeldWorkbench", "TotaalbeeldLoader", "TotaalbeeldEngine", "TotaalbeeldHTML", "TotaalbeeldTestSupport"]
        ),
        .testTarget(
            name: "TotaalbeeldCLITests",
            dependencies: ["totaalbeeld", "TotaalbeeldTestSupport"]
        ),
    ]
)
