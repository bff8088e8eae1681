import Foundation

/// Keeps Keystone tokens between runs in `$XDG_CACHE_HOME/memberdeck/tokens/`, one file per cloud
/// and credential, readable only by the user (folder 0700, files 0600, written atomically).
public struct TokenCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(xdg: XDGDirectories) {
        self.init(directory: (xdg.memberdeckCache as NSString).appendingPathComponent("tokens"))
    }

    /// A file name from the cloud name and the non-secret parts of its credentials, so that a
    /// changed user, project or endpoint never reuses another identity's token.
    public static func key(for cloud: CloudConfig) -> String {
        let auth = cloud.auth
        let parts: [String?] = [cloud.authType.rawValue, auth.authURL, auth.username, auth.userID, auth.userDomainName, auth.userDomainID,
                                auth.projectName, auth.projectID, auth.projectDomainName, auth.projectDomainID, auth.domainName,
                                auth.domainID, auth.applicationCredentialID, auth.applicationCredentialName, auth.systemScope]
        let identity = parts.map { $0 ?? "" }.joined(separator: "\u{1F}")
        let safeName = String(cloud.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(48))
        return "\(safeName)-\(fnv1a(identity))"
    }

    /// FNV-1a, enough to tell identities apart in a file name (no secret goes into it).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(hash, radix: 16)
    }

    func path(for key: String) -> String { (directory as NSString).appendingPathComponent(key + ".json") }

    public func load(key: String) -> KeystoneToken? {
        guard let data = FileManager.default.contents(atPath: path(for: key)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(KeystoneToken.self, from: data)
    }

    /// Stores a token; failures are ignored (a cache is an optimisation, never a reason to fail).
    public func store(_ token: KeystoneToken, key: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        guard let data = try? encoder.encode(token) else { return }
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
