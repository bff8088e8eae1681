import Console
import ConsoleRuntime
import CursesUI
import Foundation
import MembershipKit
import TerminalText

/// Wires the console: configuration, themes, the effect runner and the UI loop.
enum ConsoleLauncher {
    static func run(global: GlobalOptions, options: ConsoleOptions) async throws {
        do {
            try ConsoleLoop.checkTerminal()
        } catch let error as ConsoleLoop.StartError {
            throw MembershipError.configuration(.unsupported(error.description))
        }
        let context = CommandContext(options: global)
        // Configuration errors are reported before the screen is taken over.
        // With --endpoint the console opens there (the context checked it and printed config.yaml's
        // warnings); a cloud is then only needed for `:cloud`.
        _ = try context.selectedEndpoint()
        // A malformed projects.yaml is said now, not hidden behind ids on screen.
        _ = try context.aliasBook()
        let endpoints = global.endpoint == nil ? try context.endpointsFile() : try context.configuration.endpoints.get()
        // Several clouds and none named: the console opens with the list to choose from.
        var chooseCloudFirst = false
        let (firstCloud, sandbox): (CloudConfig?, EmbeddedSandbox?)
        do {
            (firstCloud, sandbox) = global.endpoint == nil ? try await startingCloud(context) : ((try? context.cloud()), nil)
        } catch let error as ConfigurationError {
            guard case .cloudNotChosen = error else { throw error }
            (firstCloud, sandbox) = (nil, nil)
            chooseCloudFirst = true
        }
        var cloudNames = (try? context.loader.cloudNames()) ?? firstCloud.map { [$0.name] } ?? []
        if sandbox != nil, !cloudNames.contains(EmbeddedSandbox.cloudName) { cloudNames.append(EmbeddedSandbox.cloudName) }
        let file: ConsoleConfigFile
        do throws(ConfigurationError) {
            file = try context.configuration.console.get()
        } catch {
            throw MembershipError.configuration(error)
        }
        let themes = ThemeLibrary(environment: context.environment)
        let themeName = options.theme ?? file.theme ?? "default"
        guard themes.availableNames().contains(themeName) else {
            throw MembershipError.configuration(.invalidValue(key: "theme", detail: "no theme named '\(themeName)' (available: \(themes.availableNames().joined(separator: ", ")))"))
        }
        do {
            _ = try themes.load(named: themeName)
        } catch {
            throw MembershipError.configuration(.unsupported(String(describing: error)))
        }
        let refresh: Double? = options.refreshInterval ?? file.refreshInterval ?? RefreshInterval.defaultSeconds
        var settings = ConsoleSettings(keyMap: KeyMap(overrides: file.keyOverrides), refreshInterval: refresh,
                                       readOnly: options.readOnly || file.readOnly, themeName: themeName,
                                       availableThemes: themes.availableNames(), availableClouds: cloudNames,
                                       availableEndpoints: endpoints.endpoints.map(\.name))
        settings.chooseCloudFirst = chooseCloudFirst
        settings.bell = file.bell
        let noColor = !(context.environment["NO_COLOR"] ?? "").isEmpty
        let unicode = TerminalLocale.adopt()
        let connector = ConsoleConnector(context: context, firstCloud: firstCloud, sandbox: sandbox, endpoints: endpoints,
                                         initialEndpoint: global.endpoint, fileClouds: (try? context.loader.cloudNames()) ?? [])
        let loop = ConsoleLoop(state: ConsoleState(settings: settings, system: connector.firstSystem, now: Date()),
                               // Under NO_COLOR roles told apart only by colour fall back to attributes (selection: reverse).
                               styles: { name, colors in
                                   let theme = themes.theme(named: name)
                                   return ThemePalette.styles(noColor ? theme.withoutColor() : theme, colors: colors)
                               },
                               useColor: !noColor, unicode: unicode, mouse: file.mouse)
        let runner = EffectRunner(connector: { target, reports in
            try await connector.connect(target, reports: reports)
        }, activityLog: ActivityLogFile(path: (context.xdg.memberdeckState as NSString).appendingPathComponent("activity.log")), post: loop.post)
        let status = loop.run(perform: runner.perform)
        await sandbox?.stop()
        let unfinished = loop.unfinishedOperations
        if !unfinished.isEmpty {
            Entry.printError("quit before the server answered \(unfinished.count) operation(s): \(unfinished.joined(separator: "; ")); check them with memberdeck members list")
            throw CommandFailure(exitCode: 1)
        }
        if status != 0 { throw CommandFailure(exitCode: status) }
    }

    /// The cloud the console opens on: `--sandbox`, else the configured cloud, else (nothing configured at
    /// all) the embedded sandbox, so memberdeck works out of the box.
    private static func startingCloud(_ context: CommandContext) async throws -> (CloudConfig?, EmbeddedSandbox?) {
        if !context.options.usesSandbox {
            do {
                return (try context.cloud(), nil)
            } catch ConfigurationError.noCloud {
                // Nothing configured: fall through to the sandbox.
            }
        }
        let sandbox = try await EmbeddedSandbox.start(xdg: context.xdg, user: context.options.sandboxUser)
        return (sandbox.cloud, sandbox)
    }
}
