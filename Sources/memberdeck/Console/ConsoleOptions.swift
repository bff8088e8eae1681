import ArgumentParser
import MembershipKit

/// Options of the interactive console (`memberdeck` with no subcommand).
struct ConsoleOptions: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: "Remove every action that changes something (accept, reject, share, remove).")
    var readOnly = false

    @Option(help: ArgumentHelp("Theme: default, light, high-contrast, monochrome, or one in $XDG_CONFIG_HOME/memberdeck/themes.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between automatic refreshes, or off (default: 10, or config.yaml).", valueName: "seconds"))
    var refresh: String?

    /// The same rule as config.yaml's `refresh`: a finite number of seconds from 1 to 86400.
    func validate() throws {
        guard let refresh, refresh != "off" else { return }
        do throws(NumericSetting.Refusal) { _ = try NumericSetting.refreshInterval.value(refresh) } catch {
            throw ValidationError("--refresh takes \(error.expectation), or off; not '\(refresh)'")
        }
    }

    /// The interval the option asks for: nil when not given, `.some(nil)` for off.
    var refreshInterval: Double?? {
        guard let refresh else { return nil }
        return refresh == "off" ? .some(nil) : .some(Double(refresh))
    }
}
