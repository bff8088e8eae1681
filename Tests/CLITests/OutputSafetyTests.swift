import Foundation
@testable import memberdeck
@testable import Sandbox
import MembershipKit
import Testing
import TerminalText
import Yams

/// Every output format is safe on a terminal: json and yaml escape every character a terminal would
/// obey or hide (and still give back the server's exact string); csv, table and value show them as
/// the console does.
@Suite("Output formats on a terminal")
struct OutputSafetyTests {
    /// The demo seed's names (hostile ones among them) and characters that are hard to carry.
    static let strings: [String] = GlanceDemoSeed.images.map(\.name) + [
        "nul\u{0}byte", "line\u{2028}separator", "para\u{2029}separator", "\u{FEFF}bom", "rtl\u{202E}override", "zero\u{200B}width",
        "tag\u{E0041}char", "del\u{7F}", "nel\u{85}", "csi\u{9B}2J", "quote\"back\\slash", "tab\tcr\rlf\n", "emoji-🌦️-é", "", " spaced ",
        "yes", "null", "123", "- dash", "#hash", "colon: value", "{brace}", "'single'",
    ]

    /// Characters no format may print raw: controls, DEL, C1, bidi controls, invisible characters, separators.
    static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || [0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0x2029].contains(value)
            || (0x200B...0x200D).contains(value) || (0xE0000...0xE007F).contains(value) || (0xFFF9...0xFFFB).contains(value)
    }

    static func listing(single: Bool = false) -> Listing {
        let records = strings.enumerated().map { index, text in
            Record([("id", .int(Int64(index))), ("name", .string(text)), ("tags", .list([text, "plain"])), ("flag", .bool(index % 2 == 0)),
                    ("none", .null)])
        }
        return Listing(columns: [Column(key: "id", heading: "ID"), Column(key: "name", heading: "Name"), Column(key: "tags", heading: "Tags")],
                       records: records, single: single)
    }

    static func expectNothingRaw(_ output: String, _ format: OutputFormat, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = output.unicodeScalars.filter(isHostile).map { String($0.value, radix: 16) }
        #expect(raw.isEmpty, "\(format) printed raw U+\(raw.joined(separator: ", U+"))", sourceLocation: sourceLocation)
    }

    @Test("json escapes every hostile character and parses back to the exact strings")
    func json() throws {
        let output = ListingRenderer.render(Self.listing(), as: .json)
        Self.expectNothingRaw(output, .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["name"] as? String } == Self.strings)
        #expect(parsed.map { ($0["tags"] as? [String])?.first } == Self.strings)
        #expect(parsed.first?["flag"] as? Bool == true && parsed.first?["none"] is NSNull && parsed.first?["id"] as? Int == 0)
    }

    /// What Yams gives back for `text`: it decodes each scalar with Foundation's
    /// `String(bytes:encoding: .utf8)`, which drops a leading U+FEFF even when the yaml escaped it.
    static func yamsReading(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    @Test("yaml escapes every hostile character and parses back to the exact strings")
    func yaml() throws {
        let output = ListingRenderer.render(Self.listing(), as: .yaml)
        Self.expectNothingRaw(output, .yaml)
        #expect(output.contains("\"\\ufeffbom\""), "a leading BOM is kept, escaped")
        let parsed = try #require(try Yams.load(yaml: output) as? [[String: Any]], "\(output.prefix(500))")
        #expect(parsed.map { $0["name"] as? String } == Self.strings.map(Self.yamsReading))
        #expect(parsed.map { ($0["tags"] as? [String])?.first } == Self.strings.map(Self.yamsReading))
        #expect(parsed.first?["flag"] as? Bool == true && parsed.first?["id"] as? Int == 0)
        #expect(parsed.first.map { $0.keys.contains("none") && !($0["none"] is String) } == true)
    }

    @Test("a single object in yaml is a mapping that parses back", arguments: strings)
    func yamlSingle(text: String) throws {
        let listing = Listing(columns: [], records: [Record([("name", .string(text)), ("tags", .list([]))])], single: true)
        let output = ListingRenderer.render(listing, as: .yaml)
        Self.expectNothingRaw(output, .yaml)
        let parsed = try #require(try Yams.load(yaml: output) as? [String: Any], "\(output)")
        #expect(parsed["name"] as? String == Self.yamsReading(text))
        #expect((parsed["tags"] as? [Any])?.isEmpty == true)
    }

    @Test("an empty list is [] in json and yaml")
    func emptyLists() throws {
        let empty = Listing(columns: [], records: [])
        #expect(ListingRenderer.render(empty, as: .json) == "[]\n")
        #expect(try Yams.load(yaml: ListingRenderer.render(empty, as: .yaml)) as? [Any] != nil)
    }

    @Test("csv shows the console's visible escapes and stays RFC 4180")
    func csv() throws {
        let output = ListingRenderer.render(Self.listing(), as: .csv)
        let withoutRecordEnds = output.replacingOccurrences(of: "\r\n", with: "")
        Self.expectNothingRaw(withoutRecordEnds, .csv)
        #expect(output.contains("title^[]0;pwned^G-bell"))
        #expect(output.contains("bidi-\\u{202e}gnp.exe"))
        #expect(output.contains("\"quote\"\"back\\slash\""), "quotes are still doubled")
        #expect(output.contains("tab^Icr^Mlf^J"))
        #expect(output.split(separator: "\r\n").count == Self.strings.count + 1, "one line per record")
    }

    @Test("table and value show the console's visible escapes", arguments: [OutputFormat.table, .value])
    func tableAndValue(format: OutputFormat) {
        let output = ListingRenderer.render(Self.listing(), as: format)
        Self.expectNothingRaw(output, format)
    }
}

