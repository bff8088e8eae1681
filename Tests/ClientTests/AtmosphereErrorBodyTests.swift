import Foundation
import MembershipKit
import Testing

/// Atmosphere's error bodies, byte for byte as its DRF views send them, made into one readable line.
/// No server: these are the decoder alone.
@Suite("Atmosphere client: DRF error bodies")
struct AtmosphereErrorBodyTests {
    private func message(_ status: Int, _ body: String) -> String {
        ErrorBodyDecoder.message(status: status, contentType: "application/json", body: Data(body.utf8))
    }

    @Test("detail bodies give the detail", arguments: [
        (404, #"{"detail":"Not found."}"#, "Not found."),
        (404, #"{"detail":"Invalid page."}"#, "Invalid page."),
        (403, #"{"detail":"Authentication credentials were not provided."}"#, "Authentication credentials were not provided."),
        (405, #"{"detail":"Method \"PUT\" not allowed."}"#, #"Method "PUT" not allowed."#),
    ])
    func detail(status: Int, body: String, expected: String) {
        #expect(message(status, body) == expected)
    }

    @Test("non_field_errors give their messages alone")
    func nonFieldErrors() {
        #expect(message(400, #"{"non_field_errors":["The fields image_version, group must make a unique set."]}"#)
            == "The fields image_version, group must make a unique set.")
    }

    @Test("a field error is prefixed with the field")
    func fieldError() {
        #expect(message(400, #"{"group":["Group with Field: uuid 'b8e1d2c3-0002-4b20-9c30-000000000099' does not exist."]}"#)
            == "group: Group with Field: uuid 'b8e1d2c3-0002-4b20-9c30-000000000099' does not exist.")
    }

    @Test("several fields are joined with '; ', non-field errors first, then fields by name")
    func severalFields() {
        #expect(message(400, #"{"image_version":["This field is required."],"group":["This field is required."]}"#)
            == "group: This field is required.; image_version: This field is required.")
        #expect(message(400, #"{"group":["This field may not be null."],"non_field_errors":["No data provided"]}"#)
            == "No data provided; group: This field may not be null.")
    }

    @Test("several messages of one field stay together")
    func severalMessages() {
        #expect(message(400, #"{"group":["First.","Second."]}"#) == "group: First. Second.")
    }

    @Test("nested serializers and list serializers name the path")
    func nested() {
        #expect(message(400, #"{"image_version":{"uuid":["Not a valid UUID."]}}"#) == "image_version.uuid: Not a valid UUID.")
        #expect(message(400, #"[{"group":["This field is required."]},{}]"#) == "group: This field is required.")
    }

    @Test("the login view's errors list gives its messages")
    func loginErrors() {
        #expect(message(400, #"{"errors":[{"code":400,"message":"Authentication request refused -- Username/Password combination was invalid"}]}"#)
            == "Authentication request refused -- Username/Password combination was invalid")
        #expect(message(400, #"{"errors":[{"code":400,"message":"Authentication request refused -- Username missing"}]}"#)
            == "Authentication request refused -- Username missing")
    }

    @Test("the decoder alone: non-text values and empty lists give nothing to read")
    func nothingToRead() {
        #expect(DRFErrorBody.message(["count": 3, "group": [] as [Any]] as [String: Any]) == nil)
        #expect(message(400, #"{"group":[]}"#) == "Bad Request")
    }
}
