import ArgumentParser

/// Options every subcommand accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("os-cloud"), help: ArgumentHelp("Cloud to use from clouds.yaml (default: OS_CLOUD, then the OS_* variables, then the only cloud).", valueName: "name"))
    var cloud: String?

    @Option(name: .customLong("os-region-name"), help: ArgumentHelp("Region of the cloud (default: the cloud's region_name).", valueName: "region"))
    var region: String?

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("Output format: table, json, yaml, csv or value. json and yaml keep exact strings with \\u escapes; table, csv and value show control and invisible characters as visible escapes.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Endpoint from the endpoints: section of $XDG_CONFIG_HOME/memberdeck/config.yaml (Glance v1, Rackspace, Atmosphere, Bonita, or a Glance cloud).", valueName: "name"))
    var endpoint: String?

    @Flag(help: "Use memberdeck's own sandbox endpoint, started inside this process with its data in $XDG_DATA_HOME/memberdeck/sandbox.sqlite (the console does this by itself when no cloud is configured).")
    var sandbox = false

    @Option(name: .customLong("sandbox-user"), help: ArgumentHelp("Sandbox account to log in as: admin, olivia, oscar, cora or carl (default: cora).", valueName: "name"))
    var sandboxUser: String?

    @Flag(help: "Log every request (secrets redacted) to $XDG_STATE_HOME/memberdeck/memberdeck.log.")
    var debug = false

    @Flag(name: .customLong("no-wait"), help: "When a server asks to come back later (Retry-After, as Rackspace's over-limit answers do), exit 1 naming the wait instead of waiting (by default memberdeck waits, saying how long, up to 15 minutes).")
    var noWait = false

    /// Whether the embedded sandbox was asked for (`--sandbox-user` implies it).
    var usesSandbox: Bool { sandbox || sandboxUser != nil }

    func validate() throws {
        if usesSandbox, cloud != nil {
            throw ValidationError("--sandbox and --os-cloud exclude each other: the sandbox is its own cloud")
        }
        if endpoint != nil, cloud != nil || usesSandbox {
            throw ValidationError("--endpoint names where to connect: it excludes --os-cloud and --sandbox")
        }
    }
}
