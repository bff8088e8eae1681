import Foundation

/// Additional image properties, as openstackclient sends them (`owner_specified.openstack.*` on every
/// `image create`) and image pipelines set them (`os_distro`): created, shown, filtered on, patched, and
/// each refusal Glance 33 gives on the way, in the order it checks.
extension DifferentialScenario {
    static func recordImageProperties(on target: DifferentialTarget, stem: String,
                                      record: (String, Exchange, Bool) -> Void) async throws {
        func create(_ body: String) async throws -> Exchange {
            try await target.glance(.POST, "/v2/images", as: .owner, body: body)
        }
        let created = try await create(#"{"name":"\#(stem)-props","os_distro":"debian","owner_specified.openstack.md5":"abc","#
            + #""disk_format":"raw","container_format":"bare"}"#)
        guard let id = (created.json as? [String: Any])?["id"] as? String else { throw DifferentialError(message: "create failed: \(created.body)") }
        target.remember(id, as: "<image:props>")
        record("properties: create with two", created, false)
        let image = "/v2/images/<image:props>"
        record("properties: shown", try await target.glance(.GET, image, as: .owner), false)
        record("properties: a filter that matches", try await target.glance(.GET, "/v2/images?os_distro=debian&name=\(stem)-props", as: .owner), false)
        record("properties: two filters that match", try await target.glance(.GET,
            "/v2/images?os_distro=debian&owner_specified.openstack.md5=abc&name=\(stem)-props", as: .owner), false)
        record("properties: a filter that does not", try await target.glance(.GET, "/v2/images?os_distro=ubuntu&name=\(stem)-props", as: .owner), false)

        let longName = String(repeating: "k", count: 256)
        for (label, body) in [("a value that is not a string", #"{"colour":5}"#),
                              ("a disallowed attribute first", #"{"self":"x","colour":5}"#),
                              ("the schema before what is reserved", #"{"deleted":"x","colour":5}"#),
                              ("a read-only attribute", #"{"status":"queued"}"#),
                              ("what is reserved before what is read-only", #"{"size":5,"deleted":"x"}"#),
                              ("the reserved namespace", #"{"os_glance_import":"x"}"#),
                              ("a name over 255 characters", #"{"\#(longName)":"x"}"#),
                              ("locations", #"{"locations":[]}"#),
                              ("another project's image", #"{"owner":"<project:member>"}"#),
                              ("129 properties", "{" + (0..<129).map { #""p\#($0)":"v""# }.joined(separator: ",") + "}")] {
            record("properties: create refused: \(label)", try await create(body), false)
        }

        let v21 = "application/openstack-images-v2.1-json-patch", v20 = "application/openstack-images-v2.0-json-patch"
        func patch(_ body: String, contentType: String = v21) async throws -> Exchange {
            try await target.glance(.PATCH, image, as: .owner, body: body, contentType: contentType)
        }
        record("properties: add one", try await patch(#"[{"op":"add","path":"/hw_disk_bus","value":"scsi"}]"#), false)
        record("properties: replace one", try await patch(#"[{"op":"replace","path":"/os_distro","value":"ubuntu"}]"#), false)
        record("properties: the filter follows", try await target.glance(.GET, "/v2/images?os_distro=ubuntu&name=\(stem)-props", as: .owner), false)
        record("properties: a v2.1 add replaces", try await patch(#"[{"op":"add","path":"/os_distro","value":"debian"}]"#), false)
        record("properties: a v2.0 add does not", try await patch(#"[{"add":"/os_distro","value":"x"}]"#, contentType: v20), false)
        record("properties: replace one that is not there", try await patch(#"[{"op":"replace","path":"/nothere","value":"x"}]"#), false)
        record("properties: remove one that is not there", try await patch(#"[{"op":"remove","path":"/nothere"}]"#), false)
        record("properties: a value that is not a string", try await patch(#"[{"op":"add","path":"/colour","value":5}]"#), false)
        record("properties: a reserved name", try await patch(#"[{"op":"add","path":"/deleted","value":"x"}]"#), false)
        record("properties: an escaped slash in the name", try await patch(#"[{"op":"add","path":"/a~1b","value":"x"}]"#), false)
        record("properties: remove one", try await patch(#"[{"op":"remove","path":"/hw_disk_bus"}]"#), false)
        let tooMany = (0..<126).map { #"{"op":"add","path":"/q\#($0)","value":"v"}"# }.joined(separator: ",")
        record("properties: past the quota, nothing is kept", try await patch("[" + tooMany + "]"), false)
        record("properties: as they were", try await target.glance(.GET, image, as: .owner), false)
        record("properties: a stranger does not see the image", try await target.glance(.GET, "/v2/images?os_distro=debian&name=\(stem)-props", as: .stranger), false)
        record("properties: delete the image", try await target.glance(.DELETE, image, as: .owner), false)
    }
}
