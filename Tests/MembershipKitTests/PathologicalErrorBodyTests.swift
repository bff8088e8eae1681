import Foundation
import Testing
@testable import MembershipKit

/// Error bodies built to be slow: each used to cost tens of seconds of CPU (quadratic regular
/// expressions), bounded by no timeout. Each must now decode in time linear in the inspected prefix.
/// The time bound is a hang bound, ten times and more above what a linear pass takes on a slow
/// machine, not a benchmark.
@Suite("Pathological error bodies")
struct PathologicalErrorBodyTests {
    static let hangBound = Duration.seconds(5)

    private func decode(_ contentType: String?, _ body: String) -> (String, Duration) {
        let clock = ContinuousClock()
        var result = ""
        let elapsed = clock.measure {
            result = ErrorBodyDecoder.message(status: 400, contentType: contentType, body: Data(body.utf8))
        }
        return (result, elapsed)
    }

    @Test("A JSON message of 40,000 spaces")
    func spacesInJSON() {
        let (text, elapsed) = decode("application/json", #"{"message": "\#(String(repeating: " ", count: 40_000))x"}"#)
        #expect(text == "x")
        #expect(elapsed < Self.hangBound)
    }

    @Test("A JSON message of spaces and <br> fragments")
    func breaksInJSON() {
        let (text, elapsed) = decode("application/json", #"{"message": "m\#(String(repeating: " <br", count: 12_000)) <br />"}"#)
        #expect(text.hasPrefix("m <br <br"))
        #expect(elapsed < Self.hangBound)
    }

    @Test("An HTML body of 40,000 '<'", arguments: ["text/html", nil] as [String?])
    func openingBrackets(contentType: String?) {
        let (text, elapsed) = decode(contentType, String(repeating: "<", count: 40_000))
        #expect(text.hasPrefix("<<<"))
        #expect(text.count <= 400)
        #expect(elapsed < Self.hangBound)
    }

    @Test("HTML with unclosed headings and titles, and tags that never end")
    func unclosedElements() {
        let body = "<html><body>" + String(repeating: "<h1>x<title>y<", count: 10_000) + "end"
        let (_, elapsed) = decode("text/html", body)
        #expect(elapsed < Self.hangBound)
    }

    @Test("A body of many megabytes is read only as far as its first 64 KiB")
    func hugeBody() {
        let (text, elapsed) = decode("text/plain", "400 Bad Request\n\nstart " + String(repeating: "y", count: 8_000_000))
        #expect(text.hasPrefix("start yyy"))
        #expect(text.count <= 400)
        #expect(elapsed < Self.hangBound)
    }

    @Test("Bonita's exception JSON with a pathological message")
    func bonitaMessage() {
        let message = String(repeating: "a.b.c.D: ", count: 20_000)
        let body = Data(#"{"exception": "class x.Y", "message": "\#(message)"}"#.utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = BonitaErrorBody.message(status: 500, contentType: "application/json", body: body, emptyBody: nil)
        }
        #expect(elapsed < Self.hangBound)
    }

    @Test("The linear HTML reader keeps what the old one kept")
    func htmlStillReads() {
        #expect(decode("text/html", "<html><head><title>409 Conflict</title></head><body><h1>409 Conflict</h1>Member is duplicated.<br /><br /></body></html>").0
            == "Member is duplicated.")
        #expect(decode("text/html", "a < b and c > d").0 == "a d")
        #expect(decode("text/plain", "tail <BR/>  <br>\n").0 == "tail")
    }
}
