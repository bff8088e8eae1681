import HTTPTypes
import Hummingbird

/// An error a route throws to answer with a protocol-specific error body (Glance's webob bodies, Keystone's
/// `{"error":…}`, DRF's `{"detail":…}`, Bonita's exception JSON). `FaultMiddleware` turns it into the response.
public protocol SandboxFault: Error {
    func response(for request: Request) -> Response
}

/// Catches `SandboxFault`s and answers with their body. Anything else is a bug in the sandbox: it answers 500
/// with a one-line JSON body and logs the error, so a client test sees an internal failure as one.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let fault as SandboxFault {
            return fault.response(for: request)
        } catch let error as HTTPError {
            throw error
        } catch {
            context.logger.error("sandbox internal error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return SandboxResponse.json(.object([("error", .string("internal sandbox error"))]), status: .internalServerError)
        }
    }
}
