import Foundation
import MembershipKit
import Testing

/// The real Keystone and Glance started by `scripts/refstack` (see `scripts/test`).
/// Outside CI the integration tests are skipped when the stack is not configured; with `CI=true`
/// they run and fail, never skip.
enum ReferenceStack {
    static let environment = ProcessInfo.processInfo.environment

    static var cloudsFile: String? { environment["OS_CLIENT_CONFIG_FILE"].flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } }
    static var isConfigured: Bool { cloudsFile != nil && environment["REFSTACK_KEYSTONE_URL"] != nil }
    static var isCI: Bool { ["true", "1", "yes"].contains(environment["CI"]?.lowercased() ?? "") }
    /// Run the tests when the stack is there, and always in CI (where a missing stack must fail).
    static var shouldRun: Bool { isConfigured || isCI }

    static var keystoneURL: String { environment["REFSTACK_KEYSTONE_URL"] ?? "http://127.0.0.1:15000/v3" }
    static var venv: String { environment["REFSTACK_VENV"] ?? "" }
    static var openstackBinary: String { venv + "/bin/openstack" }

    /// A token cache private to this test process.
    static let cacheDirectory: String = {
        let path = NSTemporaryDirectory() + "memberdeck-it-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func requireConfigured() throws {
        guard isConfigured else {
            throw StackUnavailable(message: "the reference stack is not configured: run the tests with scripts/test (it starts Keystone and Glance)")
        }
    }

    static func cloud(_ name: String, adjust: (inout CloudConfig) -> Void = { _ in }) throws -> CloudConfig {
        try requireConfigured()
        var cloud = try CloudConfigLoader(environment: ["OS_CLIENT_CONFIG_FILE": cloudsFile!, "HOME": NSTemporaryDirectory()],
                                          currentDirectory: "/nonexistent").load(cloudName: name)
        adjust(&cloud)
        return cloud
    }

    static func session(_ name: String, cache: TokenCache? = TokenCache(directory: cacheDirectory), adjust: (inout CloudConfig) -> Void = { _ in }) throws -> OpenStackSession {
        try OpenStackSession.make(cloud: try cloud(name, adjust: adjust), tokenCache: cache)
    }

    static func glance(_ name: String) throws -> GlanceV2Client {
        GlanceV2Client(session: try session(name))
    }

    static func projectID(_ name: String) async throws -> String {
        let token = try await session(name).validToken()
        guard let id = token.project?.id else { throw StackUnavailable(message: "cloud \(name) has no project scope") }
        return id
    }
}

struct StackUnavailable: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Images made for one test, deleted afterwards.
struct TestImages {
    let owner: GlanceV2Client

    static func uniqueName(_ stem: String) -> String { "it-\(stem)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// Creates an image record (no data) as the owner. Glance's default visibility is `shared`.
    func create(name: String, visibility: String? = nil) async throws -> Image {
        var body: [String: Any] = ["name": name, "disk_format": "raw", "container_format": "bare"]
        if let visibility { body["visibility"] = visibility }
        let url = try await owner.session.imageEndpoint() + "/images"
        let response = try await owner.session.send("POST", url, json: try JSONSerialization.data(withJSONObject: body))
        return try JSONDecoder().decode(Image.self, from: response.body)
    }

    /// Runs `body` with a new image and deletes the image afterwards, also when `body` throws.
    func with(name: String, visibility: String? = nil, _ body: (Image) async throws -> Void) async throws {
        let image = try await create(name: name, visibility: visibility)
        do {
            try await body(image)
        } catch {
            await delete(image)
            throw error
        }
        await delete(image)
    }

    func delete(_ image: Image) async {
        guard let url = try? await owner.session.imageEndpoint() + "/images/" + image.id else { return }
        _ = try? await owner.session.send("DELETE", url)
    }
}

/// Asserts that an operation fails with this HTTP status and that the message contains `text`.
@discardableResult
func expectHTTPError(_ status: Int, containing text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                     _ operation: () async throws -> Void) async -> HTTPFailure? {
    do {
        try await operation()
        Issue.record("expected HTTP \(status), but the call succeeded", sourceLocation: sourceLocation)
    } catch let MembershipError.http(failure) {
        #expect(failure.status == status, "message: \(failure.message)", sourceLocation: sourceLocation)
        if let text { #expect(failure.message.contains(text), "message: \(failure.message)", sourceLocation: sourceLocation) }
        #expect(!failure.message.contains("<br"), sourceLocation: sourceLocation)
        return failure
    } catch {
        Issue.record("expected HTTP \(status), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
