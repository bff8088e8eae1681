import Foundation

/// Applies openstacksdk's renames and defaults to one raw cloud entry and turns it into a `CloudConfig`.
struct CloudConfigNormalizer {
    let name: String
    let raw: ConfigValue
    let sourceFiles: [String]

    /// Keys that openstacksdk moves from the top level of a cloud into `auth` (they arrive there from `OS_*`).
    static let authKeys: [String] = [
        "auth_url", "username", "user_id", "password", "project_name", "project_id",
        "user_domain_name", "user_domain_id", "project_domain_name", "project_domain_id",
        "domain_name", "domain_id", "token", "application_credential_id", "application_credential_name",
        "application_credential_secret", "system_scope", "default_domain_id", "default_domain_name",
        "tenant_name", "tenant_id",
    ]

    func resolve(regionArgument: String?) throws -> CloudConfig {
        var cloud = raw
        // Top-level auth keys (the `OS_*` form) move into `auth`, without overriding explicit ones.
        var authMap = cloud["auth"] ?? .map([])
        guard authMap.mapPairs != nil else { throw invalid("auth", "must be a mapping", in: cloud) }
        for key in Self.authKeys {
            if let value = cloud[key] {
                if authMap[key] == nil { authMap = authMap.setting(key, value, origin: cloud.origin(of: key)) }
                cloud = cloud.removing(key)
            }
        }
        // tenant_* is the old name of project_*.
        for (old, new) in [("tenant_name", "project_name"), ("tenant_id", "project_id")] {
            if let value = authMap[old] {
                if authMap[new] == nil { authMap = authMap.setting(new, value, origin: authMap.origin(of: old)) }
                authMap = authMap.removing(old)
            }
        }
        // Region: the argument, else region_name, else the first of `regions`; per-region values apply.
        let (region, regionNames) = try resolveRegion(cloud: &cloud, argument: regionArgument)

        var config = CloudConfig(name: name, sourceFiles: sourceFiles)
        config.regionName = region
        config.regionNames = regionNames
        config.authType = try authType(text(cloud, "auth_type"))
        config.auth = try auth(from: authMap)
        config.interface = try interface(cloud)
        config.tls = try tls(cloud)
        if let timeout = cloud["api_timeout"] {
            do throws(NumericSetting.Refusal) { config.apiTimeout = try NumericSetting.timeout.value(timeout.scalarText ?? "?") } catch {
                throw invalid("api_timeout", error.description, in: cloud)
            }
        }
        config.imageEndpointOverride = try text(cloud, "image_endpoint_override")
        if let version = try text(cloud, "identity_api_version"), !version.hasPrefix("3") {
            throw invalid("identity_api_version", "memberdeck speaks Keystone v3 only, got '\(version)'", in: cloud)
        }
        if let version = try text(cloud, "image_api_version"), !version.hasPrefix("2") {
            throw invalid("image_api_version", "this command speaks Glance v2; configure Glance v1 as a memberdeck endpoint (kind: glance-v1)", in: cloud)
        }
        return config
    }

    /// An invalid value, named by its key and, when `map` knows it, where it was written.
    private func invalid(_ key: String, _ detail: String, in map: ConfigValue? = nil) -> ConfigurationError {
        let lastKey = key.split(separator: ".").last.map(String.init) ?? key
        let place = map?.origin(of: lastKey).map { " (\($0))" } ?? ""
        return .invalidValue(key: "clouds.\(name).\(key)", detail: detail + place)
    }

    private func text(_ map: ConfigValue, _ key: String) throws -> String? {
        guard let value = map[key] else { return nil }
        if value == .null { return nil }
        guard let text = value.scalarText else { throw invalid(key, "expected a single value", in: map) }
        return text
    }

    private func authType(_ value: String?) throws -> CloudConfig.AuthType {
        switch value?.lowercased() ?? "password" {
        case "password", "v3password": return .password
        case "v3applicationcredential", "applicationcredential", "application_credential", "v3_application_credential": return .applicationCredential
        case "token", "v3token": return .token
        case "none", "noauth": return .none
        case let other: throw invalid("auth_type", "'\(other)' is not supported (use password, v3password, v3applicationcredential, token or none)")
        }
    }

