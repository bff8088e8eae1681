import Foundation

/// Every decoder of server answers, each as one call on untrusted bytes, for the bounded fuzz run
/// (`memberdeck-fuzz`, run by the test suite). Behind an SPI so that it is not part of the SDK's API.
@_spi(Fuzzing) public enum FuzzSurface {
    public struct Decoder: Sendable {
        public let name: String
        /// Realistic inputs the fuzzer mutates.
        public let seeds: [String]
        public let run: @Sendable (Data) -> Void

        public init(name: String, seeds: [String], run: @escaping @Sendable (Data) -> Void) {
            self.name = name
            self.seeds = seeds
            self.run = run
        }
    }

    private static func response(_ body: Data, _ type: String = "application/json", headers: [(String, String)] = []) -> HTTPResponseData {
        HTTPResponseData(status: 200, headers: [("Content-Type", type)] + headers, body: body)
    }

    private static func json<T: Decodable & Sendable>(_ type: T.Type) -> @Sendable (Data) -> Void {
        { _ = try? JSONResponse.decode(response($0)) as T }
    }

    public static let decoders: [Decoder] = [
        Decoder(name: "error body (JSON)", seeds: [
            #"{"message":"Member 2222 is duplicated<br /><br />\n\n\n","code":"409 Conflict","title":"Conflict"}"#,
            #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
            #"{"overLimit":{"message":"Too many requests","retryAfter":"2"}}"#,
            #"{"group":["This field is required."],"non_field_errors":["x"],"nested":{"deep":["y"]}}"#,
            #"[{"field":["bad"]},"text"]"#,
        ], run: { _ = ErrorBodyDecoder.message(status: 400, contentType: "application/json", body: $0) }),
        Decoder(name: "error body (HTML)", seeds: [
            "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>Image x not found.<br /><br /></body></html>",
        ], run: { _ = ErrorBodyDecoder.message(status: 404, contentType: "text/html", body: $0) }),
        Decoder(name: "error body (untyped)", seeds: ["404 Not Found\n\nImage x not found.\n\n   "],
                run: { _ = ErrorBodyDecoder.message(status: 404, contentType: nil, body: $0) }),
        Decoder(name: "Bonita error body", seeds: [
            #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIForbiddenException","message":"This membership is already added to user","cause":{"exception":"class org.bonitasoft.engine.exception.AlreadyExistsException","message":"USERNAME=install | org.x.SIdentityException: Can't get"}}"#,
        ], run: { _ = BonitaErrorBody.message(status: 403, contentType: "application/json", body: $0, emptyBody: nil) }),
        Decoder(name: "Keystone token", seeds: [
            #"{"token":{"expires_at":"2026-12-01T10:00:00.000000Z","issued_at":"2026-12-01T09:00:00Z","methods":["password"],"user":{"id":"u","name":"alice","domain":{"id":"default","name":"Default"}},"project":{"id":"p","name":"demo","domain":{"name":"Default"}},"roles":[{"id":"r","name":"member"}],"catalog":[{"type":"image","name":"glance","endpoints":[{"interface":"public","region":"RegionOne","region_id":"RegionOne","url":"http://g:9292","id":"e"}]}]}}"#,
        ], run: { _ = try? KeystoneAuthRequest.token(from: response($0, headers: [("X-Subject-Token", "t")])) }),
        Decoder(name: "Glance v2 image page", seeds: [
            #"{"images":[{"id":"8a3c","name":"golden","status":"active","visibility":"shared","owner":"p","size":1024,"min_disk":0,"min_ram":0,"protected":false,"tags":["a"],"created_at":"2026-01-01T00:00:00Z"}],"next":"/v2/images?marker=8a3c","schema":"/v2/schemas/images"}"#,
        ], run: json(GlanceV2ImagePage.self)),
        Decoder(name: "Glance v2 members", seeds: [
            #"{"members":[{"member_id":"2222","image_id":"fdf4","status":"pending","created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:40:32Z","schema":"/v2/schemas/member"}],"schema":"/v2/schemas/members"}"#,
        ], run: json(GlanceV2MemberList.self)),
        Decoder(name: "Glance v1 image page", seeds: [
            #"{"images":[{"id":"a","name":"n","status":"active","is_public":false,"owner":"p","size":1,"created_at":"2026-01-01T00:00:00","properties":{"k":"v"}}]}"#,
        ], run: json(GlanceV1ImagePage.self)),
        Decoder(name: "Glance v1 members", seeds: [#"{"members":[{"member_id":"p","can_share":true}]}"#, #"{"memberships":[{"member_id":"p","can_share":false}]}"#],
                run: json(GlanceV1MemberList.self)),
        Decoder(name: "Atmosphere (DRF) image page", seeds: [
            #"{"count":1,"next":"https://a/api/v2/images?page=2","previous":null,"results":[{"id":1,"uuid":"u","name":"n","created_by":{"id":1,"username":"u"},"versions":[{"id":"v","name":"1.0"}],"tags":[],"url":"https://a"}]}"#,
        ], run: json(AtmospherePage<AtmosphereImage>.self)),
        Decoder(name: "Atmosphere (DRF) memberships page", seeds: [
            #"{"count":1,"next":null,"previous":null,"results":[{"id":3,"image_version":{"id":"v","name":"1.0"},"group":{"id":2,"name":"g"}}]}"#,
        ], run: json(AtmospherePage<AtmosphereMembership>.self)),
        Decoder(name: "Bonita users", seeds: [#"[{"id":"4","userName":"walter.bates","firstname":"Walter","lastname":"Bates","enabled":"true"}]"#],
                run: json([BonitaUser].self)),
        Decoder(name: "Bonita memberships", seeds: [
            #"[{"user_id":"4","group_id":"2","role_id":"1","assigned_by":"1","assigned_date":"2026-01-01 00:00:00.000","group_id_deploy":{"id":"2","name":"hr","path":"/acme/hr"},"role_id_deploy":{"id":"1","name":"member"}}]"#,
        ], run: json([BonitaMembership].self)),
        Decoder(name: "Bonita Content-Range", seeds: ["0-10/42", "1-100/99999999999999999999", "/", "0-1/-1"],
                run: { _ = BonitaPage<BonitaUser>.total(contentRange: String(decoding: $0, as: UTF8.self)) }),
        Decoder(name: "Retry-After", seeds: ["120", "Wed, 21 Oct 2015 07:28:00 GMT", "1e308", "-1"],
                run: { _ = RetryPolicy.parseRetryAfter(String(decoding: $0, as: UTF8.self)) }),
        Decoder(name: "pagination link", seeds: ["/v2/images?marker=x", "https://other/v2/images?marker=y", "http://[::1]:9/v2", "//evil/x"],
                run: { _ = URLJoining.resolve(link: String(decoding: $0, as: UTF8.self), versionedBase: "https://glance.example/image/v2") }),
    ]
}
