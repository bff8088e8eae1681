import Foundation
import Hummingbird

/// Answers gunicorn's 500 page to a path under Glance's roots that is not UTF-8 once percent-decoded.
struct GlancePathMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let roots: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if roots.contains(where: { path == $0 || path.hasPrefix($0 + "/") }), !GlancePath.isDecodable(path) { throw WSGIServerError() }
        return try await next(request, context)
    }
}

/// Ids in a Glance URL path as Glance reads them: percent-decoded (`/members/a%00b` names member
/// `a\u0000b`, `a%20b` member `a b`), after the WSGI server has decoded the whole path as UTF-8.
enum GlancePath {
    /// Whether the percent-decoded path is UTF-8; when it is not, Glance fails before it routes or
    /// authenticates (observed: gunicorn's 500 page for `/v2/images/%FF%FE`).
    static func isDecodable(_ path: String) -> Bool {
        String(bytes: percentDecodedBytes(path), encoding: .utf8) != nil
    }

    /// The route parameter `name`, decoded. One holding an encoded `/` (`a%2Fb`) matches no route in Glance:
    /// 404 "The resource could not be found.".
    static func parameter(_ context: SandboxRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        let decoded = String(decoding: percentDecodedBytes(raw), as: UTF8.self)
        guard !decoded.contains("/") else { throw GlanceFault.notFound("The resource could not be found.") }
        return decoded
    }

    /// `%XX` becomes the byte XX; anything else, a malformed escape included, stays as it is (as Python's
    /// `unquote` does).
    static func percentDecodedBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
