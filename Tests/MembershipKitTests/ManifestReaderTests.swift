import Foundation
import Testing
@testable import MembershipKit

/// The manifest format: what it takes on each system, and the one-line refusal (file and line) of
/// everything else, including files built to exhaust a reader.
@Suite("Manifest reader")
struct ManifestReaderTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    func read(_ text: String, _ system: ManifestSystem = .glanceV2) throws -> ManifestDocument {
        let path = try folder.write("m.yaml", text)
        return try ManifestReader.read(try ManifestReader.header(path: path), system: system)
    }

    /// The refusal of `text`, as printed (the folder's path left out).
    func refusal(_ text: String, _ system: ManifestSystem = .glanceV2) -> String {
        do {
            _ = try read(text, system)
            return "accepted"
        } catch let error as ManifestError {
            return error.description.replacingOccurrences(of: folder.url("m.yaml"), with: "m.yaml")
        } catch {
            return "\(error)"
        }
    }

    @Test("a Glance v2 manifest: names, globs, ids as given, flags, and the line of every value")
    func glanceV2() throws {
        let document = try read("""
            cloud: prod
            member_quota: 200
            shares:
              - image: golden-*
                members: [analytics, webapps@Default]
                accept: true
              - image: 5e4d0007-6d0c-4e1a-9b7f-00d300000007
                exclusive: true
                make_shared: true
                members:
                  - project: ops
                  - id: not-a-keystone-id
            """)
        #expect(document.cloud == Located("prod", line: 1) && document.endpoint == nil && document.memberQuota == 200)
        #expect(document.shares.count == 2)
        let first = document.shares[0], second = document.shares[1]
        #expect(first.subject == Located("golden-*", line: 4) && first.accept && !first.exclusive && !first.makeShared)
        #expect(first.members.map(\.reference) == ["analytics", "webapps@Default"] && first.members.allSatisfy { $0.line == 5 && !$0.asID })
        #expect(second.exclusive && second.makeShared && !second.accept)
        #expect(second.members == [ManifestMember(line: 11, reference: "ops"), ManifestMember(line: 12, reference: "not-a-keystone-id", asID: true)])
    }

    @Test("each system's own keys: can_share on Glance v1, versions and groups on Atmosphere, group and role on Bonita")
    func otherSystems() throws {
        let v1 = try read("shares:\n  - image: x\n    can_share: true\n    members:\n      - p1\n      - {id: p2, can_share: false}\n", .glanceV1)
        #expect(v1.shares[0].canShare && v1.shares[0].members.map(\.canShare) == [nil, false])
        let atmosphere = try read("endpoint: atmo\nshares:\n  - version: \"GIS:1.*\"\n    members: [lab, {group: staff}]\n", .atmosphere)
        #expect(atmosphere.endpoint?.value == "atmo" && atmosphere.shares[0].members.map(\.reference) == ["lab", "staff"])
        let bonita = try read("shares:\n  - user: walter.bates\n    members:\n      - {group: /acme/hr, role: member}\n", .bonita)
        #expect(bonita.shares[0].members == [ManifestMember(line: 4, reference: "/acme/hr", role: "member")])
        // An empty list, or none at all, is a manifest that asks for nothing.
        #expect(try read("shares: []\n").shares.isEmpty)
        #expect(try read("shares:\n").shares.isEmpty)
        #expect(try read("shares:\n  - image: x\n    members:\n").shares[0].members.isEmpty)
    }

    @Test("every mistake is one line naming the file and the line")
    func refusals() {
        #expect(refusal("shares:\n  - image: x\n    membrs: [a]\n") == "m.yaml: line 3: unknown key 'membrs' in a share (Glance v2 takes image, members, exclusive, accept, make_shared)")
        #expect(refusal("shares:\n  - image: x\n    exclusive: yes please\n") == "m.yaml: line 3: exclusive must be true or false, not 'yes please'")
        #expect(refusal("shares:\n  - image: x\n    accept: \"true\"\n") == "m.yaml: line 3: accept must be true or false, not 'true'")
        #expect(refusal("shares:\n  - members: [a]\n") == "m.yaml: line 2: this share has no image: (Glance v2 shares name one)")
        #expect(refusal("shares:\n  - image:\n") == "m.yaml: line 2: image must be text, not nothing")
        #expect(refusal("shares:\n  - image: [a]\n") == "m.yaml: line 2: image must be text, not a list")
        #expect(refusal("shares: {image: x}\n") == "m.yaml: line 1: shares must be a list, not a map")
        #expect(refusal("shares:\n  - golden\n") == "m.yaml: line 2: each share must be a map with image: and members:, not 'golden'")
        #expect(refusal("shares:\n  - image: x\n    members: analytics\n") == "m.yaml: line 3: members must be a list, not 'analytics'")
        #expect(refusal("shares:\n  - image: x\n    members:\n      - [a, b]\n") == "m.yaml: line 4: a Glance v2 member is a project (name, name@domain or id), or a map with project: or id:, not a list")
        #expect(refusal("shares:\n  - image: x\n    members:\n      - {project: a, id: b}\n") == "m.yaml: line 4: a member map has project: (a name or id) or id: (taken as given), one of the two")
        #expect(refusal("shares:\n  - image: x\n    members:\n      - {project: a, can_share: true}\n") == "m.yaml: line 4: unknown key 'can_share' in a member (Glance v2 takes project, id)")
        #expect(refusal("shares:\n  - image: x\n    image: y\n") == "m.yaml: line 2: duplicate keys: image")
        #expect(refusal("cloud: a\nendpoint: b\nshares: []\n") == "m.yaml: line 1: cloud: and endpoint: exclude each other: a manifest applies to one place")
        #expect(refusal("clouds: a\nshares: []\n") == "m.yaml: line 1: unknown key 'clouds' in the top level (Glance v2 takes cloud, endpoint, member_quota, shares)")
        #expect(refusal("member_quota: 0\nshares: []\n") == "m.yaml: line 1: member_quota must be a whole number from 1 to 1000000, not '0'")
        #expect(refusal("member_quota: 5\nshares: []\n", .bonita).hasPrefix("m.yaml: line 1: unknown key 'member_quota' in the top level"))
        #expect(refusal("cloud: a\n") == "m.yaml: has no shares: list")
        #expect(refusal("") == "m.yaml: is empty: a manifest has a shares: list")
        #expect(refusal("- a\n") == "m.yaml: line 1: must be a map with a shares: list, not a list")
        #expect(refusal("shares:\n  - user: u\n    members: [hr]\n", .bonita) == "m.yaml: line 3: a Bonita member is a map with group: and role:, not 'hr'")
        #expect(refusal("shares:\n  - user: u\n    members:\n      - {group: hr}\n", .bonita) == "m.yaml: line 4: a Bonita member has both group: (name, path or id) and role: (name or id)")
        #expect(refusal("shares:\n  - user: \"walter*\"\n", .bonita) == "m.yaml: line 2: Bonita users cannot be globs: name each one")
        #expect(refusal("shares:\n  - image: x\n    accept: true\n", .atmosphere).hasPrefix("m.yaml: line 2: unknown key 'image' in a share (Atmosphere takes version, members, exclusive)"))
    }

    @Test("hostile files: too large, alias bombs and deep nesting are refused in one line, fast")
    func hostileFiles() {
        #expect(refusal("shares: [" + String(repeating: "{image: x}, ", count: 100_000) + "]\n").contains("is larger than 1024 KiB"))
        #expect(refusal(HostileYAML.laughs(key: "shares")).contains("more than 100000 values"))
        #expect(refusal(HostileYAML.nested(key: "shares", depth: 300)).contains("nests deeper than 256 levels"))
        #expect(refusal("shares:\n  - image: x\n    members: [\(String(repeating: "a, ", count: 10))b]\n  - &a {image: y}\n  - *a\n") == "accepted")
    }
}

