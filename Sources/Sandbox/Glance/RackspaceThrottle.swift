import Foundation
import HTTPTypes
import Hummingbird

/// The Rackspace Cloud Images flavour: Glance v2's calls behind Rackspace's rate limiter. While the
/// throttle switch holds requests, each answers `413 Over Limit` or `503 Service Unavailable` with a
/// `Retry-After` (seconds) and Rackspace's fault body, before reaching Glance.
struct RackspaceThrottleMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let throttle: ThrottleSwitch

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !path.hasPrefix(RackspaceRoutes.controlPath), let setting = await throttle.consume() else {
            return try await next(request, context)
        }
        var headers: HTTPFields = [:]
        headers[.retryAfter] = String(setting.retryAfterSeconds)
        headers[.openstackRequestID] = Identifiers.requestID()
        let retryAt = SandboxClock.iso8601Seconds(Date().addingTimeInterval(Double(setting.retryAfterSeconds)))
        let body: JSONValue
        let status: HTTPResponse.Status
        if setting.status == 503 {
            status = HTTPResponse.Status(code: 503, reasonPhrase: "Service Unavailable")
            body = .object([("serviceUnavailable", .object([
                ("code", .int(503)), ("message", .string("The service is temporarily unavailable; retry after \(setting.retryAfterSeconds) seconds.")),
            ]))])
        } else {
            status = HTTPResponse.Status(code: 413, reasonPhrase: "Over Limit")
            body = .object([("overLimit", .object([
                ("code", .int(413)), ("message", .string("OverLimit Retry...")),
                ("details", .string("Error Details...")), ("retryAfter", .string(retryAt)),
            ]))])
        }
        return SandboxResponse.json(body, status: status, headers: headers, pythonStyle: false)
    }
}

/// The Rackspace routes (Glance v2's, under `/rackspace`) and the control route tests use to throttle:
/// `PUT /rackspace/_sandbox/throttle` `{"status":413|503,"retry_after":s,"requests":n}` (admin token),
/// `GET` shows the setting, `DELETE` clears it.
enum RackspaceRoutes {
    static let root = "/rackspace"
    static let controlPath = root + "/_sandbox/throttle"

    static func add(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        let database = environment.database
        let group = router.group("rackspace")
            .add(middleware: GlanceRequestMiddleware(database: database))
            .add(middleware: BodyLimitMiddleware(limit: GlanceModule.bodyLimit))
            .add(middleware: RackspaceThrottleMiddleware(throttle: environment.throttle))
        group.put("_sandbox/throttle") { request, context in
            try await requireAdmin(request, database: database)
            let body = try GlanceBody.object(try await request.collectedBody(context: context))
            let status = body["status"]?.intValue ?? 413
            guard status == 413 || status == 503 else { throw GlanceFault.badRequest("status must be 413 or 503") }
            let retryAfter = body["retry_after"]?.intValue ?? 1
            let requests = body["requests"]?.intValue ?? 1
            guard retryAfter >= 0, requests >= 0 else { throw GlanceFault.badRequest("retry_after and requests must not be negative") }
            await environment.throttle.set(.init(status: status, retryAfterSeconds: retryAfter, remainingRequests: requests))
            return SandboxResponse.empty(status: .noContent)
        }
        group.get("_sandbox/throttle") { request, _ in
            try await requireAdmin(request, database: database)
            guard let setting = await environment.throttle.current() else { return SandboxResponse.json(.object([("throttle", .null)])) }
            return SandboxResponse.json(.object([("throttle", .object([
                ("status", .int(setting.status)), ("retry_after", .int(setting.retryAfterSeconds)), ("requests", .int(setting.remainingRequests)),
            ]))]))
        }
        group.delete("_sandbox/throttle") { request, _ in
            try await requireAdmin(request, database: database)
            await environment.throttle.set(nil)
            return SandboxResponse.empty(status: .noContent)
        }
        // The same images as `/image`: deleting one here removes its data too.
        GlanceImageRoutes.add(to: group, database: database, files: GlanceImageFiles(databasePath: database.path, limit: environment.imageSizeCap))
        GlanceMemberRoutes.add(to: group, database: database)
        GlanceVersions.add(to: group, database: database)
    }

    private static func requireAdmin(_ request: Request, database: SandboxDatabase) async throws {
        let caller = try await GlanceAuth.caller(request, database: database)
        guard caller.isAdmin else { throw GlanceFault.policy("throttle") }
    }
}
