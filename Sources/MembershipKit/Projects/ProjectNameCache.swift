import Foundation

/// `$XDG_CACHE_HOME/memberdeck/project-names.json`: names read from Keystone and other clouds, per
/// Keystone, with when; and the ids no source could name, so that none is asked for again before
/// its time to live is over. Losing the file only costs requests.
public struct ProjectNameCache: Sendable {
    public let path: String
    /// How long a name, and a miss, are trusted.
    public static let nameLifetime: TimeInterval = 24 * 3600
    public static let missLifetime: TimeInterval = 3600
    /// A cache file past this is ignored (a hostile or broken file cannot cost memory).
    static let maxBytes = 4 << 20

    struct Entry: Codable, Equatable {
        var name: ProjectName
        var at: Date
    }

    struct Keystone: Codable, Equatable {
        var names: [String: Entry] = [:]
        var misses: [String: Date] = [:]
    }

    struct File: Codable, Equatable {
        var version = 1
        var keystones: [String: Keystone] = [:]
    }

    public init(path: String) { self.path = path }

    public init(xdg: XDGDirectories) {
        self.init(path: (xdg.memberdeckCache as NSString).appendingPathComponent("project-names.json"))
    }

    func read() -> File {
        guard let handle = FileHandle(forReadingAtPath: path) else { return File() }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maxBytes + 1), data.count <= Self.maxBytes,
              let file = try? Self.decoder.decode(File.self, from: data), file.version == 1 else { return File() }
        return file
    }

    /// The live names and misses of one Keystone.
    public func load(authURL: String, now: Date = Date()) -> (names: [String: ProjectName], misses: Set<String>) {
        let keystone = read().keystones[ProjectAliasBook.normalise(authURL: authURL)] ?? Keystone()
        let names = keystone.names.filter { now.timeIntervalSince($0.value.at) < Self.nameLifetime }.mapValues(\.name)
        let misses = Set(keystone.misses.filter { now.timeIntervalSince($0.value) < Self.missLifetime }.keys)
        return (names, misses)
    }

    /// Records names and misses (a name found clears its miss). Failures are ignored: a cache is
    /// an optimisation, never a reason to fail.
    public func record(_ names: [ProjectName], misses: [String] = [], authURL: String, now: Date = Date()) {
        guard !names.isEmpty || !misses.isEmpty else { return }
        var file = read()
        let key = ProjectAliasBook.normalise(authURL: authURL)
        var keystone = file.keystones[key] ?? Keystone()
        for name in names {
            keystone.names[name.id] = Entry(name: name, at: now)
            keystone.misses[name.id] = nil
        }
        for id in misses where keystone.names[id] == nil { keystone.misses[id] = now }
        // Expired entries go, so the file does not grow without end.
        keystone.names = keystone.names.filter { now.timeIntervalSince($0.value.at) < Self.nameLifetime }
        keystone.misses = keystone.misses.filter { now.timeIntervalSince($0.value) < Self.missLifetime }
        file.keystones[key] = keystone
        guard let data = try? Self.encoder.encode(file) else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}
