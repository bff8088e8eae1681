import Console
import CursesUI
import Foundation
import MembershipKit
import TerminalText

/// Wires the console: configuration, themes, the effect runner and the UI loop.
enum ConsoleLauncher {
    static func run(global: GlobalOptions, options: ConsoleOptions) throws {
        do {
            try ConsoleLoop.checkTerminal()
        } catch let error as ConsoleLoop.StartError {
            throw MembershipError.configuration(.unsupported(error.description))
        }
        let context = CommandContext(options: global)
        // Configuration errors are reported before the screen is taken over.
        let firstCloud = try context.cloud()
        let cloudNames = (try? context.loader.cloudNames()) ?? [firstCloud.name]
        let configPath = (context.xdg.memberdeckConfig as NSString).appendingPathComponent("config.yaml")
        let file: ConsoleConfigFile
        do {
            file = try ConsoleConfigFile.load(path: configPath)
        } catch let error as ConsoleConfigFile.LoadError {
            throw MembershipError.configuration(.malformedFile(path: error.line.map { "\(error.path):\($0)" } ?? error.path, detail: error.message))
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
        let refresh: Double? = options.refreshInterval ?? file.refreshInterval ?? 10
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: file.keyOverrides), refreshInterval: refresh,
                                       readOnly: options.readOnly || file.readOnly, themeName: themeName,
                                       availableThemes: themes.availableNames(), availableClouds: cloudNames)
        let noColor = !(context.environment["NO_COLOR"] ?? "").isEmpty
        let unicode = TerminalLocale.adopt()
        let loop = ConsoleLoop(state: ConsoleState(settings: settings, now: Date()),
                               // Under NO_COLOR roles told apart only by colour fall back to attributes (selection: reverse).
                               styles: { name, colors in
                                   let theme = themes.theme(named: name)
                                   return ThemePalette.styles(noColor ? theme.withoutColor() : theme, colors: colors)
                               },
                               useColor: !noColor, unicode: unicode, mouse: file.mouse)
        let requestLog = context.requestLog
        let cache = TokenCache(xdg: context.xdg)
        let environment = context.environment
        let region = global.region
        let runner = EffectRunner(connector: { cloudName, onRetry in
            let cloud = cloudName == nil
                ? firstCloud
                : try CloudConfigLoader(environment: environment).load(cloudName: cloudName, regionName: region)
            let session = try OpenStackSession.make(cloud: cloud, tokenCache: cache, requestLog: requestLog, onRetry: onRetry)
            return try await ConnectedClient.connect(session: session, cloudName: cloud.name)
        }, activityLog: ActivityLogFile(path: (context.xdg.memberdeckState as NSString).appendingPathComponent("activity.log")), post: loop.post)
        let status = loop.run(perform: runner.perform)
        let unfinished = loop.unfinishedOperations
        if !unfinished.isEmpty {
            Entry.printError("quit before the server answered \(unfinished.count) operation(s): \(unfinished.joined(separator: "; ")); check them with memberdeck members list")
            throw CommandFailure(exitCode: 1)
        }
        if status != 0 { throw CommandFailure(exitCode: status) }
    }
}