/// The writer of exported manifests: what it writes reads back as the same strings.
@Suite("Manifest writer")
struct ManifestWriterTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    @Test("plain words stay plain; anything YAML would read otherwise is quoted")
    func scalars() {
        for plain in ["golden-ubuntu-24.04", "analytics", "/acme/hr", "walter.bates", "a@b", "e5b7d4a63fc04ab1c26dae9f8a7b6c54"] {
            #expect(ManifestWriter.scalar(plain) == plain)
        }
        for quoted in ["true", "No", "null", "1.0", "2024.1", "0x10", "1e3", "12:30", "", "- x", "#x", "a: b", "a #b", "*glob", "&x", "!t", "[x]", "x y",
                       "5e4d0007-6d0c-4e1a-9b7f-00d300000007", "é"] {
            #expect(ManifestWriter.scalar(quoted).hasPrefix("\""), "\(quoted)")
        }
        #expect(ManifestWriter.scalar("title\u{1B}]0;pwned\u{07}") == "\"title\\u001B]0;pwned\\u0007\"")
    }

    @Test("an export reads back to the same subjects and members, for hostile names too (bounded, seeded)")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("aZ09-_./@: #\"'\\*&!%[]{},|>?\t\n\u{1B}\u{7}\u{9B}\u{200B}\u{202E}\u{2028}éΩ🌦️")
        for round in 0..<200 {
            let name = String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let member = String((0..<Int.random(in: 1...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let shares = [ExportedShare(subject: name, comment: name, members: [ExportedMember(reference: member, asID: true, comment: member)], accept: round % 2 == 0)]
            let text = ManifestWriter.text(shares, system: .glanceV2, place: .init(key: "cloud", name: name, description: name), exportedAt: "now")
            let path = try folder.write("round.yaml", text)
            let header = try ManifestReader.header(path: path)
            let document = try ManifestReader.read(header, system: .glanceV2)
            #expect(header.cloud?.value == name, "\(text)")
            #expect(document.shares.map(\.subject.value) == [name] && document.shares[0].exclusive && document.shares[0].accept == (round % 2 == 0), "\(text)")
            #expect(document.shares[0].members.map(\.reference) == [member] && document.shares[0].members[0].asID, "\(text)")
            // No line break or control character of a name reaches the file unescaped.
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{2028}" }, "\(text)")
            #expect(text.split(separator: "\n").count == 9, "\(text)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure repeats.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
