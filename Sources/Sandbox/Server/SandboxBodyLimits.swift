import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// How much of a request body a protocol reads, and how it refuses a larger one. The sandbox never reads a
/// body whole without such a bound, and never answers a too-large body with a 500 of its own.
public struct BodyLimit: Sendable {
    public let bytes: Int
    /// The error for a larger body; `announced` is true when `Content-Length` said so before any byte was
    /// read (servers often refuse those in another layer, with another answer).
    let refusal: @Sendable (_ announced: Bool) -> any Error

    public init(bytes: Int, refusal: @escaping @Sendable (_ announced: Bool) -> any Error) {
        self.bytes = bytes
        self.refusal = refusal
    }
}

public enum SandboxBodyLimits {
    /// The sandbox's own bound where the real server sets none (Glance, DRF's JSON parser, Tomcat for
    /// Bonita's REST API): far above any membership document, and Glance did store a 20 MB member id.
    public static let sandboxBytes = 16 << 20

    /// What a route outside every protocol's own limit reads.
    static let generic = BodyLimit(bytes: sandboxBytes) { _ in TooLargeForSandbox() }

    /// The one sentence every protocol's refusal of a body past `sandboxBytes` says.
    static var sandboxRefusal: String { "The request body is larger than the \(sandboxBytes) bytes the sandbox reads." }
}

/// The generic refusal of `SandboxBodyLimits.generic`.
struct TooLargeForSandbox: SandboxFault {
    func response(for request: Request) -> Response {
        SandboxResponse.json(.object([("error", .string(SandboxBodyLimits.sandboxRefusal))]), status: .contentTooLarge)
    }
}

/// Gives the routes behind it their protocol's body limit, and refuses at once a body whose
/// `Content-Length` is already past it, whatever the route (as oslo's sizelimit middleware does).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let limit: BodyLimit

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.declaredBodyLength.map({ $0 > limit.bytes }) == true { throw limit.refusal(true) }
        var context = context
        context.bodyLimit = limit
        return try await next(request, context)
    }
}

extension Request {
    /// `Content-Length`, when the client sent one.
    var declaredBodyLength: Int? { headers[.contentLength].flatMap { Int($0) } }

    /// The whole body, or nil when there is none. Past `limit` (by default the one the routes' middleware
    /// set) it throws that limit's refusal, before reading when `Content-Length` announces the size.
    public func collectedBody(context: SandboxRequestContext, limit: BodyLimit? = nil) async throws -> Data? {
        let limit = limit ?? context.bodyLimit
        if declaredBodyLength.map({ $0 > limit.bytes }) == true { throw limit.refusal(true) }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit.bytes)
        } catch is NIOTooManyBytesError {
            throw limit.refusal(false)
        }
        guard buffer.readableBytes > 0 else { return nil }
        return Data(buffer.readableBytesView)
    }
}
