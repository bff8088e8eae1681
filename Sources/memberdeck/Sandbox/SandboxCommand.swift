import ArgumentParser
import Foundation
import Logging
import MembershipKit
import Sandbox

/// `memberdeck sandbox serve|reset`: the embedded endpoint on its own, for scripts and other tools.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run memberdeck's sandbox endpoint (Keystone, Glance v2/v1, Rackspace, Atmosphere, Bonita) or reset its data.",
        subcommands: [Serve.self, Reset.self]
    )

    struct DataOptions: ParsableArguments {
        @Option(help: ArgumentHelp("SQLite file holding the sandbox's data (default: $XDG_DATA_HOME/memberdeck/sandbox.sqlite).", valueName: "path"))
        var data: String?

        @Option(help: ArgumentHelp("Data a new file starts with: demo (images, shares, memberships) or empty (accounts only).", valueName: "demo|empty"))
        var seed: SandboxSeed?

        var path: String { data ?? EmbeddedSandbox.dataPath(xdg: XDGDirectories(environment: ProcessInfo.processInfo.environment)) }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", 
            abstract: "Serve the sandbox until interrupted (SIGINT or SIGTERM), printing its URLs and a clouds.yaml snippet.")

        @Option(help: ArgumentHelp("Address to listen on (default: 127.0.0.1, loopback only).", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("Port to listen on (default: 0, a free port).", valueName: "port"))
        var port = 0

        @Option(help: ArgumentHelp("Largest image upload in bytes, Glance's image_size_cap (default: 1073741824, 1 GiB).", valueName: "bytes"))
        var imageSizeCap = SandboxEnvironment.defaultImageSizeCap

        @OptionGroup var storage: DataOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
            // Glance's own option has the same minimum.
            guard imageSizeCap >= 1 else { throw ValidationError("--image-size-cap must be at least 1, not \(imageSizeCap)") }
        }

        func run() async throws {
            let database = try await SandboxCommand.open(storage)
            if let seed = storage.seed, let existing = try await database.seedName(), existing != seed.rawValue {
                SandboxCommand.note("\(storage.path) already holds \(existing) data; --seed applies to a new file (memberdeck sandbox reset --seed \(seed.rawValue) starts over)")
            }
            if !["127.0.0.1", "::1", "localhost"].contains(host) {
                SandboxCommand.note("listening on \(host), beyond loopback: every demo account's password is 'sandbox'")
            }
            var logger = Logger(label: "memberdeck.sandbox")
            logger.logLevel = .warning
            let path = storage.path
            let listen = SandboxListenOptions(host: host, port: port)
            // SIGINT and SIGTERM stop the server gracefully: requests in flight finish, and the exit is 0.
            let stop = SandboxStop()
            StopSignals.install { _ in Task { await stop.request() } }
            do {
                try await SandboxServer.serve(database: database, listen: listen, logger: logger, stop: stop, imageSizeCap: imageSizeCap) { base in
                    // Written straight to the descriptor: a script reading the URL must not wait for a buffer.
                    FileHandle.standardOutput.write(Data((SandboxBanner.text(urls: SandboxURLs(base: base), dataPath: path) + "\n").utf8))
                }
            } catch {
                Entry.printError("cannot serve on \(host):\(port): \(SandboxCommand.describe(error))")
                throw CommandFailure(exitCode: 1)
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", 
            abstract: "Restore the sandbox's data to its seed (demo unless --seed empty), in one transaction.")

        @OptionGroup var storage: DataOptions

        func run() async throws {
            let database = try await SandboxCommand.open(storage)
            let seed = storage.seed ?? .demo
            try await database.reset(to: seed)
            print("sandbox data at \(storage.path) restored to the \(seed.rawValue) seed")
        }
    }

    static func open(_ storage: DataOptions) async throws -> SandboxDatabase {
        do {
            return try await SandboxDatabase.open(path: storage.path, seedIfNew: storage.seed ?? .demo)
        } catch {
            throw MembershipError.configuration(.unsupported(describe(error)))
        }
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("memberdeck: note: \(message)\n".utf8))
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") { return "the address is already in use" }
        return text
    }
}

extension SandboxSeed: ExpressibleByArgument {}
