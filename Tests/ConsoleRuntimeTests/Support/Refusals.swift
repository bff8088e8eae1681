import MembershipKit
import Testing

/// Runs `body`, which the server must refuse; returns the error's one-line description, so a test
/// can check that the server's own message reaches the operator.
func refusal(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async -> String {
    let error = await #expect(throws: MembershipError.self, sourceLocation: sourceLocation) { try await body() }
    if let error, error.httpStatus == nil {
        Issue.record("expected the server's refusal, got \(error)", sourceLocation: sourceLocation)
    }
    return error?.description ?? ""
}
