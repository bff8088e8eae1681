import Crypto
import Foundation

/// Keeps Keystone tokens between runs in `$XDG_CACHE_HOME/memberdeck/tokens/`, one file per cloud
/// and identity, readable only by the user (folder 0700, files 0600, written atomically).
///
/// A token is only given back to the same identity with the same secret: the file name covers
/// everything that decides who the token is for, and the file keeps a salted hash of the secret it
/// was obtained with (`CachedToken`), so a changed password, application credential secret or
/// given token authenticates anew instead of reusing the old identity's token.
public struct TokenCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(xdg: XDGDirectories) {
        self.init(directory: (xdg.memberdeckCache as NSString).appendingPathComponent("tokens"))
    }

    /// A file name from the cloud name and a SHA-256 of what decides identity and scope: auth URL
    /// and type, the user or application credential (a given token by its own SHA-256), project,
    /// domain and system scope, region and interface. No secret goes into it in the clear.
    public static func key(for cloud: CloudConfig) -> String {
        let auth = cloud.auth
        let givenToken = cloud.authType == .token ? auth.token.map(CachedToken.hexDigest) : nil
        let parts: [String?] = [cloud.authType.rawValue, auth.authURL, auth.username, auth.userID, auth.userDomainName, auth.userDomainID,
                                auth.projectName, auth.projectID, auth.projectDomainName, auth.projectDomainID, auth.domainName,
                                auth.domainID, auth.applicationCredentialID, auth.applicationCredentialName, auth.systemScope,
                                givenToken, cloud.regionName, cloud.interface]
        // Each part is marked present or absent, so that nil and "" never collide.
        let identity = parts.map { $0.map { "+" + $0 } ?? "-" }.joined(separator: "\u{1F}")
        let safeName = String(cloud.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(48))
        return "\(safeName)-\(CachedToken.hexDigest(identity))"
    }

    /// The secret a token was obtained with: the password, the application credential secret, or the
    /// given token; nothing for `auth_type: none`.
    public static func credential(of cloud: CloudConfig) -> String {
        switch cloud.authType {
        case .password: return cloud.auth.password ?? ""
        case .applicationCredential: return cloud.auth.applicationCredentialSecret ?? ""
        case .token: return cloud.auth.token ?? ""
        case .none: return ""
        }
    }

    func path(for key: String) -> String { (directory as NSString).appendingPathComponent(key + ".json") }

    /// The token stored under `key` when it was obtained with `credential`; nil when there is none,
    /// when the secret has changed since, or when the file is unreadable or in an older format.
    public func load(key: String, credential: String) -> KeystoneToken? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
              let entry = CachedToken.decode(data), entry.matches(credential) else { return nil }
        return entry.token
    }

    /// Stores a token with a salted hash of `credential`; failures are ignored (a cache is an
    /// optimisation, never a reason to fail).
    public func store(_ token: KeystoneToken, key: String, credential: String) {
        guard let data = CachedToken(token: token, credential: credential).encoded() else { return }
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return }
        chmod(directory, 0o700)
        let finalPath = path(for: key)
        let temporary = finalPath + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fchmod(descriptor, 0o600)
        close(descriptor)
        guard written == data.count else { unlink(temporary); return }
        if rename(temporary, finalPath) != 0 { unlink(temporary) }
    }

    public func remove(key: String) {
        unlink(path(for: key))
    }
}
