import Foundation
import Yams

/// The `endpoints:` section of memberdeck's config.yaml: a list of entries with a `name`, or a mapping
/// from name to entry. `${VAR}` in any value is replaced by the environment variable; a file that
/// holds a literal password or token and that others can read gets a warning.
public struct EndpointsFile: Sendable {
    public var endpoints: [EndpointConfig] = []
    public var warnings: [String] = []

    public init(endpoints: [EndpointConfig] = [], warnings: [String] = []) {
        self.endpoints = endpoints
        self.warnings = warnings
    }

    public func endpoint(named name: String) throws(ConfigurationError) -> EndpointConfig {
        guard let endpoint = endpoints.first(where: { $0.name == name }) else {
            let known = endpoints.isEmpty ? "none are configured in config.yaml" : "configured: \(endpoints.map(\.name).joined(separator: ", "))"
            throw ConfigurationError.invalidValue(key: "--endpoint", detail: "no endpoint named '\(name)' (\(known))")
        }
        return endpoint
    }

    static let keys = ["name", "kind", "url", "cloud", "auth_url", "project_name", "project_id", "user_domain_name",
                       "project_domain_name", "region_name", "username", "password", "password_command", "token",
                       "password_command_timeout", "cacert", "insecure", "timeout"]

    /// Reads `path`; a missing file has no endpoints.
    public static func load(path: String, environment: [String: String]) throws -> EndpointsFile {
        let config: MemberdeckConfigFile
        do throws(YAMLReadError) { config = try MemberdeckConfigFile.load(path: path) } catch { throw error.configurationError }
        return try EndpointsFile(reading: config, environment: environment)
    }

    /// The endpoints of the text of a config.yaml; `path` names it in errors.
    public static func parse(_ text: String, path: String, environment: [String: String]) throws -> EndpointsFile {
        let config: MemberdeckConfigFile
        do throws(YAMLReadError) { config = try MemberdeckConfigFile.parse(text, path: path) } catch { throw error.configurationError }
        return try EndpointsFile(reading: config, environment: environment)
    }

    /// The `endpoints:` section of a config.yaml already read. When the file came from disk, holds a
    /// literal password or token and others can read it, a warning says so.
    public init(reading config: MemberdeckConfigFile, environment: [String: String]) throws(ConfigurationError) {
        guard let section = config.value(of: .endpoints) else { return }
        let fail = config.mistake(at:_:)
        var entries: [(name: String?, node: Node)] = []
        switch section {
        case .sequence(let list): entries = list.map { (nil, $0) }
        case .mapping(let map): entries = map.map { ($0.key.string, $0.value) }
        default: throw fail(section, "endpoints must be a list of entries (each with a name) or a mapping from name to entry")
        }
        for entry in entries {
            let endpoint = try Self.parseEntry(entry.node, name: entry.name, path: config.path, environment: environment, fail: fail)
            if endpoints.contains(where: { $0.name == endpoint.name }) {
                throw fail(entry.node, "a second endpoint is named '\(endpoint.name)'")
            }
            endpoints.append(endpoint)
        }
        if endpoints.contains(where: \.literalSecret), let mode = config.mode, mode & 0o077 != 0 {
            let path = config.path
            warnings.append("\(path) holds passwords or tokens and others can read it (mode \(String(mode, radix: 8))): chmod 600 \(path), or use password_command or ${VARIABLE}")
        }
    }