    private func auth(from map: ConfigValue) throws -> CloudConfig.Auth {
        var auth = CloudConfig.Auth()
        func value(_ key: String) throws -> String? {
            guard let entry = map[key] else { return nil }
            if entry == .null { return nil }
            guard let text = entry.scalarText else { throw invalid("auth.\(key)", "expected a single value", in: map) }
            return text
        }
        auth.authURL = try value("auth_url")
        auth.username = try value("username")
        auth.userID = try value("user_id")
        auth.password = try value("password")
        auth.projectName = try value("project_name")
        auth.projectID = try value("project_id")
        auth.domainName = try value("domain_name")
        auth.domainID = try value("domain_id")
        auth.token = try value("token")
        auth.applicationCredentialID = try value("application_credential_id")
        auth.applicationCredentialName = try value("application_credential_name")
        auth.applicationCredentialSecret = try value("application_credential_secret")
        auth.systemScope = try value("system_scope")
        let defaultDomainID = try value("default_domain_id")
        let defaultDomainName = try value("default_domain_name")
        auth.userDomainName = try value("user_domain_name")
        auth.userDomainID = try value("user_domain_id")
        auth.projectDomainName = try value("project_domain_name")
        auth.projectDomainID = try value("project_domain_id")
        // domain_* fills the user and project domains that are not set when the scope is a project
        // (openstacksdk `_handle_domain_id`); default_domain_* fills what is still missing (keystoneauth).
        let projectScoped = auth.projectName != nil || auth.projectID != nil
        if projectScoped {
            auth.userDomainID = auth.userDomainID ?? auth.domainID
            auth.userDomainName = auth.userDomainName ?? auth.domainName
            auth.projectDomainID = auth.projectDomainID ?? auth.domainID
            auth.projectDomainName = auth.projectDomainName ?? auth.domainName
            auth.domainID = nil
            auth.domainName = nil
        }
        auth.userDomainID = auth.userDomainID ?? defaultDomainID
        auth.userDomainName = auth.userDomainName ?? defaultDomainName
        if projectScoped {
            auth.projectDomainID = auth.projectDomainID ?? defaultDomainID
            auth.projectDomainName = auth.projectDomainName ?? defaultDomainName
        }
        return auth
    }

    private func interface(_ cloud: ConfigValue) throws -> String {
        let chosen = try text(cloud, "image_interface") ?? text(cloud, "interface") ?? text(cloud, "endpoint_type") ?? "public"
        var normalized = chosen.lowercased()
        if normalized.hasSuffix("url") { normalized = String(normalized.dropLast(3)) }
        guard ["public", "internal", "admin"].contains(normalized) else {
            throw invalid("interface", "'\(chosen)' is not one of public, internal, admin")
        }
        return normalized
    }

    private func tls(_ cloud: ConfigValue) throws -> CloudConfig.TLS {
        var tls = CloudConfig.TLS()
        tls.caCertPath = try text(cloud, "cacert").map { ($0 as NSString).expandingTildeInPath }
        tls.clientCertPath = try text(cloud, "cert").map { ($0 as NSString).expandingTildeInPath }
        tls.clientKeyPath = try text(cloud, "key").map { ($0 as NSString).expandingTildeInPath }
        if let verify = cloud["verify"] {
            switch verify {
            case let .bool(flag): tls.verify = flag
            case .null: break
            case let .string(text):
                switch text.lowercased() {
                case "true", "yes", "1", "on": tls.verify = true
                case "false", "no", "0", "off":
                    // openstacksdk keeps this string and would use it as a CA-bundle path; refusing is safer than guessing.
                    throw invalid("verify", "'\(text)' is a string (as OS_VERIFY always is); to turn TLS verification off say insecure: true (OS_INSECURE=true)", in: cloud)
                default:
                    // A string verify is a CA-bundle path, as in requests.
                    tls.verify = true
                    if tls.caCertPath == nil { tls.caCertPath = (text as NSString).expandingTildeInPath }
                }
            default: throw invalid("verify", "expected true, false or a CA-bundle path", in: cloud)
            }
        }
        if let insecure = cloud["insecure"] {
            let flag: Bool
            switch insecure {
            case let .bool(value): flag = value
            case .null: flag = false
            case let .string(text):
                switch text.lowercased() {
                case "true", "yes", "1", "on": flag = true
                case "false", "no", "0", "off", "": flag = false
                default: throw invalid("insecure", "expected true or false, got '\(text)'", in: cloud)
                }
            default: throw invalid("insecure", "expected true or false", in: cloud)
            }
            // insecure wins over verify and cacert, as in openstacksdk.
            if flag { tls.verify = false }
        }
        return tls
    }

    private func resolveRegion(cloud: inout ConfigValue, argument: String?) throws -> (chosen: String?, all: [String]) {
        var regionNames: [String] = []
        var regionValues: [String: ConfigValue] = [:]
        if let regions = cloud["regions"] {
            let entries: [ConfigValue]
            switch regions {
            case let .list(list): entries = list
            case let .string(text): entries = text.split(separator: ",").map { .string(String($0)) }
            default: throw invalid("regions", "expected a list of region names", in: cloud)
            }
            for entry in entries {
                if let text = entry.scalarText {
                    regionNames.append(text)
                } else if let regionName = entry["name"]?.scalarText {
                    regionNames.append(regionName)
                    if let values = entry["values"] { regionValues[regionName] = values }
                } else {
                    throw invalid("regions", "each region needs a name", in: cloud)
                }
            }
        }
        let configured = try text(cloud, "region_name").flatMap { $0.isEmpty ? nil : $0 }
        let chosen = argument.flatMap { $0.isEmpty ? nil : $0 } ?? configured ?? regionNames.first
        if let chosen, !regionNames.isEmpty, !regionNames.contains(chosen) {
            throw invalid("region_name", "'\(chosen)' is not a region of this cloud; valid regions: \(regionNames.joined(separator: ", "))")
        }
        if let chosen, let values = regionValues[chosen] {
            cloud = cloud.merged(with: values)
        }
        return (chosen, regionNames)
    }
}
