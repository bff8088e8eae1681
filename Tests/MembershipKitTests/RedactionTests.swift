import Foundation
import Testing
@testable import MembershipKit

/// Secrets never reach the debug log.
@Suite("Redaction")
struct RedactionTests {
    private func redact(_ body: String, _ contentType: String? = "application/json") -> String {
        Redaction.body(Data(body.utf8), contentType: contentType)
    }

    @Test("secret headers are replaced by ***, whatever their case", arguments: [
        "X-Auth-Token", "x-auth-token", "X-Subject-Token", "Authorization", "Cookie", "Set-Cookie",
        "X-Bonita-API-Token", "X-Service-Token", "Proxy-Authorization",
    ])
    func secretHeaders(name: String) {
        #expect(Redaction.header(name: name, value: "SECRET") == "***")
    }

    @Test("other headers are kept", arguments: ["Content-Type", "Accept", "User-Agent", "x-openstack-request-id", "Retry-After"])
    func plainHeaders(name: String) {
        #expect(Redaction.header(name: name, value: "value-1") == "value-1")
    }

    @Test("Keystone password body: the password is hidden, the rest kept")
    func keystonePassword() throws {
        let body = """
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"name":"Default"},"password":"SECRET"}}},
             "scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}
            """
        let out = redact(body)
        #expect(!out.contains("SECRET"))
        #expect(out.contains("alice"))
        #expect(out.contains("demo"))
        #expect(out.contains("Default"))
        // The result is still JSON, with the password replaced.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let auth = try #require(object["auth"] as? [String: Any])
        let identity = try #require(auth["identity"] as? [String: Any])
        let password = try #require(identity["password"] as? [String: Any])
        let user = try #require(password["user"] as? [String: Any])
        #expect(user["password"] as? String == "***")
        #expect(identity["methods"] as? [String] == ["password"])
    }

    @Test("Keystone token body: the token id is hidden")
    func keystoneToken() {
        let out = redact(#"{"auth":{"identity":{"methods":["token"],"token":{"id":"SECRET"}}}}"#)
        #expect(!out.contains("SECRET"))
        #expect(out.contains("***"))
        #expect(out.contains("\"token\""))
    }

    @Test("application credential: the secret is hidden, the id kept")
    func applicationCredential() {
        let out = redact(#"{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"ac-42","secret":"SECRET"}}}}"#)
        #expect(!out.contains("SECRET"))
        #expect(out.contains("ac-42"))
    }

    @Test("Atmosphere's token answer: the token is hidden")
    func atmosphereTokenAnswer() {
        let out = redact(#"{"token":"SECRET","username":"alice","expires":"2026-11-22T16:40:32Z"}"#)
        #expect(!out.contains("SECRET"))
        #expect(out.contains("alice"))
    }

    @Test("secrets in objects inside lists are hidden too")
    func secretsInLists() {
        let out = redact(#"{"users":[{"name":"a","password":"SECRET"},{"name":"b","password":"SECRET"}]}"#)
        #expect(!out.contains("SECRET"))
        #expect(out.contains("\"a\"") && out.contains("\"b\""))
    }

    @Test("a secret key holding a list of strings hides every string", arguments: [
        #"{"tokens":["SECRET","SECRET"]}"#,
        #"{"password":["SECRET"]}"#,
        #"{"auth":{"application_credential":{"secret":["SECRET"]}}}"#,
    ])
    func secretKeyWithList(body: String) {
        let out = redact(body)
        #expect(!out.contains("SECRET"), "\(out)")
    }

    @Test("a form body has its password replaced", arguments: ["application/x-www-form-urlencoded", nil] as [String?])
    func formBody(contentType: String?) {
        #expect(redact("username=a&password=b", contentType) == "username=a&password=***")
        let bonita = redact("username=walter.bates&password=SECRET&redirect=false", contentType)
        #expect(bonita == "username=walter.bates&password=***&redirect=false")
    }

    @Test("other text is summarised by its size")
    func otherText() {
        let text = "free text with SECRET in it"
        #expect(redact(text, "text/plain") == "<\(text.utf8.count) bytes>")
    }

    @Test("no body gives an empty string")
    func noBody() {
        #expect(Redaction.body(nil) == "")
        #expect(Redaction.body(Data()) == "")
    }

    @Test("the word SECRET appears in no redacted output", arguments: [
        #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u","password":"SECRET"}}}}}"#,
        #"{"auth":{"identity":{"methods":["token"],"token":{"id":"SECRET"}}}}"#,
        #"{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"x","secret":"SECRET"}}}}"#,
        #"{"X-Auth-Token":"SECRET","api_key":"SECRET","key":"SECRET","client_secret":"SECRET"}"#,
        "username=a&password=SECRET",
        "user=a&token=SECRET&api_key=SECRET",
        "SECRET SECRET",
    ])
    func noSecretAnywhere(body: String) {
        #expect(!redact(body).contains("SECRET"))
        #expect(!redact(body, nil).contains("SECRET"))
    }
}
