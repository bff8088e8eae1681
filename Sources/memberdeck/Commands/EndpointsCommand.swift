import ArgumentParser
import MembershipKit

/// `memberdeck endpoints list`: what config.yaml's `endpoints:` defines, secrets never shown.
struct EndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoints",
        abstract: "List the endpoints of $XDG_CONFIG_HOME/memberdeck/config.yaml (use one with --endpoint NAME).",
        subcommands: [List.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the configured endpoints: name, kind, URL and how each logs in.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = CommandContext(options: global)
            let endpoints = try context.endpointsFile().endpoints
            context.emit(Listing(columns: Self.columns, records: endpoints.map(Self.record)))
        }

        static let columns = [
            Column(key: "name", heading: "Name"), Column(key: "kind", heading: "Kind"), Column(key: "url", heading: "URL"),
            Column(key: "auth", heading: "Auth"), Column(key: "defined_at", heading: "Defined At"),
        ]

        static func record(_ endpoint: EndpointConfig) -> Record {
            Record([
                ("name", .string(endpoint.name)), ("kind", .string(endpoint.kind.rawValue)), ("url", FieldValue(endpoint.url)),
                ("auth", .string(authSummary(endpoint))), ("defined_at", .string(endpoint.origin)),
            ])
        }

        /// How the endpoint logs in, without the secret itself.
        static func authSummary(_ endpoint: EndpointConfig) -> String {
            if let cloud = endpoint.cloud { return "cloud \(cloud)" }
            if endpoint.token != nil { return "token" }
            let secret: String
            switch endpoint.password {
            case .command?: secret = "password_command"
            case .literal?: secret = "password"
            case nil: secret = "no password"
            }
            return "\(endpoint.username ?? "?") (\(secret))" + (endpoint.authURL.map { " via \($0)" } ?? "")
        }
    }
}
