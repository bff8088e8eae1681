import ArgumentParser
import Console

/// Options of the interactive console (`memberdeck` with no subcommand).
struct ConsoleOptions: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: "Remove every action that changes something (accept, reject, share, remove).")
    var readOnly = false

    @Option(help: ArgumentHelp("Theme: default, light, high-contrast, monochrome, or one in $XDG_CONFIG_HOME/memberdeck/themes.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between automatic refreshes, or off (default: 10, or config.yaml).", valueName: "seconds"))
    var refresh: String?

    /// The same rule as config.yaml's `refresh` and `:refresh` (`RefreshInterval`).
    func validate() throws {
        if let refresh, RefreshInterval.parse(refresh) == nil {
            throw ValidationError("--refresh \(RefreshInterval.expectation), not '\(refresh)'")
        }
    }

    /// The interval the option asks for: nil when not given, `.some(nil)` for off.
    var refreshInterval: Double?? {
        guard let refresh else { return nil }
        return RefreshInterval.parse(refresh)
    }
}