    private static func parseEntry(_ node: Node, name given: String?, path: String, environment: [String: String],
                                   fail: (Node, String) -> ConfigurationError) throws(ConfigurationError) -> EndpointConfig {
        guard case let .mapping(map) = node else { throw fail(node, "an endpoint must be a mapping of settings") }
        var values: [String: (text: String, node: Node, expanded: Bool)] = [:]
        for (keyNode, valueNode) in map {
            let key = keyNode.string ?? ""
            guard keys.contains(key) else { throw fail(keyNode, "unknown endpoint setting '\(key)' (settings: \(keys.joined(separator: ", ")))") }
            guard case let .scalar(scalar) = valueNode else { throw fail(valueNode, "\(key) must be a single value") }
            let (text, expanded) = try expand(scalar.string, node: valueNode, environment: environment, fail: fail)
            values[key] = (text, valueNode, expanded)
        }
        guard let name = given ?? values["name"]?.text, !name.isEmpty else { throw fail(node, "an endpoint needs a name") }
        let kindText = values["kind"]?.text ?? EndpointKind.glance.rawValue
        guard let kind = EndpointKind(rawValue: kindText) else {
            throw fail(values["kind"]?.node ?? node, "unknown kind '\(kindText)' for endpoint \(name) (kinds: \(EndpointKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var endpoint = EndpointConfig(name: name, kind: kind, origin: "\(path):\(node.mark?.line ?? 0)")
        endpoint.url = values["url"]?.text
        endpoint.cloud = values["cloud"]?.text
        endpoint.authURL = values["auth_url"]?.text
        endpoint.projectName = values["project_name"]?.text
        endpoint.projectID = values["project_id"]?.text
        endpoint.userDomainName = values["user_domain_name"]?.text
        endpoint.projectDomainName = values["project_domain_name"]?.text
        endpoint.regionName = values["region_name"]?.text
        endpoint.username = values["username"]?.text
        if let command = values["password_command"] {
            guard values["password"] == nil else { throw fail(command.node, "endpoint \(name) sets both password and password_command") }
            endpoint.password = .command(command.text)
        } else if let password = values["password"] {
            endpoint.password = .literal(password.text)
            endpoint.literalSecret = !password.expanded
        }
        if let token = values["token"] {
            endpoint.token = .literal(token.text)
            endpoint.literalSecret = endpoint.literalSecret || !token.expanded
        }
        endpoint.tls.caCertPath = values["cacert"]?.text
        if let insecure = values["insecure"] {
            guard let flag = Bool(insecure.text.lowercased()) else { throw fail(insecure.node, "insecure must be true or false") }
            endpoint.tls.verify = !flag
        }
        func seconds(_ key: String) throws(ConfigurationError) -> Double? {
            guard let value = values[key] else { return nil }
            do throws(NumericSetting.Refusal) { return try NumericSetting.timeout.value(value.text) } catch {
                throw fail(value.node, "\(key) must be \(error.expectation), got '\(error.given)'")
            }
        }
        endpoint.timeout = try seconds("timeout")
        endpoint.passwordCommandTimeout = try seconds("password_command_timeout")
        if let timeout = values["password_command_timeout"], values["password_command"] == nil {
            throw fail(timeout.node, "endpoint \(name) sets password_command_timeout without password_command")
        }
        try validate(endpoint, node: node, fail: fail)
        return endpoint
    }

    /// What each kind needs to connect.
    private static func validate(_ endpoint: EndpointConfig, node: Node, fail: (Node, String) -> ConfigurationError) throws(ConfigurationError) {
        let name = endpoint.name
        switch endpoint.kind {
        case .glance, .glanceV1, .rackspace:
            if endpoint.cloud == nil, endpoint.authURL == nil {
                throw fail(node, "endpoint \(name) (\(endpoint.kind.rawValue)) needs cloud (from clouds.yaml) or auth_url with username and password")
            }
            if endpoint.cloud == nil, endpoint.username == nil, endpoint.token == nil {
                throw fail(node, "endpoint \(name) needs username and password (or password_command), or token")
            }
            if endpoint.kind == .rackspace, endpoint.url == nil, endpoint.cloud == nil {
                throw fail(node, "endpoint \(name) (rackspace) needs url: the Cloud Images root of its region")
            }
        case .atmosphere:
            guard endpoint.url != nil else { throw fail(node, "endpoint \(name) (atmosphere) needs url") }
            guard endpoint.token != nil || (endpoint.username != nil && endpoint.password != nil) else {
                throw fail(node, "endpoint \(name) (atmosphere) needs token, or username with password (or password_command)")
            }
        case .bonita:
            guard endpoint.url != nil else { throw fail(node, "endpoint \(name) (bonita) needs url (ending in /bonita)") }
            guard endpoint.username != nil, endpoint.password != nil else {
                throw fail(node, "endpoint \(name) (bonita) needs username with password (or password_command)")
            }
        }
    }

    /// `${VAR}` → its value; a variable that is not set is an error (a silent empty password would only
    /// fail later, less clearly). Returns whether anything was replaced.
    private static func expand(_ text: String, node: Node, environment: [String: String],
                               fail: (Node, String) -> ConfigurationError) throws(ConfigurationError) -> (String, Bool) {
        guard text.contains("${") else { return (text, false) }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { throw fail(node, "unclosed ${ in '\(text)'") }
            let name = String(rest[start.upperBound..<end])
            guard let value = environment[name] else { throw fail(node, "${\(name)} is not set in the environment") }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return (result, true)
    }
}
