// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "memberdeck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "memberdeck", targets: ["memberdeck"]),
        .library(name: "MembershipKit", targets: ["MembershipKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already resolved for Hummingbird; named here so `sandbox serve` can stop it gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already in the graph through swift-certificates; SHA-256 and HMAC for the token cache, MD5 and
        // SHA-512 for the sandbox's image data.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // SDK layer: configuration, Keystone auth, transport, Glance clients. No terminal code.
        .target(
            name: "MembershipKit",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                "TerminalText",
                "SettingRules",
            ]
        ),
        // The rules for numbers in settings (timeouts, the refresh interval), pure, shared by the
        // SDK's readers and the console's `:refresh`.
        .target(name: "SettingRules"),
        // The embedded sandbox endpoint: Keystone, Glance v2/v1, Rackspace, Atmosphere and Bonita on SQLite.
        .target(
            name: "Sandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // MD5 and SHA-512 of uploaded image data (Glance's checksum and os_hash_value).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The console's model, input and update: values and pure functions, no I/O and no clock.
        // It depends on no target but the pure setting rules, so the SDK (and its network) is out of
        // its reach; the runtime words the SDK's errors and notices as the console's own values.
        .target(name: "Console", dependencies: ["SettingRules"]),
        // What the console does to the world: the effect runner, the loaders, each system's adapter, the activity log file.
        .target(name: "ConsoleRuntime", dependencies: ["Console", "MembershipKit", "TerminalText"]),
        // ncursesw, imported through a shim (SwiftPM drops pkg-config cflags; see shim.h).
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // View layer: pure render(State) -> Frame, themes, and the ncurses Screen (UI thread only).
        .target(name: "CursesUI", dependencies: ["Console", "MembershipKit", "TerminalText", "CNCurses", .product(name: "Yams", package: "Yams")]),
        // Untrusted text made safe and measurable for a terminal (shared by the CLI and the console).
        .target(name: "TerminalText", dependencies: ["CTextShim"]),
        .target(name: "CTextShim"),
        // Executable: argument parsing and wiring only.
        .executableTarget(
            name: "memberdeck",
            dependencies: [
                "MembershipKit",
                "TerminalText",
                "Console",
                "ConsoleRuntime",
                "CursesUI",
                "Sandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmark of the console's render and update with 10,000 images (scripts/bench-console).
        .executableTarget(
            name: "console-bench",
            dependencies: ["Console", "ConsoleRuntime", "CursesUI", "MembershipKit", "TerminalText"]
        ),
        // A hostile HTTP server for the tests: endless pages, slow drips, pathological bodies, echoed secrets.
        .target(
            name: "HostileServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/HostileServer"
        ),
        // Glance v2 as the console tests script it: the typed answers the runner's adapter would turn
        // into rows, and what the tests read back from the panes.
        .target(
            name: "GlanceScript",
            dependencies: ["Console", "ConsoleRuntime", "MembershipKit"],
            path: "Tests/GlanceScript"
        ),
        // The bounded fuzz run of every decoder of server answers and configuration (run by the tests).
        .executableTarget(
            name: "memberdeck-fuzz",
            dependencies: ["MembershipKit"]
        ),
        .testTarget(
            name: "MembershipKitTests",
            dependencies: ["MembershipKit", "TerminalText", "HostileServer"]
        ),
        // The executable's output formats, tested in process.
        .testTarget(
            name: "CLITests",
            dependencies: ["memberdeck", "Sandbox", "TerminalText", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "CursesUITests",
            dependencies: ["CursesUI", "Console", "ConsoleRuntime", "MembershipKit", "TerminalText", "GlanceScript"]
        ),
        .testTarget(
            name: "ConsoleTests",
            dependencies: ["Console", "ConsoleRuntime", "MembershipKit", "GlanceScript"]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox",
                "MembershipKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The SDK's clients of Glance v1, Atmosphere and Bonita against the sandbox's implementations.
        .testTarget(
            name: "ClientTests",
            dependencies: ["MembershipKit", "Sandbox", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        // The console's runtime (effect runner, activity log, each system's adapter) against the sandbox, in process.
        .testTarget(
            name: "ConsoleRuntimeTests",
            dependencies: [
                "Console",
                "ConsoleRuntime",
                "MembershipKit",
                "Sandbox",
                "TerminalText",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "MembershipKit",
                "HostileServer",
                "Sandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ]
)
