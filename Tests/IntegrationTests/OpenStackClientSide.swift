import Foundation
import Sandbox

/// One cloud the `openstack` scenario runs against (the reference stack, or `memberdeck sandbox serve`):
/// its clouds.yaml with the clouds `owner`, `member` and `admin`, and what must be replaced in the output
/// so that both sides' answers can be compared (ids, names, URLs, times).
final class OpenStackClientSide: @unchecked Sendable {
    enum Cloud: String, CaseIterable { case owner, member, admin }

    let label: String
    let cloudsFile: String
    private let cli = CLI()
    /// Substrings replaced everywhere (ids, URLs, the scenario's image names), longest first.
    private var substrings: [(String, String)] = []
    /// Whole JSON string values replaced (user and project names, descriptions: short words such as
    /// `member` must not be replaced inside keys or other values).
    private var values: [String: String] = [:]
    private(set) var projectIDs: [Cloud: String] = [:]
    private(set) var userIDs: [Cloud: String] = [:]
    private(set) var projectNames: [Cloud: String] = [:]
    private(set) var userNames: [Cloud: String] = [:]

    init(label: String, cloudsFile: String, identityURL: String, imageURL: String) {
        self.label = label
        self.cloudsFile = cloudsFile
        remember(identityURL, as: "<identity>")
        remember(imageURL, as: "<image-service>")
    }

    /// The reference stack's own clouds.yaml, whose clouds have the names the scenario uses.
    static func reference() throws -> OpenStackClientSide {
        try ReferenceStack.requireConfigured()
        let glance = ReferenceStack.environment["REFSTACK_GLANCE_URL"] ?? "http://127.0.0.1:19292"
        return OpenStackClientSide(label: "reference", cloudsFile: ReferenceStack.cloudsFile!, identityURL: ReferenceStack.keystoneURL, imageURL: glance)
    }

    /// A clouds.yaml for a running `sandbox serve` at `base`: the owner, the consumer and the admin of the
    /// sandbox's accounts under the scenario's cloud names.
    static func sandbox(base: String, directory: String) throws -> OpenStackClientSide {
        let urls = SandboxURLs(base: base)
        let accounts: [(Cloud, String)] = [(.owner, "olivia"), (.member, "cora"), (.admin, "admin")]
        var yaml = "clouds:\n"
        for (cloud, name) in accounts {
            let user = KeystoneDirectory.user(named: name)!
            yaml += """
              \(cloud.rawValue):
                auth:
                  auth_url: \(urls.identity)
                  username: \(user.name)
                  password: \(user.password)
                  project_name: \(user.project)
                  user_domain_name: \(KeystoneDirectory.domainName)
                  project_domain_name: \(KeystoneDirectory.domainName)
                region_name: \(KeystoneDirectory.region)
                interface: public
                identity_api_version: 3

            """
        }
        let file = directory + "/clouds.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return OpenStackClientSide(label: "sandbox", cloudsFile: file, identityURL: urls.identity, imageURL: urls.image)
    }

    /// Learns each cloud's user and project (ids and names) from `openstack token issue`.
    func learnAccounts() async throws {
        for cloud in Cloud.allCases {
            let issued = try await run(cloud, ["token", "issue", "-f", "json"])
            guard issued.status == 0, let token = try? issued.json() as? [String: Any],
                  let projectID = token["project_id"] as? String, let userID = token["user_id"] as? String else {
                throw StackUnavailable(message: "\(label): openstack token issue as \(cloud) failed: \(issued.stderr)")
            }
            projectIDs[cloud] = projectID
            userIDs[cloud] = userID
            remember(projectID, as: "<project:\(cloud.rawValue)>")
            remember(userID, as: "<user:\(cloud.rawValue)>")
            for (key, target) in [("user", "userName"), ("project", "projectName")] {
                let shown = try await run(cloud, [key, "show", key == "user" ? userID : projectID, "-f", "json"])
                guard let object = try? shown.json() as? [String: Any], let name = object["name"] as? String else { continue }
                // One placeholder for a cloud's user and project names: on the reference stack they are the same word.
                values[name] = "<name:\(cloud.rawValue)>"
                if let description = object["description"] as? String, !description.isEmpty { values[description] = "<description>" }
                if target == "userName" { userNames[cloud] = name } else { projectNames[cloud] = name }
            }
        }
    }

    func remember(_ value: String, as placeholder: String) {
        guard !value.isEmpty else { return }
        substrings.append((value, placeholder))
        substrings.sort { $0.0.count > $1.0.count }
    }

    func run(_ cloud: Cloud, _ arguments: [String]) async throws -> ProcessResult {
        var environment = cli.environment
        environment["OS_CLIENT_CONFIG_FILE"] = cloudsFile
        let python = URL(fileURLWithPath: ReferenceStack.openstackBinary).deletingLastPathComponent().appendingPathComponent("python").path
        return try await ProcessRunner.run(python, ["-c", Self.terminalStdin, "--os-cloud", cloud.rawValue] + arguments, environment: environment)
    }

    /// `openstack` as a user at a terminal runs it: `image create` without `--file` uploads whatever stdin
    /// holds unless stdin is a terminal, so /dev/null (the runner's stdin) would give every image empty
    /// data, and a closed stdin is not reliable (Python's next socket takes descriptor 0).
    private static let terminalStdin = """
        import sys
        class Terminal:
            def isatty(self): return True
        sys.stdin = Terminal()
        from openstackclient.shell import main
        sys.exit(main())
        """

    /// What is compared of one command: the exit status, the JSON printed (normalised), and for a failure
    /// the last line of stderr with URLs left out (the error openstackclient reports).
    func outcome(_ result: ProcessResult) -> String {
        var text = "exit \(result.status)"
        let output = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        if !output.isEmpty {
            if let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)),
               let data = try? JSONSerialization.data(withJSONObject: normalise(json), options: [.sortedKeys, .prettyPrinted]) {
                text += "\n" + String(decoding: data, as: UTF8.self)
            } else {
                text += "\n" + normalise(output)
            }
        }
        if result.status != 0 {
            let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
            text += "\nerror: " + Self.replacing(#"https?://[^ ,]+"#, in: normalise(last), with: "<url>")
        }
        return text
    }

    private func normalise(_ json: Any) -> Any {
        if let object = json as? [String: Any] {
            // An `id` no step names (the catalog's endpoints) is random on each cloud; a checksum is not.
            return Dictionary(uniqueKeysWithValues: object.map { key, value in
                let normalised = normalise(value)
                if key == "id", let id = normalised as? String, !id.hasPrefix("<"), id != KeystoneDirectory.domainID { return (key, "<id>" as Any) }
                return (key, normalised)
            })
        }
        if let array = json as? [Any] { return array.map(normalise) }
        if let string = json as? String { return values[string] ?? normalise(string) }
        return json
    }

    /// Known ids first, then any other UUID and times, which differ by nature between two clouds.
    private func normalise(_ text: String) -> String {
        var result = text
        for (value, placeholder) in substrings { result = result.replacingOccurrences(of: value, with: placeholder) }
        result = Self.replacing(#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, in: result, with: "<uuid>")
        return Self.replacing(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?"#, in: result, with: "<time>")
    }

    private static func replacing(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
