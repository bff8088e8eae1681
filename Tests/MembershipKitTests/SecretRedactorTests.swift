import Foundation
import Testing
@testable import MembershipKit

@Suite("Secrets redacted by value")
struct SecretRedactorTests {
    @Test("A registered secret is replaced wherever it appears, also JSON-escaped and percent-encoded")
    func redactsEveryForm() {
        let redactor = SecretRedactor()
        redactor.register(#"pa/ss "word"&1"#)
        let text = #"raw pa/ss "word"&1, json pa\/ss \"word\"&1, url pa%2Fss%20%22word%22%261, form pa%2Fss+%22word%22%261"#
        #expect(redactor.redact(text) == "raw ***, json ***, url ***, form ***")
    }

    @Test("Short values are not redacted (they would blank ordinary words)")
    func shortValuesAreIgnored() {
        let redactor = SecretRedactor()
        redactor.register("abc")
        redactor.register(nil)
        #expect(redactor.redact("abc abc") == "abc abc")
    }

    @Test("A secret that contains another is replaced whole")
    func longestFirst() {
        let redactor = SecretRedactor()
        redactor.register("token")
        redactor.register("token-and-more")
        #expect(redactor.redact("x token-and-more y token") == "x *** y ***")
    }

    @Test("The secrets of a request: secret headers, the scheme-less Authorization, cookies, JSON and form fields")
    func secretsOfARequest() {
        let keystone = HTTPRequestSpec(method: "POST", url: "http://k/v3/auth/tokens", headers: [("X-Auth-Token", "tok-1234")],
                                       body: Data(#"{"auth":{"identity":{"methods":["password","application_credential"],"password":{"user":{"name":"alice","password":"pw-9876"}},"application_credential":{"id":"ac","secret":"sec-5555"},"token":{"id":"old-token"}}}}"#.utf8))
        let values = Set(Redaction.secretValues(of: keystone))
        #expect(values.isSuperset(of: ["tok-1234", "pw-9876", "sec-5555", "old-token"]))
        #expect(!values.contains("alice"))
        let atmosphere = HTTPRequestSpec(method: "GET", url: "http://a", headers: [("Authorization", "Token abcdef123")])
        #expect(Set(Redaction.secretValues(of: atmosphere)) == ["Token abcdef123", "abcdef123"])
        let bonita = HTTPRequestSpec(method: "POST", url: "http://b/loginservice", headers: [("Cookie", "JSESSIONID=js-1; X-Bonita-API-Token=csrf-2")],
                                     body: Data("username=walter&password=p%40ss+word&redirect=false".utf8))
        #expect(Set(Redaction.secretValues(of: bonita)).isSuperset(of: ["js-1", "csrf-2", "p@ss word"]))
    }
}

@Suite("Path segments")
struct PathSegmentTests {
    @Test("Dot segments and empty ids are refused with one line", arguments: [".", "..", ""])
    func refused(value: String) {
        #expect(throws: MembershipError.self) { try QueryEncoding.pathSegment(value, what: "a member id") }
    }

    @Test("Everything else is percent-encoded into one segment", arguments: [
        ("...", "..."), ("a/..", "a%2F.."), ("%2e%2e", "%252e%252e"), ("a b", "a%20b"), ("ä", "%C3%A4"),
    ])
    func encoded(value: String, expected: String) throws {
        #expect(try QueryEncoding.pathSegment(value) == expected)
    }
}
