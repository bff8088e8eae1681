import Foundation
import Testing
@testable import MembershipKit

/// The next-page link read from a page's top level before its images are decoded.
@Suite("A top-level string member read without decoding the document")
struct JSONTopLevelMemberTests {
    private func next(_ text: String) -> String? { JSONTopLevelMember.string("next", in: Data(text.utf8)) }

    @Test("found first, last or between other members, whatever the spacing")
    func placesAndSpacing() {
        #expect(next(#"{"next": "/v2/images?marker=a", "images": []}"#) == "/v2/images?marker=a")
        #expect(next(#"{"images": [{"id": "1"}], "first": "/v2/images", "next": "/v2/images?marker=1"}"#) == "/v2/images?marker=1")
        #expect(next("{\n\t\"schema\" :\"/v2/schemas/images\" ,\r\n \"next\"\t:\t\"/v2/x\"\n}\n") == "/v2/x")
        #expect(next(#"{"count": 3, "ok": true, "none": null, "next": "/v2/y"}"#) == "/v2/y")
    }

    @Test("a 'next' inside an image is not the page's, and strings that look like JSON are skipped whole")
    func nestedAndTrickyStrings() {
        #expect(next(#"{"images": [{"id": "1", "next": "https://evil.example/steal"}]}"#) == nil)
        #expect(next(#"{"images": [{"next": "/inner", "tags": ["}", "]", "{\"next\": \"/fake\"}"]}], "next": "/v2/real"}"#) == "/v2/real")
        #expect(next(#"{"name": "a \"quoted\" \\ back\\slash, \"next\": \"/fake\"", "next": "/v2/ok"}"#) == "/v2/ok")
        #expect(next(#"{"deep": [[[{"a": [{"next": "/no"}]}]]], "next": "/v2/deep"}"#) == "/v2/deep")
    }

    @Test("escapes in the link are decoded")
    func escapedValue() {
        #expect(next(#"{"next": "\/v2\/images?marker=\u00e9t\u00e9&limit=5"}"#) == "/v2/images?marker=été&limit=5")
        #expect(next(#"{"next": "/v2/images?name=\ud83d\ude00"}"#) == "/v2/images?name=😀")
    }

    @Test("no link, or one it cannot follow, is nil", arguments: [
        #"{"images": []}"#, "{}", "[]", "", "   ", #"{"next": null}"#, #"{"next": 5}"#, #"{"next": {"href": "/v2/x"}}"#,
        #"{"next": "/v2/x"#, #"{"images": [1, 2, "next": "/v2/x"}"#, #"{"images": "unclosed, "next": "/v2/x"}"#,
        #"{"a" "next": "/v2/x"}"#, #"{"a": 1 "next": "/v2/x"}"#, #"{"\u006eext": "/v2/escaped-key"}"#, "{\"next\"",
        #"{"images": [], "next": "/v2/x\"#,
    ])
    func unreadable(_ text: String) {
        #expect(next(text) == nil)
    }

    @Test("the first of two top-level links is taken (the decoded page decides which is used)")
    func duplicateKeys() {
        #expect(next(#"{"next": "/v2/a", "next": "/v2/b"}"#) == "/v2/a")
    }

    @Test("agrees with JSONDecoder on 400 generated pages")
    func agreesWithTheDecoder() throws {
        struct Link: Decodable { var next: String? }
        var random = SeededGenerator(seed: 0x6E65_7874)
        let alphabet = Array("ab/?=&\"\\{}[]:, \n\tnext\u{e9}\u{1F600}\u{7}")
        func text() -> String { String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        func value(depth: Int) -> Any {
            switch Int.random(in: 0...(depth < 4 ? 6 : 3), using: &random) {
            case 0: return text()
            case 1: return Int.random(in: -1_000...1_000, using: &random)
            case 2: return Bool.random(using: &random)
            case 3: return NSNull()
            case 4: return (0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) }
            default:
                var object: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0...4, using: &random) { object[Bool.random(using: &random) ? "next" : text()] = value(depth: depth + 1) }
                return object
            }
        }
        for _ in 0..<400 {
            var page: [String: Any] = ["images": (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: 1) }]
            for _ in 0..<Int.random(in: 0...3, using: &random) { page[text()] = value(depth: 1) }
            if Bool.random(using: &random) { page["next"] = Bool.random(using: &random) ? "/v2/images?marker=" + text() : value(depth: 1) }
            let data = try JSONSerialization.data(withJSONObject: page, options: Bool.random(using: &random) ? [.prettyPrinted] : [])
            let decoded = try? JSONDecoder().decode(Link.self, from: data)
            #expect(JSONTopLevelMember.string("next", in: data) == decoded?.next, "\(String(decoding: data, as: UTF8.self))")
        }
    }
}