/// Tables on a terminal fit its width; the other formats, and tables on a pipe, keep everything.
@Suite("Output fitted to the terminal")
struct OutputFitTests {
    static let listing = Listing(columns: [Column(key: "id", heading: "ID"), Column(key: "name", heading: "Name"), Column(key: "status", heading: "Status")],
                                 records: [Record([("id", .string("0f7c45d9-dc63-47c5-be25-1ba6814ee9e5")),
                                                   ("name", .string("very-long-image-name-" + String(repeating: "x", count: 60))),
                                                   ("status", .string("active"))])])

    @Test("a table wider than the terminal is cut with … to fit; json keeps every character")
    func fitted() {
        let fitted = ListingRenderer.render(Self.listing, as: .table, width: 60)
        for line in fitted.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
        #expect(fitted.contains("…"))
        #expect(fitted.contains("Status") && fitted.contains("active"))
        let whole = ListingRenderer.render(Self.listing, as: .table)
        #expect(whole.contains(String(repeating: "x", count: 60)) && !whole.contains("…"))
        #expect(ListingRenderer.render(Self.listing, as: .json, width: 60).contains(String(repeating: "x", count: 60)))
    }

    @Test("a terminal too narrow for every heading cuts cells no further than their heading or 8 columns")
    func floors() {
        let fitted = ListingRenderer.render(Self.listing, as: .table, width: 10)
        let heading = String(fitted.split(separator: "\n")[0])
        #expect(heading.hasPrefix("ID        Name      Status"))
    }

    @Test("the retry notice gives the real wait", arguments: [(0.17, "0.17 s"), (0.333, "0.33 s"), (1.5, "1.5 s"), (2, "2 s"), (120, "120 s"), (0, "0 s")])
    func retryDelay(delay: Double, text: String) {
        #expect(RetryDelay.text(delay) == text)
    }
}

@Suite("Server waits on the command line")
struct ServerWaitOptionTests {
    @Test("by default a command waits out a server's Retry-After up to 15 minutes; --no-wait makes none")
    func retryPolicy() throws {
        let waits = try GlobalOptions.parse([])
        #expect(CommandContext(options: waits).retryPolicy.maxRetryAfter == 900)
        let noWait = try GlobalOptions.parse(["--no-wait"])
        let policy = CommandContext(options: noWait).retryPolicy
        #expect(policy.maxRetryAfter == 0)
        #expect(policy.decide(method: "GET", attempt: 1, outcome: .response(status: 413, retryAfter: 120), jitter: 0) == .giveUp)
        #expect(RetryPolicy(maxRetryAfter: 900).decide(method: "GET", attempt: 1, outcome: .response(status: 413, retryAfter: 120), jitter: 0)
                == .retry(after: 120))
        // Before the subcommand, as the other global options.
        #expect(GlobalOptionHoisting.reorder(["--no-wait", "members", "list", "x"]) == ["members", "list", "--no-wait", "x"])
    }

    @Test("an error naming a wait says how long, in the words of the retry notice")
    func errorNamesTheWait() {
        let error = MembershipError.http(HTTPFailure(status: 413, message: "OverLimit Retry...", requestID: "req-1", method: "GET", url: "u", retryAfter: 120))
        #expect(error.description == "413 Request Entity Too Large: OverLimit Retry... (request req-1); the server asks to wait 120 s before trying again")
        #expect(error.retryAfter == 120)
    }
}
