/// Why a load or a change failed, as the console says it: one line, already redacted and in the
/// user's terms (the runtime words the SDK's errors), with the HTTP status when a server refused.
public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var status: Int?
    /// How long the server asked to wait before trying again (`Retry-After`), when the wait was
    /// longer than the transport makes: the header counts it down, and retries wait for it.
    public var retryAfter: Double?

    public init(_ message: String, status: Int? = nil, retryAfter: Double? = nil) {
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}

/// A listing that stopped before its end: the header says PARTIAL, the images pane's border says
/// `summary`, the flash says `description`.
public struct Truncation: Sendable, Equatable {
    public var summary: String
    public var description: String

    public init(summary: String, description: String) {
        self.summary = summary
        self.description = description
    }
}
