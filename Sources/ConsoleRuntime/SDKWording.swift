import Console
import MembershipKit

/// The SDK's errors and notices as the console's own values: the console's model depends on no
/// SDK type, so it can neither reach the network nor read a secret the redactor has not seen.
extension Failure {
    public init(_ error: MembershipError) {
        self.init(error.description, status: error.httpStatus, retryAfter: error.retryAfter)
    }
}

extension Truncation {
    public init(_ truncation: PagingTruncation) {
        self.init(summary: truncation.summary, description: truncation.description)
    }
}
