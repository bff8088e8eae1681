/// Problems with the user's configuration: always reported as one line and exit code 2.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedFile(path: String, detail: String)
    case unknownCloud(name: String, available: [String])
    case noCloud(searched: [String])
    case invalidValue(key: String, detail: String)
    case missingValue(key: String, detail: String)
    /// Several clouds are configured and none was chosen (the console offers them to pick from).
    case cloudNotChosen(available: [String])
    case unsupported(String)

    public var description: String {
        switch self {
        case let .malformedFile(path, detail):
            return "\(path): \(detail)"
        case let .unknownCloud(name, available):
            let list = available.isEmpty ? "no clouds are configured" : "available clouds: \(available.joined(separator: ", "))"
            return "cloud '\(name)' was not found; \(list)"
        case let .noCloud(searched):
            return "no cloud configured: set OS_CLOUD or --os-cloud, OS_* credentials, or create clouds.yaml (searched \(searched.joined(separator: ", "))); --sandbox uses memberdeck's own sandbox"
        case let .invalidValue(key, detail):
            return "invalid value for \(key): \(detail)"
        case let .missingValue(key, detail):
            return "missing \(key): \(detail)"
        case let .cloudNotChosen(available):
            return "missing cloud: several clouds are configured (\(available.joined(separator: ", "))); choose one with --os-cloud or OS_CLOUD"
        case let .unsupported(text):
            return text
        }
    }
}
