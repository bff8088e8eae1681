import Foundation
import NIOHTTP1

/// The scripted Keystone and Glance v2 session run against both sides: authentication and its errors,
/// image create/show/list with paging and parameter errors, image update (JSON patch), and the member API
/// as owner, member, stranger and admin, including every error Glance documents for it. Each step yields
/// one observation.
enum DifferentialScenario {
    typealias Step = (name: String, observation: Observation)

    static let missingMarker = "0b5c8d1e-9f2a-4c3b-8d7e-6f5a4b3c2d1e"

    static func run(on target: DifferentialTarget) async throws -> [Step] {
        var steps: [Step] = []
        func record(_ name: String, _ exchange: Exchange, compareBody: Bool = false) {
            steps.append((name, Observation(exchange, target: target, compareBody: compareBody)))
        }
        let owner = target.accounts[.owner]!

        // Keystone.
        record("keystone: password auth", try await target.keystone(.POST, "/auth/tokens", body: DifferentialTarget.passwordBody(owner)))
        record("keystone: wrong password", try await target.keystone(.POST, "/auth/tokens", body: DifferentialTarget.passwordBody(owner, password: "wrong")))
        record("keystone: not JSON", try await target.keystone(.POST, "/auth/tokens", body: "not json"))
        record("keystone: no auth", try await target.keystone(.POST, "/auth/tokens", body: "{}"))
        record("keystone: user without domain", try await target.keystone(.POST, "/auth/tokens",
            body: #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(owner.user)","password":"x"}}}}}"#))
        record("keystone: token method", try await target.keystone(.POST, "/auth/tokens",
            body: #"{"auth":{"identity":{"methods":["token"],"token":{"id":"\#(target.tokens[.owner]!)"}}}}"#))
        record("keystone: unknown token", try await target.keystone(.POST, "/auth/tokens",
            body: #"{"auth":{"identity":{"methods":["token"],"token":{"id":"not-a-token"}}}}"#))
        record("keystone: validate", try await target.keystone(.GET, "/auth/tokens",
            headers: [("X-Auth-Token", target.tokens[.owner]!), ("X-Subject-Token", target.tokens[.owner]!)]))
        try await recordTokenPolicy(on: target) { record($0, $1) }
        try await recordProjects(on: target) { record($0, $1) }
        try await recordIdentity(on: target) { record($0, $1) }
        // JSON nested past Python's recursion limit ends in gunicorn's 500 page.
        let deep = #"{"x":"# + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + "}"
        record("keystone: JSON nested 1000 deep", try await target.keystone(.POST, "/auth/tokens", body: deep), compareBody: true)
        // oslo's sizelimit middleware in front of Keystone: 114688 bytes pass, one more is 413.
        let padding = String(repeating: "x", count: 114_688 - 8)
        record("keystone: a body of 114688 bytes", try await target.keystone(.POST, "/auth/tokens", body: #"{"a":"\#(padding)"}"#))
        record("keystone: a body of 114689 bytes", try await target.keystone(.POST, "/auth/tokens", body: #"{"a":"\#(padding)x"}"#))

        // Discovery and authentication in front of Glance.
        record("glance: versions", try await target.glance(.GET, "/versions", as: nil))
        record("glance: no token", try await target.glance(.GET, "/v2/images", as: nil))
        record("glance: /v2/ is not a route", try await target.glance(.GET, "/v2/", as: .owner))
        record("glance: / lists the versions (300)", try await target.glance(.GET, "/", as: nil))
        record("glance: /v1 is gone (300)", try await target.glance(.GET, "/v1/images", as: .owner))

        // Images.
        let stem = "diff-" + UUID().uuidString.prefix(8).lowercased()
        let shared = try await target.glance(.POST, "/v2/images", as: .owner,
            body: #"{"name":"\#(stem)-shared","disk_format":"raw","container_format":"bare"}"#)
        guard let sharedID = (shared.json as? [String: Any])?["id"] as? String else { throw DifferentialError(message: "create failed: \(shared.body)") }
        target.remember(sharedID, as: "<image:shared>")
        record("images: create shared", shared)
        let privateImage = try await target.glance(.POST, "/v2/images", as: .owner,
            body: #"{"name":"\#(stem)-private","disk_format":"raw","container_format":"bare","visibility":"private"}"#)
        guard let privateID = (privateImage.json as? [String: Any])?["id"] as? String else { throw DifferentialError(message: "create failed: \(privateImage.body)") }
        target.remember(privateID, as: "<image:private>")
        target.remember(stem, as: "<stem>")
        record("images: create private", privateImage)
        record("images: show", try await target.glance(.GET, "/v2/images/<image:shared>", as: .owner))
        record("images: show missing", try await target.glance(.GET, "/v2/images/\(missingMarker)", as: .owner))
        record("images: stranger cannot see a shared image", try await target.glance(.GET, "/v2/images/<image:shared>", as: .stranger))
        record("images: first page of one", try await target.glance(.GET, "/v2/images?limit=1&name=\(stem)-shared", as: .owner))
        record("images: limit=0 is an empty page without next", try await target.glance(.GET, "/v2/images?limit=0", as: .owner))
        record("images: unknown parameters filter on properties", try await target.glance(.GET, "/v2/images?colour=blue", as: .owner))
        record("images: sorted by two keys", try await target.glance(.GET, "/v2/images?sort=name:asc,size:desc&limit=2", as: .owner))
        for (label, query) in [("negative limit", "limit=-1"), ("limit not a number", "limit=x"), ("bad sort key", "sort=colour:asc"),
                               ("bad sort direction", "sort_key=name&sort_dir=up"), ("mixed sort syntax", "sort=name&sort_key=id"),
                               ("bad member_status", "member_status=maybe"), ("bad visibility", "visibility=secret"),
                               ("missing marker", "marker=\(missingMarker)")] {
            record("images: \(label)", try await target.glance(.GET, "/v2/images?\(query)", as: .owner))
        }

        try await recordImageUpdates(on: target, stem: stem) { record($0, $1, compareBody: $2) }
        try await recordImageData(on: target) { record($0, $1, compareBody: $2) }
        try await recordImageProperties(on: target, stem: stem) { record($0, $1, compareBody: $2) }

        // Member API: body checks come first.
        let members = "/v2/images/<image:shared>/members"
        record("members: POST without body", try await target.glance(.POST, members, as: .owner))
        record("members: POST malformed JSON", try await target.glance(.POST, members, as: .owner, body: "{"))
        record("members: POST a list", try await target.glance(.POST, members, as: .owner, body: "[]"))
        record("members: POST a JSON string", try await target.glance(.POST, members, as: .owner, body: #""x""#))
        record("members: POST without member", try await target.glance(.POST, members, as: .owner, body: #"{"project":"x"}"#))
        record("members: POST empty member", try await target.glance(.POST, members, as: .owner, body: #"{"member":""}"#))
        record("members: member cannot share before being one", try await target.glance(.POST, members, as: .member, body: #"{"member":"<project:stranger>"}"#))

        // Sharing, answering, the owner's and the member's views.
        record("members: owner shares", try await target.glance(.POST, members, as: .owner, body: #"{"member":"<project:member>"}"#))
        record("members: duplicate", try await target.glance(.POST, members, as: .owner, body: #"{"member":"<project:member>"}"#))
        record("members: owner lists", try await target.glance(.GET, members, as: .owner))
        record("members: member lists own row", try await target.glance(.GET, members, as: .member))
        record("members: member shows own row", try await target.glance(.GET, members + "/<project:member>", as: .member))
        record("members: member cannot share", try await target.glance(.POST, members, as: .member, body: #"{"member":"<project:stranger>"}"#))
        record("members: owner cannot accept", try await target.glance(.PUT, members + "/<project:member>", as: .owner, body: #"{"status":"accepted"}"#))
        record("members: PUT without status", try await target.glance(.PUT, members + "/<project:member>", as: .member, body: #"{"state":"accepted"}"#))
        record("members: PUT bad status", try await target.glance(.PUT, members + "/<project:member>", as: .member, body: #"{"status":"Accepted"}"#))
        record("members: member accepts", try await target.glance(.PUT, members + "/<project:member>", as: .member, body: #"{"status":"accepted"}"#))
        record("members: member rejects", try await target.glance(.PUT, members + "/<project:member>", as: .member, body: #"{"status":"rejected"}"#))
        record("members: admin resets to pending", try await target.glance(.PUT, members + "/<project:member>", as: .admin, body: #"{"status":"pending"}"#))
        record("members: member cannot remove itself", try await target.glance(.DELETE, members + "/<project:member>", as: .member))
        record("members: member cannot see another row", try await target.glance(.GET, members + "/<project:owner>", as: .member))
        record("members: missing row", try await target.glance(.GET, members + "/<project:stranger>", as: .owner))
        record("members: stranger sees no image", try await target.glance(.GET, members, as: .stranger))
        record("members: stranger cannot answer", try await target.glance(.PUT, members + "/<project:stranger>", as: .stranger, body: #"{"status":"accepted"}"#))
        record("members: GET with a body", try await target.glance(.GET, members, as: .owner, body: "{}"))
        record("members: PUT on the collection", try await target.glance(.PUT, members, as: .owner, body: "{}"))
        record("members: POST on a member", try await target.glance(.POST, members + "/<project:member>", as: .owner, body: "{}"))
        record("members: trailing slash", try await target.glance(.GET, members + "/", as: .owner))
        record("members: error as plain text", try await target.glance(.GET, members + "/<project:stranger>", as: .owner, accept: nil), compareBody: true)
        record("members: error as HTML", try await target.glance(.GET, members + "/<project:stranger>", as: .owner, accept: "*/*"), compareBody: true)
        record("members: numeric member id", try await target.glance(.POST, members, as: .owner, body: #"{"member":12345}"#))

        // Private images have no members (and their codes differ by call).
        let privateMembers = "/v2/images/<image:private>/members"
        record("private: list", try await target.glance(.GET, privateMembers, as: .owner))
        record("private: show", try await target.glance(.GET, privateMembers + "/<project:member>", as: .owner))
        record("private: add", try await target.glance(.POST, privateMembers, as: .owner, body: #"{"member":"<project:member>"}"#))
        record("private: update", try await target.glance(.PUT, privateMembers + "/<project:member>", as: .owner, body: #"{"status":"accepted"}"#))
        record("private: delete", try await target.glance(.DELETE, privateMembers + "/<project:member>", as: .owner))

        // Listing shared images by member status, from the member's side.
        record("list: pending shares", try await target.glance(.GET, "/v2/images?member_status=pending&visibility=shared&name=\(stem)-shared", as: .member))
        record("list: accepted shares (none)", try await target.glance(.GET, "/v2/images?visibility=shared&name=\(stem)-shared", as: .member))

        // JSON nested past Python's recursion limit is Glance's own 500.
        record("members: JSON nested 1000 deep", try await target.glance(.POST, members, as: .owner,
            body: #"{"x":"# + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + #","member":"deep"}"#))
        record("images: a limit past any integer", try await target.glance(.GET, "/v2/images?limit=99999999999999999999999&name=\(stem)-shared", as: .owner))
        record("images: a query that is not UTF-8", try await target.glance(.GET, "/v2/images?name=%FF", as: .owner))
        let longQuery = String(repeating: "a", count: 5000)
        record("images: a request line over 4094 bytes", try await target.glance(.GET, "/v2/images?x=" + longQuery, as: .owner), compareBody: true)
        record("keystone: a request line over 4094 bytes", try await target.keystone(.GET, "/auth/tokens?x=" + longQuery,
            headers: [("X-Auth-Token", target.tokens[.owner]!), ("X-Subject-Token", target.tokens[.owner]!)]), compareBody: true)

        // Glance reads a body of any size: a 1.5 MB member id is stored.
        record("members: a 1.5 MB member id", try await target.glance(.POST, members, as: .owner,
            body: #"{"member":""# + String(repeating: "m", count: 1_500_000) + #""}"#))

        // Member ids are kept byte for byte, and decoded from the path.
        record("members: a member id with a NUL", try await target.glance(.POST, members, as: .owner, body: #"{"member":"nul\u0000member"}"#))
        record("members: show it through %00", try await target.glance(.GET, members + "/nul%00member", as: .owner))
        record("members: the id before the NUL is no member", try await target.glance(.GET, members + "/nul", as: .owner))
        record("members: remove it through %00", try await target.glance(.DELETE, members + "/nul%00member", as: .owner))
        record("members: show it again", try await target.glance(.GET, members + "/nul%00member", as: .owner))
        record("members: an encoded slash", try await target.glance(.GET, members + "/a%2Fb", as: .owner))

        // Removal.
        record("members: owner removes", try await target.glance(.DELETE, members + "/<project:member>", as: .owner))
        record("members: remove again", try await target.glance(.DELETE, members + "/<project:member>", as: .owner))
        record("members: DELETE with a body", try await target.glance(.DELETE, members + "/12345", as: .owner, body: "{}"))
        record("members: re-add after removal", try await target.glance(.POST, members, as: .owner, body: #"{"member":"<project:member>"}"#))

        // Clean up.
        record("images: delete shared", try await target.glance(.DELETE, "/v2/images/<image:shared>", as: .owner))
        record("images: delete private", try await target.glance(.DELETE, "/v2/images/<image:private>", as: .owner))
        record("images: delete again", try await target.glance(.DELETE, "/v2/images/<image:shared>", as: .owner))
        return steps
    }

    /// Image update (JSON patch) as memberdeck needs it: the owner makes a private image shared so that it
    /// can have members. Then who may not, and the deserializer's refusals with Glance's messages.
    private static func recordImageUpdates(on target: DifferentialTarget, stem: String,
                                           _ record: (String, Exchange, Bool) -> Void) async throws {
        let created = try await target.glance(.POST, "/v2/images", as: .owner,
            body: #"{"name":"\#(stem)-patch","disk_format":"raw","container_format":"bare","visibility":"private"}"#)
        guard let id = (created.json as? [String: Any])?["id"] as? String else { throw DifferentialError(message: "create failed: \(created.body)") }
        target.remember(id, as: "<image:patch>")
        let image = "/v2/images/<image:patch>"
        let v21 = "application/openstack-images-v2.1-json-patch", v20 = "application/openstack-images-v2.0-json-patch"
        func patch(_ body: String, as actor: DifferentialTarget.Actor = .owner, contentType: String? = v21,
                   accept: String? = "application/json") async throws -> Exchange {
            try await target.glance(.PATCH, image, as: actor, accept: accept, body: body, contentType: contentType)
        }
        let rename = #"[{"op":"replace","path":"/name","value":"renamed"}]"#

        record("update: the owner makes a private image shared", try await patch(#"[{"op":"replace","path":"/visibility","value":"shared"}]"#), false)
        record("update: now it can have members", try await target.glance(.POST, image + "/members", as: .owner, body: #"{"member":"<project:member>"}"#), false)
        record("update: a member cannot change it", try await patch(rename, as: .member), false)
        record("update: a stranger cannot see it", try await patch(#"[{"op":"replace","path":"/visibility","value":"private"}]"#, as: .stranger), false)
        record("update: only an admin makes an image public", try await patch(#"[{"op":"replace","path":"/visibility","value":"public"}]"#), false)
        record("update: renamed with the v2.0 media type", try await patch(#"[{"replace":"/name","value":"\#(stem)-renamed"}]"#, contentType: v20), false)
        record("update: a v2.0 add does not replace", try await patch(#"[{"add":"/name","value":"x"}]"#, contentType: v20), false)
        record("update: a v2.1 add replaces", try await patch(#"[{"op":"add","path":"/name","value":"\#(stem)-patch"}]"#), false)
        record("update: protected, min_ram, min_disk and tags at once", try await patch(
            #"[{"op":"replace","path":"/protected","value":false},{"op":"replace","path":"/min_ram","value":512},"#
                + #"{"op":"replace","path":"/min_disk","value":2},{"op":"replace","path":"/tags","value":["golden","golden","cis"]}]"#), false)
        record("update: an empty patch", try await patch("[]"), false)
        record("update: JSON is not JSON patch", try await patch(rename, contentType: "application/json"), false)
        record("update: JSON is not JSON patch, as plain text", try await patch(rename, contentType: "application/json", accept: nil), true)
        record("update: no content type", try await patch(rename, contentType: nil), false)
        record("update: a bad visibility value", try await patch(#"[{"op":"replace","path":"/visibility","value":"secret"}]"#), false)
        record("update: a read-only attribute", try await patch(#"[{"op":"replace","path":"/id","value":"x"}]"#), false)
        record("update: a reserved attribute", try await patch(#"[{"op":"add","path":"/os_glance_x","value":"x"}]"#), false)
        record("update: the name cannot be removed", try await patch(#"[{"op":"remove","path":"/name"}]"#), false)
        record("update: malformed JSON", try await patch("["), false)
        record("update: an object, not a list", try await patch(#"{"op":"replace","path":"/name","value":"x"}"#), false)
        record("update: an unknown op", try await patch(#"[{"op":"move","path":"/name","value":"x"}]"#), false)
        record("update: a path without a slash", try await patch(#"[{"op":"replace","path":"name","value":"x"}]"#), false)
        record("update: replace without a value", try await patch(#"[{"op":"replace","path":"/name"}]"#), false)
        record("update: a negative min_ram", try await patch(#"[{"op":"replace","path":"/min_ram","value":-1}]"#), false)
        let longName = (0..<60).map { "word\($0)" }.joined(separator: " ")
        record("update: a name over 255 characters", try await patch(#"[{"op":"replace","path":"/name","value":"\#(longName)"}]"#), false)
        record("update: a missing image", try await target.glance(.PATCH, "/v2/images/\(missingMarker)", as: .owner, body: rename, contentType: v21), false)
        record("update: PUT on an image", try await target.glance(.PUT, image, as: .owner, body: "{}"), false)
        record("update: PATCH on the list", try await target.glance(.PATCH, "/v2/images", as: .owner, body: "[]", contentType: v21), false)
        record("update: delete the image", try await target.glance(.DELETE, image, as: .owner), false)
    }
}
