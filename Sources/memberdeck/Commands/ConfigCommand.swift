import ArgumentParser
import MembershipKit

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the resolved configuration.",
        subcommands: [Show.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the cloud memberdeck will use (secrets as ***); authenticates to find the image endpoint.")

        @OptionGroup var global: GlobalOptions

        @Flag(name: .customLong("no-auth"), help: "Do not authenticate (the image endpoint is then not shown).")
        var noAuth = false

        func run() async throws {
            let context = CommandContext(options: global)
            let target = try await context.target()
            let cloud = target.cloud
            var endpoint: FieldValue = .null
            if let override = cloud.imageEndpointOverride {
                endpoint = .string(override)
            }
            // After logging in, the ids the token names fill in what clouds.yaml gave by name.
            var shown = cloud
            if !noAuth {
                do {
                    let session = try context.session(for: cloud, sandbox: target.sandbox != nil)
                    endpoint = .string(try await session.imageEndpoint())
                    let token = try await session.validToken()
                    shown.auth.userID = shown.auth.userID ?? token.user.id
                    shown.auth.projectID = shown.auth.projectID ?? token.project?.id
                } catch let error as MembershipError {
                    endpoint = .string("(unavailable: \(error.description))")
                }
            }
            context.emit(Listing(columns: Self.columns, records: [Self.record(shown, imageEndpoint: endpoint)], single: true))
        }

        static let columns = ["cloud", "auth_type", "auth_url", "region_name", "interface", "username", "user_id", "user_domain",
                              "project_name", "project_id", "project_domain", "password", "token", "application_credential_id",
                              "application_credential_secret", "verify", "cacert", "api_timeout", "image_endpoint", "files"]
            .map { Column(key: $0, heading: $0) }

        static func record(_ cloud: CloudConfig, imageEndpoint: FieldValue) -> Record {
            let auth = cloud.auth
            func secret(_ value: String?) -> FieldValue { value == nil ? .null : .string("***") }
            return Record([
                ("cloud", .string(cloud.name)),
                ("auth_type", .string(cloud.authType.rawValue)),
                ("auth_url", FieldValue(auth.authURL)),
                ("region_name", FieldValue(cloud.regionName)),
                ("interface", .string(cloud.interface)),
                ("username", FieldValue(auth.username)),
                ("user_id", FieldValue(auth.userID)),
                ("user_domain", FieldValue(auth.userDomainName ?? auth.userDomainID)),
                ("project_name", FieldValue(auth.projectName)),
                ("project_id", FieldValue(auth.projectID)),
                ("project_domain", FieldValue(auth.projectDomainName ?? auth.projectDomainID)),
                ("password", secret(auth.password)),
                ("token", secret(auth.token)),
                ("application_credential_id", FieldValue(auth.applicationCredentialID)),
                ("application_credential_secret", secret(auth.applicationCredentialSecret)),
                ("verify", .bool(cloud.tls.verify)),
                ("cacert", FieldValue(cloud.tls.caCertPath)),
                ("api_timeout", cloud.apiTimeout.map { .string(String($0)) } ?? .null),
                ("image_endpoint", imageEndpoint),
                ("files", .list(cloud.sourceFiles)),
            ])
        }
    }
}
