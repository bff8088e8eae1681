import Foundation

/// Reduces an error body (JSON, HTML or plain text, from Glance, Keystone, Rackspace, DRF or Bonita)
/// to the server's message as one line of text. Pure, so it is unit-tested against real bodies.
///
/// The body is untrusted and may be huge or built to be slow: only its first `inspectedBytes` are
/// read, and every step is a single pass (no regular expression that could backtrack), so the cost
/// is linear in that prefix whatever the server sends. Secrets that memberdeck holds are redacted
/// from the message before it is shortened (a shortened secret would still leak its prefix).
public enum ErrorBodyDecoder {
    /// Longest message kept; anything longer is cut with an ellipsis.
    static let maximumLength = 400
    /// How much of a body is looked at. Real error bodies are well under 2 KiB.
    static let inspectedBytes = 64 * 1024

    public static func message(status: Int, contentType: String?, body: Data) -> String {
        let complete = body.count <= inspectedBytes
        let inspected = complete ? body : body.prefix(inspectedBytes)
        let text = String(decoding: inspected, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return HTTPStatusText.reason(status) }
        let type = contentType?.lowercased() ?? ""
        var message: String?
        // A cut JSON document cannot parse; its prefix is read as text below.
        if complete, type.contains("json") || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            if let object = try? JSONSerialization.jsonObject(with: inspected, options: [.fragmentsAllowed]) {
                // JSON without any message in it says no more than the status does.
                guard let found = jsonMessage(object) else { return HTTPStatusText.reason(status) }
                message = found
            }
        }
        if message == nil, type.contains("html") || trimmed.hasPrefix("<") {
            message = htmlText(trimmed, status: status)
        }
        if message == nil {
            message = plainText(trimmed, status: status)
        }
        return finish(stripGlanceTail(message ?? ""), status: status)
    }

    /// The last steps of every message, whichever system it came from: one line, secrets redacted, shortened.
    static func finish(_ text: String, status: Int) -> String {
        shorten(SecretRedactor.shared.redact(oneLine(text)), status: status)
    }

    /// Glance's webob JSON: `{"message": "…<br /><br />\n\n\n", "code": "409 Conflict", "title": …}`.
    /// Keystone: `{"error": {"code": 401, "message": …, "title": …}}`.
    /// Rackspace/Nova style: `{"overLimit": {"message": …, "retryAfter": …}}`.
    /// DRF: `{"detail": …}` or `{"field": ["msg"], "non_field_errors": [...]}`.
    /// Bonita: `{"exception": …, "message": …}`. Atmosphere auth: `{"errors": [{"code", "message"}]}`.
    static func jsonMessage(_ object: Any) -> String? {
        if let string = object as? String { return string }
        if let list = object as? [Any] {
            let texts = list.compactMap { $0 as? String }
            // A list serializer's errors: one object of field errors per item.
            return texts.isEmpty ? DRFErrorBody.message(list) : texts.joined(separator: "; ")
        }
        guard let dictionary = object as? [String: Any] else { return nil }
        for key in ["message", "detail", "error_description", "faultstring"] {
            if let text = dictionary[key] as? String, !text.isEmpty { return text }
        }
        if let error = dictionary["error"] {
            if let text = error as? String { return text }
            if let nested = error as? [String: Any], let text = nested["message"] as? String { return text }
        }
        // A single wrapper object holding a message (overLimit, itemNotFound, badRequest …).
        if dictionary.count == 1, let nested = dictionary.values.first as? [String: Any] {
            if let text = nested["message"] as? String { return text }
        }
        // Atmosphere's `errors` list and DRF validation errors (field → messages).
        return DRFErrorBody.message(dictionary)
    }

    /// Webob HTML: `<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>msg<br /><br /></body></html>`.
    static func htmlText(_ html: String, status: Int) -> String {
        let text = decodeEntities(HTMLText.visibleText(of: html)).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? HTTPStatusText.reason(status) : text
    }

    /// Webob plain text: `404 Not Found\n\nmessage\n\n   `.
    static func plainText(_ text: String, status: Int) -> String {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let first = lines.first, first.hasPrefix("\(status) "), lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: " ")
    }

    /// Removes the `<br /><br />` (and white space) that webob appends to Glance messages, scanning
    /// back from the end: each step removes what it looked at, so the scan is linear.
    static func stripGlanceTail(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        func dropTrailingSpace() {
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        }
        dropTrailingSpace()
        while scalars.last == ">" {
            var index = scalars.count - 2
            if index >= 0, scalars[index] == "/" { index -= 1 }
            while index >= 0, scalars[index].properties.isWhitespace { index -= 1 }
            guard index >= 2, scalars[index] == "r" || scalars[index] == "R", scalars[index - 1] == "b" || scalars[index - 1] == "B",
                  scalars[index - 2] == "<" else { break }
            scalars.removeLast(scalars.count - (index - 2))
            dropTrailingSpace()
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Every run of white space (newlines included) becomes one space; ends are trimmed. One pass.
    static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func shorten(_ text: String, status: Int) -> String {
        if text.isEmpty { return HTTPStatusText.reason(status) }
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength - 1)) + "…"
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
