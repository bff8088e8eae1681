/// A manifest of shares as written in a file: where it applies, and for each image (version, user)
/// which members it should have. Values keep the line they were written on, so every later
/// refusal (an unknown image, project or group; a quota the plan would break) names the line.
public struct ManifestDocument: Sendable, Equatable {
    public var path: String
    /// `cloud:` — a cloud of clouds.yaml. `endpoint:` — an endpoint of config.yaml. Neither: the
    /// command line's choice (`--os-cloud`, `--endpoint`, `--sandbox`, `OS_*`).
    public var cloud: Located<String>?
    public var endpoint: Located<String>?
    /// Glance's `image_member_quota` when the cloud sets another than 128.
    public var memberQuota: Int?
    public var shares: [ManifestShare]

    public init(path: String, cloud: Located<String>? = nil, endpoint: Located<String>? = nil, memberQuota: Int? = nil, shares: [ManifestShare] = []) {
        self.path = path
        self.cloud = cloud
        self.endpoint = endpoint
        self.memberQuota = memberQuota
        self.shares = shares
    }

    /// A refusal about the line `line` of this file.
    public func error(line: Int?, _ problem: String) -> ManifestError { ManifestError(path: path, line: line, problem: problem) }
}

/// A value and the 1-based line it was written on.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// One entry of `shares:`: a subject (an image name, id or glob; an Atmosphere version; a Bonita
/// user) and the members it should have.
public struct ManifestShare: Sendable, Equatable {
    public var line: Int
    public var subject: Located<String>
    public var members: [ManifestMember]
    /// Members the server has and the manifest does not list are removed.
    public var exclusive: Bool
    /// Glance v2: accept each share with the consumer's credentials where some are at hand.
    public var accept: Bool
    /// Glance v2: make a private (public, community) image shared first.
    public var makeShared: Bool
    /// Glance v1: `can_share` of the members that do not say.
    public var canShare: Bool

    public init(line: Int, subject: Located<String>, members: [ManifestMember] = [], exclusive: Bool = false, accept: Bool = false,
                makeShared: Bool = false, canShare: Bool = false) {
        self.line = line
        self.subject = subject
        self.members = members
        self.exclusive = exclusive
        self.accept = accept
        self.makeShared = makeShared
        self.canShare = canShare
    }
}

/// One member of a share: a project (Glance), a group (Atmosphere), a group and a role (Bonita).
public struct ManifestMember: Sendable, Equatable {
    public var line: Int
    /// The project, or the group: as written.
    public var reference: String
    /// `id:` — taken as given, with no name lookup (Glance v1 members need not be Keystone projects).
    public var asID: Bool
    /// Glance v1: this member's own `can_share`.
    public var canShare: Bool?
    /// Bonita: the role.
    public var role: String?

    public init(line: Int, reference: String, asID: Bool = false, canShare: Bool? = nil, role: String? = nil) {
        self.line = line
        self.reference = reference
        self.asID = asID
        self.canShare = canShare
        self.role = role
    }
}

/// Why a manifest cannot be used: one line naming the file and the line. Nothing has been changed.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let problem: String

    public init(path: String, line: Int?, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String { line.map { "\(path): line \($0): \(problem)" } ?? "\(path): \(problem)" }
}
