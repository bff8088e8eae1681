import ArgumentParser

/// Options every subcommand accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("os-cloud"), help: ArgumentHelp("Cloud to use from clouds.yaml (default: OS_CLOUD, then the OS_* variables, then the only cloud).", valueName: "name"))
    var cloud: String?

    @Option(name: .customLong("os-region-name"), help: ArgumentHelp("Region of the cloud (default: the cloud's region_name).", valueName: "region"))
    var region: String?

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("Output format: table, json, yaml, csv or value.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(help: "Log every request (secrets redacted) to $XDG_STATE_HOME/memberdeck/memberdeck.log.")
    var debug = false
}
