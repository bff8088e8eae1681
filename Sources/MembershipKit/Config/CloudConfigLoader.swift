import Foundation
import NIOConcurrencyHelpers

/// Resolves the cloud to use exactly as openstacksdk does (see api-facts §8):
/// the first clouds file wins, secure.yaml is deep-merged over it, `OS_*` variables form the
/// `envvars` cloud, and the cloud used is `--os-cloud`, else `OS_CLOUD`, else `envvars`, else the
/// only cloud in the file.
public struct CloudConfigLoader: Sendable {
    public let locator: CloudFileLocator
    let readFile: @Sendable (String) throws -> String
    /// Each file parsed once for the life of this loader: a command asks for its cloud, the names of
    /// the others and their projects, and each ask would otherwise read and parse clouds.yaml again.
    private let parsed = ParsedFiles()

    /// Variables that only select or locate a cloud; alone they do not make an `envvars` cloud.
    static let selectorVariables: Set<String> = ["OS_CLOUD", "OS_REGION_NAME", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME"]

    public init(locator: CloudFileLocator,
                readFile: @escaping @Sendable (String) throws -> String = { try BoundedYAML.readText(path: $0) }) {
        self.locator = locator
        self.readFile = readFile
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.init(locator: CloudFileLocator(environment: environment, currentDirectory: currentDirectory))
    }

    var environment: [String: String] { locator.environment }

    /// Warnings for the user (an unreadable clouds.yaml or secure.yaml that was skipped), one line each.
    public var warnings: [String] { locator.warnings }

    /// Name of the cloud built from `OS_*` (`OS_CLOUD_NAME` renames it).
    public var envvarsCloudName: String { environment["OS_CLOUD_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "envvars" }

    /// The `envvars` cloud, present only when some variable other than the selectors is set.
    public func environmentCloud() -> ConfigValue? {
        let keys = environment.keys.filter {
            $0.hasPrefix("OS_") && !$0.hasPrefix("OS_TEST") && !$0.hasPrefix("OS_STD") && !$0.hasPrefix("OS_LOG")
        }
        guard !Set(keys).subtracting(Self.selectorVariables).isEmpty else { return nil }
        return .map(keys.sorted().map { key in
            ConfigValue.Entry(key: String(key.dropFirst(3)).lowercased(), value: .string(environment[key] ?? ""), origin: .environment(key))
        })
    }

    /// Every cloud by name, with the files they came from.
    public func allClouds() throws -> (clouds: [(key: String, value: ConfigValue)], files: [String]) {
        var files: [String] = []
        var root = ConfigValue.map([])
        if let path = locator.cloudsFile {
            root = try parse(path)
            files.append(path)
        }
        if let path = locator.secureFile {
            root = root.merged(with: try parse(path))
            files.append(path)
        }
        var clouds: [(key: String, value: ConfigValue)] = []
        if let cloudsValue = root["clouds"] {
            guard let pairs = cloudsValue.mapPairs else {
                throw ConfigurationError.malformedFile(path: files.first ?? "clouds.yaml", detail: "'clouds' must be a mapping of cloud names")
            }
            clouds = pairs
        }
        if let envCloud = environmentCloud() {
            let name = envvarsCloudName
            clouds.removeAll { $0.key == name }
            clouds.append((name, envCloud))
        }
        return (clouds, files)
    }

    /// Names of the clouds that exist (files and environment).
    public func cloudNames() throws -> [String] { try allClouds().clouds.map(\.key) }

    /// Resolves one cloud. `cloudName` is `--os-cloud`; `regionName` is `--os-region-name`.
    public func load(cloudName: String? = nil, regionName: String? = nil) throws -> CloudConfig {
        let (clouds, files) = try allClouds()
        let selected: String
        if let name = cloudName.flatMap({ $0.isEmpty ? nil : $0 }) ?? environment["OS_CLOUD"].flatMap({ $0.isEmpty ? nil : $0 }) {
            selected = name
        } else if environmentCloud() != nil {
            selected = envvarsCloudName
        } else if clouds.count == 1 {
            selected = clouds[0].key
        } else if clouds.isEmpty {
            throw ConfigurationError.noCloud(searched: locator.searchDirectories)
        } else {
            throw ConfigurationError.cloudNotChosen(available: clouds.map(\.key))
        }
        guard var raw = clouds.last(where: { $0.key == selected })?.value else {
            throw ConfigurationError.unknownCloud(name: selected, available: clouds.map(\.key))
        }
        guard raw.mapPairs != nil else {
            throw ConfigurationError.invalidValue(key: "clouds.\(selected)", detail: "must be a mapping")
        }
        var sourceFiles = files
        if let profileName = (raw["profile"] ?? raw["cloud"])?.scalarText, let vendorPath = locator.vendorFile {
            let vendorRoot = try parse(vendorPath)
            if let vendor = vendorRoot["public-clouds"]?[profileName] {
                raw = vendor.merged(with: raw)
                sourceFiles.append(vendorPath)
            }
        }
        return try CloudConfigNormalizer(name: selected, raw: raw, sourceFiles: sourceFiles).resolve(regionArgument: regionName)
    }

    private func parse(_ path: String) throws -> ConfigValue {
        try parsed.value(for: path) { try parseFile(path) }
    }

    private func parseFile(_ path: String) throws -> ConfigValue {
        let text: String
        do { text = try readFile(path) } catch let error as YAMLReadError {
            throw ConfigurationError.malformedFile(path: path, detail: error.detail)
        } catch {
            throw ConfigurationError.malformedFile(path: path, detail: "cannot be read (\(error.localizedDescription))")
        }
        let value = try ConfigValue.parse(text, path: path)
        if value == .null { return .map([]) }
        guard value.mapPairs != nil else {
            throw ConfigurationError.malformedFile(path: path, detail: "line 1: the top level must be a mapping")
        }
        return value
    }
}

/// The files a loader has parsed, by path, with the error a file gave (asked again, it gives it again).
private final class ParsedFiles: Sendable {
    private let values = NIOLockedValueBox<[String: Result<ConfigValue, any Error>]>([:])

    func value(for path: String, parse: () throws -> ConfigValue) throws -> ConfigValue {
        if let known = values.withLockedValue({ $0[path] }) { return try known.get() }
        let result = Result { try parse() }
        values.withLockedValue { $0[path] = result }
        return try result.get()
    }
}
