/// A project's name as memberdeck learned it, and from where (`projects list` says).
public struct ProjectName: Sendable, Equatable, Codable, Hashable {
    public var id: String
    public var name: String
    public var domain: String?
    public var source: String

    public init(id: String, name: String, domain: String? = nil, source: String) {
        self.id = id
        self.name = name
        self.domain = domain
        self.source = source
    }

    /// Where names come from, cheapest first.
    public enum Source {
        public static let aliases = "projects.yaml"
        public static let myProjects = "keystone: your projects"
        public static let keystone = "keystone"
        public static func cloud(_ name: String) -> String { "clouds.yaml: \(name)" }
        public static let cache = "cache"
    }
}

/// Why a project name cannot be used.
public enum ProjectNameError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(String, tried: [String])
    case ambiguous(String, candidates: [ProjectName])

    public var description: String {
        switch self {
        case let .unknown(name, tried):
            return "no project named '\(name)' is known (looked in \(tried.joined(separator: ", "))); give its id, or name it with memberdeck projects alias ID NAME"
        case let .ambiguous(name, candidates):
            let listed = candidates.map { "\($0.id)\($0.domain.map { " in domain \($0)" } ?? "") (\($0.source))" }
            return "\(candidates.count) projects are named '\(name)': \(listed.joined(separator: ", ")); give the id or name@domain"
        }
    }
}
