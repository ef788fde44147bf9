// swift-tools-version:6.2
import PackageDescription

/// One set of Swift settings applied to every target (Hummingbird's house style).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "sibyl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sibyl", targets: ["sibyl"]),
        .library(name: "SibylCore", targets: ["SibylCore"]),
        .library(name: "SibylHTTP", targets: ["SibylHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // The one place XML is parsed safely (no external entities; Linux's parse() result double-checked).
        .target(name: "XMLReading"),
        .target(
            name: "SibylCore",
            dependencies: [
                "XMLReading",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SibylHTTP",
            dependencies: [
                "SibylCore",
                "XMLReading",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .target(name: "DiagnosticsPlugin", dependencies: ["SibylCore"]),
        // System libraries from Debian (installed by Scripts/setup).
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CLame", providers: [.apt(["libmp3lame-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CVorbis", pkgConfig: "vorbisenc", providers: [.apt(["libvorbis-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        // dlib's face models behind a C API; its templates are compiled optimised even in debug builds (an
        // unoptimised ResNet takes seconds a face).
        .target(
            name: "CFaces", cxxSettings: [.unsafeFlags(["-O2", "-std=c++17"])],
            linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("blas"), .linkedLibrary("lapack")]),
        // libcld2_full holds only the tables of 160+ languages; linked before libcld2 (the code), its tables win.
        .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2_full"), .linkedLibrary("cld2")]),
        // Engines: plain Swift APIs, no AWS names.
        // System ICU behind plain C types: Foundation's own ICU would clash with its headers in Swift.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "TextAnalysis", dependencies: ["CCLD2", "CICU", "Apertium"]),
        .target(name: "Audio", dependencies: ["CLame", "CSndFile", "CSoxr", "CVorbis"]),
        // The Whisper network's loops are optimised even in debug builds: the tests drive the debug binary.
        .target(
            name: "Recognition", dependencies: ["Audio", "COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .debug))]),
        .target(name: "Synthesis", dependencies: ["CEspeakNG"]),
        // Time-series models in plain Swift; optimised even in debug builds (model selection fits dozens of models).
        .target(name: "Forecasting", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "Vision", dependencies: ["CTesseract", "CFaces"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Apertium"),
        // Intent classification, slot filling and the dialogue state machine in plain Swift.
        .target(name: "Dialogue"),
        .target(name: "Translation", dependencies: ["Apertium", "XMLReading"]),
        // Service plugins: AWS shapes ↔ engine calls.
        .target(name: "ComprehendPlugin", dependencies: ["SibylCore", "TextAnalysis"]),
        .target(name: "TranslatePlugin", dependencies: ["SibylCore", "Translation", "Apertium"]),
        .target(name: "TranscribePlugin", dependencies: ["SibylCore", "Recognition", "Audio", "TextAnalysis"]),
        .target(name: "ForecastPlugin", dependencies: ["SibylCore", "Forecasting"]),
        .target(name: "LexPlugin", dependencies: ["SibylCore", "Dialogue", "CZlib"]),
        .target(
            name: "RekognitionPlugin",
            dependencies: ["SibylCore", "Vision", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "PollyPlugin",
            dependencies: ["SibylCore", "Synthesis", "Audio", "XMLReading", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SibylCLI",
            dependencies: [
                "SibylCore",
                "SibylHTTP",
                "DiagnosticsPlugin",
                "PollyPlugin",
                "Synthesis",
                "ComprehendPlugin",
                "TextAnalysis",
                "TranslatePlugin",
                "Translation",
                "Recognition",
                "TranscribePlugin",
                "RekognitionPlugin",
                "Vision",
                "Forecasting",
                "ForecastPlugin",
                "Dialogue",
                "LexPlugin",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sibyl",
            dependencies: [
                "SibylCLI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SibylCoreTests",
            dependencies: ["SibylCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "SibylHTTPTests", dependencies: ["SibylHTTP", "SibylCore"]),
        .testTarget(name: "PollyPluginTests", dependencies: ["PollyPlugin", "Synthesis"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        .testTarget(name: "TranslationTests", dependencies: ["Translation", "Apertium"]),
        .testTarget(name: "TranscribePluginTests", dependencies: ["TranscribePlugin", "Recognition"]),
        .testTarget(name: "RecognitionTests", dependencies: ["Recognition"]),
        .testTarget(name: "VisionTests", dependencies: ["Vision"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue"]),
        .testTarget(name: "LexPluginTests", dependencies: ["LexPlugin", "Dialogue", "SibylCore"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
