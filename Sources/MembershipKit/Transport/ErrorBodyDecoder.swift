import Foundation

/// Reduces an error body (JSON, HTML or plain text, from Glance, Keystone, Rackspace, DRF or Bonita)
/// to the server's message as one line of text. Pure, so it is unit-tested against real bodies.
public enum ErrorBodyDecoder {
    /// Longest message kept; anything longer is cut with an ellipsis.
    static let maximumLength = 400

    public static func message(status: Int, contentType: String?, body: Data) -> String {
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return HTTPStatusText.reason(status) }
        let type = contentType?.lowercased() ?? ""
        var message: String?
        if type.contains("json") || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            message = jsonMessage(body)
            // JSON without any message in it says no more than the status does.
            if message == nil, (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil {
                return HTTPStatusText.reason(status)
            }
        }
        if message == nil, type.contains("html") || trimmed.hasPrefix("<") {
            message = htmlText(trimmed, status: status)
        }
        if message == nil {
            message = plainText(trimmed, status: status)
        }
        return shorten(oneLine(stripGlanceTail(message ?? "")), status: status)
    }

    /// Glance's webob JSON: `{"message": "…<br /><br />\n\n\n", "code": "409 Conflict", "title": …}`.
    /// Keystone: `{"error": {"code": 401, "message": …, "title": …}}`.
    /// Rackspace/Nova style: `{"overLimit": {"message": …, "retryAfter": …}}`.
    /// DRF: `{"detail": …}` or `{"field": ["msg"], "non_field_errors": [...]}`.
    /// Bonita: `{"exception": …, "message": …}`. Atmosphere auth: `{"errors": [{"code", "message"}]}`.
    static func jsonMessage(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return nil }
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
        var content = html
        if let bodyStart = content.range(of: "<body", options: .caseInsensitive),
           let tagEnd = content[bodyStart.upperBound...].firstIndex(of: ">") {
            content = String(content[content.index(after: tagEnd)...])
            if let bodyEnd = content.range(of: "</body>", options: .caseInsensitive) {
                content = String(content[..<bodyEnd.lowerBound])
            }
        }
        // The heading only repeats the status line.
        content = content.replacingOccurrences(of: "<h1[^>]*>.*?</h1>", with: " ", options: [.regularExpression, .caseInsensitive])
        content = content.replacingOccurrences(of: "<title[^>]*>.*?</title>", with: " ", options: [.regularExpression, .caseInsensitive])
        content = content.replacingOccurrences(of: "<br\\s*/?>", with: " ", options: [.regularExpression, .caseInsensitive])
        content = content.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        let text = decodeEntities(content).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? HTTPStatusText.reason(status) : text
    }

    /// Webob plain text: `404 Not Found\n\nmessage\n\n   `.
    static func plainText(_ text: String, status: Int) -> String {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let first = lines.first, first.hasPrefix("\(status) "), lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: " ")
    }

    /// Removes the `<br /><br />` that webob appends to Glance messages.
    static func stripGlanceTail(_ text: String) -> String {
        text.replacingOccurrences(of: "(\\s*<br\\s*/?>)+\\s*$", with: "", options: .regularExpression)
    }

    static func oneLine(_ text: String) -> String {
        text.components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func shorten(_ text: String, status: Int) -> String {
        if text.isEmpty { return HTTPStatusText.reason(status) }
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength - 1)) + "…"
    }

    static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
