/// What the server said when it refused a request.
public struct HTTPFailure: Sendable, Equatable {
    public let status: Int
    /// The server's message, reduced to one line of text (Glance's `<br />` tail, HTML and JSON wrappers removed).
    public let message: String
    /// `x-openstack-request-id` (or the system's equivalent), when the server sent one.
    public let requestID: String?
    public let method: String
    /// The request URL without its query string (queries can hold names, never secrets, but stay short).
    public let url: String
    /// `Retry-After` in seconds, when the server sent one.
    public let retryAfter: Double?

    public init(status: Int, message: String, requestID: String?, method: String, url: String, retryAfter: Double? = nil) {
        self.status = status
        self.message = message
        self.requestID = requestID
        self.method = method
        self.url = url
        self.retryAfter = retryAfter
    }
}

/// Why a request never got an HTTP answer.
public struct ConnectionFailure: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case refused, dns, tls, timeout, closed, other
    }
    public let kind: Kind
    /// `host:port` that was being reached.
    public let target: String
    public let detail: String

    public init(kind: Kind, target: String, detail: String) {
        self.kind = kind
        self.target = target
        self.detail = detail
    }
}

/// The one error type of the SDK layer. Every case reads as one line.
public enum MembershipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status.
    case http(HTTPFailure)
    /// No answer: refused, DNS, TLS, timeout.
    case connection(ConnectionFailure)
    /// The configuration is wrong or incomplete.
    case configuration(ConfigurationError)
    /// The server answered something we cannot read.
    case invalidResponse(String)
    /// A name or id the user gave matches nothing.
    case notFound(String)
    /// A name the user gave matches several things.
    case ambiguous(String)
    /// A value (typed, or taken from a server's answer) that cannot be used in a request.
    case invalidInput(String)
    /// A listing stopped before its end (a paging limit, or a server whose pages never end).
    case truncated(PagingTruncation)
    /// An operation of several requests stopped part way: the text says what was done and what was not.
    case incomplete(String)

    /// One line, with every secret memberdeck holds redacted (a server may echo them in any text).
    public var description: String { SecretRedactor.shared.redact(unredactedDescription) }

    private var unredactedDescription: String {
        switch self {
        case let .http(failure):
            var text = "\(failure.status) \(HTTPStatusText.reason(failure.status)): \(failure.message)"
            if let why = ShareRefusal.reason(failure) { text += " [\(why)]" }
            if let id = failure.requestID { text += " (request \(id))" }
            // A wait the server asked for and memberdeck did not make (longer than it waits, or --no-wait).
            if let wait = failure.retryAfter, wait > 0 { text += "; the server asks to wait \(RetryDelay.text(wait)) before trying again" }
            return text
        case let .connection(failure):
            switch failure.kind {
            case .refused: return "cannot connect to \(failure.target): connection refused (is the service running?)"
            case .dns: return "cannot resolve \(failure.target): \(failure.detail)"
            case .tls: return "TLS failure with \(failure.target): \(failure.detail) (set cacert to trust a private CA)"
            case .timeout: return "no answer from \(failure.target): \(failure.detail)"
            case .closed: return "\(failure.target) closed the connection: \(failure.detail)"
            case .other: return "cannot reach \(failure.target): \(failure.detail)"
            }
        case let .configuration(error): return error.description
        case let .invalidResponse(text): return "unexpected answer from the server: \(text)"
        case let .notFound(text): return text
        case let .ambiguous(text): return text
        case let .invalidInput(text): return text
        case let .truncated(truncation): return truncation.description
        case let .incomplete(text): return text
        }
    }

    /// How long the server asked to wait before trying again (`Retry-After`), when it did.
    public var retryAfter: Double? {
        if case let .http(failure) = self { return failure.retryAfter }
        return nil
    }

    /// Any error as the SDK's one type: configuration mistakes keep their case, anything else
    /// (which the SDK does not throw itself) is said as it describes itself.
    public static func wrapping(_ error: any Error) -> MembershipError {
        switch error {
        case let error as MembershipError: return error
        case let error as ConfigurationError: return .configuration(error)
        default: return .invalidResponse(String(describing: error))
        }
    }

    /// The HTTP status when the server answered.
    public var httpStatus: Int? {
        if case let .http(failure) = self { return failure.status }
        return nil
    }
}

/// Reason phrases for the statuses these APIs use.
public enum HTTPStatusText {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 300: return "Multiple Choices"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 413: return "Request Entity Too Large"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP \(status)"
        }
    }
}
