import Foundation

/// A Keystone token with what memberdeck needs from its body. `value` is a secret: it is never printed.
public struct KeystoneToken: Codable, Sendable, Equatable {
    public struct Reference: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var domainName: String?
    }

    public var value: String
    public var expiresAt: Date
    public var user: Reference
    public var project: Reference?
    public var roles: [String]
    public var catalog: ServiceCatalog

    /// True when the token can still be used for a while (`margin` seconds).
    public func isUsable(at now: Date, margin: Double = 60) -> Bool {
        expiresAt.timeIntervalSince(now) > margin
    }

    public var isAdmin: Bool { roles.contains("admin") }
}

extension KeystoneToken: CustomStringConvertible {
    /// Never shows the token itself.
    public var description: String { "KeystoneToken(user: \(user.name ?? user.id), project: \(project?.name ?? project?.id ?? "-"), expires: \(expiresAt))" }
}
