import Foundation
import NIOConcurrencyHelpers

/// Every secret this process holds (passwords, tokens, application credential secrets, session
/// cookies), so that any server text can be cleaned of them *by value* before it is shown or logged.
///
/// Redacting by JSON key (`Redaction`) is not enough: a server may quote the token in a 403 message
/// or echo the request's password in a 401. Secrets are registered where they enter the process (the
/// configuration, an authentication answer, a login) and are replaced wherever they appear in error
/// messages and log lines, also in the JSON-escaped and percent-encoded forms an echo may take.
public final class SecretRedactor: Sendable {
    public static let shared = SecretRedactor()
    /// What a secret is replaced by.
    public static let mask = "***"
    /// Shorter values are not redacted by value: a 1- to 3-character "secret" would blank out
    /// ordinary words and protects nothing anyway.
    static let minimumLength = 4
    /// Bounds the work per message when a long session registers many tokens.
    static let maximumSecrets = 256

    private let secrets = NIOLockedValueBox<[String]>([])

    public init() {}

    /// Remembers a secret (and its escaped forms) for redaction; nil or short values are ignored.
    public func register(_ secret: String?) {
        guard let secret, secret.count >= Self.minimumLength else { return }
        let forms = Self.forms(of: secret)
        secrets.withLockedValue { list in
            for form in forms where !list.contains(form) { list.append(form) }
            // Longest first, so that a secret containing another is replaced whole.
            list.sort { $0.count > $1.count }
            if list.count > Self.maximumSecrets { list.removeLast(list.count - Self.maximumSecrets) }
        }
    }

    /// The text with every registered secret replaced by `mask`.
    public func redact(_ text: String) -> String {
        let current = secrets.withLockedValue { $0 }
        guard !current.isEmpty, !text.isEmpty else { return text }
        var result = text
        for secret in current where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mask)
        }
        return result
    }

    /// The forms a secret takes when a server echoes it: as is, JSON-escaped, percent-encoded.
    static func forms(of secret: String) -> [String] {
        var forms = [secret]
        if let data = try? JSONSerialization.data(withJSONObject: [secret], options: [.withoutEscapingSlashes]),
           let json = String(data: data, encoding: .utf8), json.count > 4 {
            forms.append(String(json.dropFirst(2).dropLast(2)))
        }
        if let data = try? JSONSerialization.data(withJSONObject: [secret]),
           let json = String(data: data, encoding: .utf8), json.count > 4 {
            forms.append(String(json.dropFirst(2).dropLast(2)))
        }
        forms.append(QueryEncoding.escape(secret))
        forms.append(QueryEncoding.escape(secret).replacingOccurrences(of: "%20", with: "+"))
        forms.append(QueryEncoding.pathSegmentText(secret))
        var unique: [String] = []
        for form in forms where !unique.contains(form) { unique.append(form) }
        return unique
    }
}
