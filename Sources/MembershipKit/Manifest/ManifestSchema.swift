/// The system a manifest speaks to, and the keys its entries take there. Each system names the
/// subject of a share and its members in its own terms (an image and projects, a version and
/// groups, a user and group-role pairs); the rest of the format is the same everywhere.
public enum ManifestSystem: String, Sendable, Equatable {
    case glanceV2 = "Glance v2"
    case glanceV1 = "Glance v1"
    case atmosphere = "Atmosphere"
    case bonita = "Bonita"

    public init(_ kind: EndpointKind) {
        switch kind {
        case .glance, .rackspace: self = .glanceV2
        case .glanceV1: self = .glanceV1
        case .atmosphere: self = .atmosphere
        case .bonita: self = .bonita
        }
    }

    /// The key that names what is shared: `image`, `version`, `user`.
    public var subjectKey: String {
        switch self {
        case .glanceV2, .glanceV1: return "image"
        case .atmosphere: return "version"
        case .bonita: return "user"
        }
    }

    /// Every key a share entry may have here, in the order the documentation gives them.
    public var shareKeys: [String] {
        switch self {
        case .glanceV2: return [subjectKey, "members", "exclusive", "accept", "make_shared"]
        case .glanceV1: return [subjectKey, "members", "exclusive", "can_share"]
        case .atmosphere, .bonita: return [subjectKey, "members", "exclusive"]
        }
    }

    /// Every key a member written as a map may have here.
    public var memberKeys: [String] {
        switch self {
        case .glanceV2: return ["project", "id"]
        case .glanceV1: return ["project", "id", "can_share"]
        case .atmosphere: return ["group"]
        case .bonita: return ["group", "role"]
        }
    }

    /// Keys of the top level.
    public var topKeys: [String] {
        self == .glanceV2 ? ["cloud", "endpoint", "member_quota", "shares"] : ["cloud", "endpoint", "shares"]
    }

    /// What a member is, for errors: `a project`, `a group`.
    var memberNoun: String {
        switch self {
        case .glanceV2, .glanceV1: return "a project (name, name@domain or id), or a map with project: or id:"
        case .atmosphere: return "a group (name or uuid)"
        case .bonita: return "a map with group: and role:"
        }
    }

    /// Whether subjects may be globs (`golden-*`): where the system can list what there is to match.
    public var subjectGlobs: Bool { self != .bonita }
}

/// `*`, `?` and `[…]` as the shell reads them.
public enum NameGlob {
    public static func isGlob(_ text: String) -> Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Whether `name` matches `pattern` (fnmatch without flags: `*` also crosses `/` and `:`).
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
