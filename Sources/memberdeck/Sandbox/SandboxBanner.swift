import Sandbox

/// What `memberdeck sandbox serve` prints once it listens: where each system is, the accounts, and a
/// clouds.yaml that `openstack`, `glance` and memberdeck can use as it is.
enum SandboxBanner {
    static func text(urls: SandboxURLs, dataPath: String) -> String {
        var lines = [
            "memberdeck sandbox listening on \(urls.base)",
            "  data:        \(dataPath)",
            "  keystone v3: \(urls.identity)",
            "  glance v2:   \(urls.image)",
            "  glance v1:   \(urls.imageV1)",
            "  rackspace:   \(urls.rackspace)",
            "  atmosphere:  \(urls.atmosphere)/api/v2  (POST \(urls.atmosphere)/auth as \(AtmosphereDirectory.users.map(\.username).joined(separator: ", ")); password '\(AtmosphereDirectory.password)')",
            "  bonita:      \(urls.bonita)  (loginservice as \(BonitaDemoOrganisation.technicalUserName)/\(BonitaDemoOrganisation.technicalPassword), or helen.kelly, walter.bates, …; password '\(BonitaDemoOrganisation.password)')",
            "",
            "# clouds.yaml (every account's password is '\(KeystoneDirectory.password)'):",
            "clouds:",
        ]
        for user in KeystoneDirectory.users {
            lines += [
                "  sandbox-\(user.name):  # \(user.description)",
                "    auth:",
                "      auth_url: \(urls.identity)",
                "      username: \(user.name)",
                "      password: \(user.password)",
                "      project_name: \(user.project)",
                "      user_domain_name: \(KeystoneDirectory.domainName)",
                "      project_domain_name: \(KeystoneDirectory.domainName)",
                "    region_name: \(KeystoneDirectory.region)",
                "    interface: public",
                "    identity_api_version: 3",
            ]
        }
        lines.append("")
        lines.append("Stop with Ctrl-C (SIGINT) or SIGTERM.")
        return lines.joined(separator: "\n")
    }
}
