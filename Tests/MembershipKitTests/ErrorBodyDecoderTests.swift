import Foundation
import Testing
@testable import MembershipKit

/// Error bodies as the real servers send them (api-facts §2 and Part 2), reduced to one line.
@Suite("Error body decoder")
struct ErrorBodyDecoderTests {
    private func message(_ status: Int, _ contentType: String?, _ body: String) -> String {
        ErrorBodyDecoder.message(status: status, contentType: contentType, body: Data(body.utf8))
    }

    @Test("Glance JSON: the <br /><br /> tail and newlines are removed")
    func glanceJSON() {
        let body = #"{"message":"Member 2222 is duplicated for image fdf4<br /><br />\n\n\n","code":"409 Conflict","title":"Conflict"}"#
        #expect(message(409, "application/json", body) == "Member 2222 is duplicated for image fdf4")
    }

    @Test("Glance JSON on 405: the ' <br /><br />\\n' tail is removed")
    func glanceJSON405() {
        let body = #"{"message":"The method is not allowed for this resource. <br /><br />\n","code":"405 Method Not Allowed","title":"Method Not Allowed"}"#
        #expect(message(405, "application/json; charset=UTF-8", body) == "The method is not allowed for this resource.")
    }

    @Test("Glance JSON is recognised without a Content-Type")
    func glanceJSONWithoutContentType() {
        let body = #"{"message":"Image member limit exceeded for image fdf4: Attempted: 129, Maximum: 128:<br /><br />\n\n\n","code":"413 Request Entity Too Large","title":"Request Entity Too Large"}"#
        #expect(message(413, nil, body) == "Image member limit exceeded for image fdf4: Attempted: 129, Maximum: 128:")
    }

    static let webobHTML = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  Image x not found.<br /><br />\n\n\n\n </body>\n</html>"

    @Test("webob HTML: the title and heading are dropped, the message kept", arguments: ["text/html; charset=UTF-8", nil] as [String?])
    func webobHTML(contentType: String?) {
        #expect(message(404, contentType, Self.webobHTML) == "Image x not found.")
    }

    @Test("HTML entities are decoded")
    func htmlEntities() {
        let body = "<html><body><h1>400 Bad Request</h1>Expected a member in the form: {&quot;member&quot;: &quot;image_id&quot;}<br /><br /></body></html>"
        #expect(message(400, "text/html", body) == #"Expected a member in the form: {"member": "image_id"}"#)
    }

    @Test("webob plain text: the status line is dropped", arguments: ["text/plain; charset=UTF-8", nil] as [String?])
    func webobPlainText(contentType: String?) {
        #expect(message(404, contentType, "404 Not Found\n\nImage x not found.\n\n   ") == "Image x not found.")
    }

    @Test("Keystone: error.message")
    func keystone() {
        let body = #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#
        #expect(message(401, "application/json", body) == "The request you have made requires authentication.")
    }

    @Test("Rackspace: overLimit.message")
    func rackspace() {
        let body = #"{"overLimit":{"code":413,"message":"Over Limit","retryAfter":"30"}}"#
        #expect(message(413, "application/json", body) == "Over Limit")
    }

    @Test("DRF: detail")
    func drfDetail() {
        #expect(message(404, "application/json", #"{"detail":"Not found."}"#) == "Not found.")
        #expect(message(403, "application/json", #"{"detail":"Authentication credentials were not provided."}"#)
            == "Authentication credentials were not provided.")
    }

    @Test("DRF: a field error names the field")
    func drfFieldError() {
        let text = message(400, "application/json", #"{"group":["This field is required."]}"#)
        #expect(text.contains("group: This field is required."))
    }

    @Test("DRF: non_field_errors are given without a field name")
    func drfNonFieldErrors() {
        let text = message(400, "application/json", #"{"non_field_errors":["The fields image_version, group must make a unique set."]}"#)
        #expect(text == "The fields image_version, group must make a unique set.")
    }

    @Test("DRF: several field errors all appear")
    func drfSeveralFields() {
        let text = message(400, "application/json", #"{"group":["This field is required."],"image_version":["This field is required."]}"#)
        #expect(text.contains("group: This field is required."))
        #expect(text.contains("image_version: This field is required."))
    }

    @Test("Atmosphere auth: errors[].message")
    func atmosphereErrors() {
        let body = #"{"errors":[{"code":400,"message":"Username/Password combination was invalid"}]}"#
        #expect(message(400, "application/json", body) == "Username/Password combination was invalid")
    }

    @Test("Bonita: message, not the exception class")
    func bonita() {
        let body = #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIForbiddenException","message":"This membership is already added to user","api":"identity","resource":"membership"}"#
        let text = message(403, "application/json", body)
        #expect(text == "This membership is already added to user")
        #expect(!text.contains("bonitasoft"))
    }

    @Test("an empty body gives the reason phrase", arguments: [
        (404, "Not Found"), (401, "Unauthorized"), (403, "Forbidden"), (500, "Internal Server Error"), (418, "HTTP 418"),
    ])
    func emptyBody(status: Int, reason: String) {
        #expect(ErrorBodyDecoder.message(status: status, contentType: nil, body: Data()) == reason)
        #expect(message(status, "application/json", "  \n ") == reason)
    }

    @Test("JSON without any message gives the reason phrase, not an empty string")
    func jsonWithoutMessage() {
        #expect(message(404, "application/json", "{}") == "Not Found")
    }

    @Test("a very long message is cut to at most 400 characters")
    func longMessage() {
        let long = String(repeating: "abcdefghij ", count: 200)
        let text = message(400, "application/json", #"{"message":"\#(long)"}"#)
        #expect(text.count <= 400)
        #expect(text.hasPrefix("abcdefghij abcdefghij"))
        let plain = message(500, "text/plain", String(repeating: "x", count: 5000))
        #expect(plain.count <= 400)
        #expect(plain.count > 300)
    }

    @Test("the result is always one line")
    func oneLine() {
        let text = message(400, "text/plain", "400 Bad Request\n\nfirst line\nsecond line\r\nthird\n")
        #expect(!text.contains("\n"))
        #expect(!text.contains("\r"))
        #expect(text == "first line second line third")
    }
}
