import Foundation
@testable import MembershipKit
import Testing

@Suite("Bonita error bodies, cookies, Content-Range and all-string items")
struct BonitaDecodingTests {
    static let toolkit = "org.bonitasoft.web.toolkit.client.common.exception.api."

    static func message(_ status: Int, _ body: String, emptyBody: String? = nil) -> String {
        BonitaErrorBody.message(status: status, contentType: "application/json;charset=UTF-8", body: Data(body.utf8), emptyBody: emptyBody)
    }

    @Test("a duplicate: the message and the cause that explains it; recognised as already existing")
    func duplicate() throws {
        let body = #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIForbiddenException","message":"This membership is already added to user","cause":{"exception":"class org.bonitasoft.engine.exception.AlreadyExistsException","message":"USERNAME=install | A userMembership with userId \"4\", groupId \"2\" and roleId \"1\" already exists"},"api":"identity","resource":"membership"}"#
        #expect(Self.message(403, body) == #"This membership is already added to user: A userMembership with userId "4", groupId "2" and roleId "1" already exists"#)
        let error = try #require(BonitaErrorBody.parse(Data(body.utf8)))
        #expect(error.isAlreadyExists)
        #expect(error.simpleClassName == "APIForbiddenException")
    }

    @Test("a wrapped engine exception: class names and USERNAME dropped, the cause not repeated")
    func deletionOfMissing() {
        let body = #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIException","message":"org.bonitasoft.engine.exception.DeletionException: USERNAME=install | org.bonitasoft.engine.identity.SIdentityException: Can't get the userMembership with userId = 4, groupId = 3, roleId = 1","cause":{"exception":"class org.bonitasoft.engine.exception.DeletionException","message":"USERNAME=install | org.bonitasoft.engine.identity.SIdentityException: Can't get the userMembership with userId = 4, groupId = 3, roleId = 1"},"api":"identity","resource":"membership"}"#
        #expect(Self.message(500, body) == "Can't get the userMembership with userId = 4, groupId = 3, roleId = 1")
    }

    @Test("messages of the search's 500s and 404s", arguments: [
        (#"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIException","message":"java.lang.IllegalArgumentException: No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.SIDEWAYS","cause":{"exception":"class java.lang.IllegalArgumentException","message":"No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.SIDEWAYS"},"api":"identity","resource":"membership"}"#,
         "No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.SIDEWAYS"),
        (#"{"exception":"class org.bonitasoft.web.rest.server.framework.exception.APIFilterMandatoryException","message":"Filter user_id is mandatory","api":"identity","resource":"membership","filterName":"user_id"}"#,
         "Filter user_id is mandatory"),
        (#"{"exception":"class org.bonitasoft.web.rest.server.framework.exception.APIFilterException","message":"Error on filter : Cant search on filter other than user_id","api":"identity","resource":"membership","filterName":"Cant search on filter other than user_id"}"#,
         "Error on filter : Cant search on filter other than user_id"),
        (#"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APINotFoundException","message":"User not found","cause":{"exception":"class org.bonitasoft.engine.identity.UserNotFoundException","message":"USERNAME=walter.bates | org.bonitasoft.engine.identity.SUserNotFoundException: USER_ID=99 | Can't find the user"},"api":"identity","resource":"user"}"#,
         "User not found: USER_ID=99 | Can't find the user"),
        (#"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APISearchIndexOutOfRange","message":"Page index (5) out of range for API identity#role","api":"identity","resource":"role","page":5}"#,
         "Page index (5) out of range for API identity#role"),
        (#"{"exception":"class java.lang.NumberFormatException","message":"For input string: \"abc\""}"#,
         #"For input string: "abc""#),
        (#"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIException","message":"java.lang.NullPointerException","cause":{"exception":"class java.lang.NullPointerException","message":""},"api":"identity","resource":"membership"}"#,
         "NullPointerException"),
    ])
    func searchErrors(body: String, expected: String) {
        #expect(Self.message(500, body) == expected)
    }

    @Test("empty 401/403/404 bodies take the caller's sentence; other bodies the generic reading")
    func otherBodies() {
        #expect(Self.message(401, "", emptyBody: "not logged in") == "not logged in")
        #expect(Self.message(403, "\r\n", emptyBody: "not allowed to change memberships") == "not allowed to change memberships")
        #expect(Self.message(500, "") == "Internal Server Error")
        #expect(Self.message(502, "<html><body><h1>502 Bad Gateway</h1>upstream down</body></html>") == "upstream down")
        // JSON without Bonita's `exception` is read by the SDK's decoder.
        #expect(Self.message(400, #"{"message":"plain"}"#) == "plain")
        #expect(BonitaErrorBody.parse(Data(#"{"message":"plain"}"#.utf8)) == nil)
    }

    @Test("class-name cleaning keeps sentences and names inside them")
    func cleaning() {
        #expect(BonitaErrorBody.clean("USERNAME=a.b | org.x.AException: org.x.BException: the end") == "the end")
        #expect(BonitaErrorBody.clean("Id must be non-zero positive for identity on resource user") == "Id must be non-zero positive for identity on resource user")
        #expect(BonitaErrorBody.clean("see org.x.Thing for details") == "see org.x.Thing for details")
        #expect(BonitaErrorBody.clean("Outer failed: org.x.InnerException: inner text") == "Outer failed: inner text")
    }

    @Test("Set-Cookie: values kept, attributes dropped, a deleted cookie removed")
    func cookies() {
        var session = BonitaSession(generation: 1)
        session.absorb(HTTPResponseData(status: 204, headers: [
            ("Set-Cookie", "JSESSIONID=ABC123; Path=/bonita; HttpOnly"), ("set-cookie", "X-Bonita-API-Token=tok-1; Path=/bonita"),
            ("Set-Cookie", "bonita.tenant=1; Path=/bonita"), ("Set-Cookie", "BOS_Locale=\"en\"; Path=/"),
        ]))
        #expect(session.sessionID == "ABC123")
        #expect(session.apiToken == "tok-1")
        #expect(session.cookieHeader == "JSESSIONID=ABC123; X-Bonita-API-Token=tok-1; bonita.tenant=1; BOS_Locale=en")
        session.absorb(HTTPResponseData(status: 204, headers: [
            ("Set-Cookie", "JSESSIONID=; Path=/bonita; Max-Age=0"), ("Set-Cookie", "X-Bonita-API-Token=tok-2; Path=/bonita"),
        ]))
        #expect(session.sessionID == nil)
        #expect(session.apiToken == "tok-2")
        #expect(!session.description.contains("tok-2") && !session.description.contains("ABC123"))
        #expect(BonitaSession.parse(setCookie: "garbage") == nil)
    }

    @Test("Content-Range gives the total; hasMore follows it, or a full page when it is missing")
    func contentRange() {
        #expect(BonitaPage<Int>.total(contentRange: "0-10/42") == 42)
        #expect(BonitaPage<Int>.total(contentRange: "3-5/17") == 17)
        #expect(BonitaPage<Int>.total(contentRange: "items 0-9/*") == nil)
        #expect(BonitaPage<Int>.total(contentRange: nil) == nil)
        #expect(BonitaPage(items: [1, 2], page: 0, count: 2, total: 3).hasMore)
        #expect(!BonitaPage(items: [3], page: 1, count: 2, total: 3).hasMore)
        #expect(BonitaPage(items: [1, 2], page: 0, count: 2, total: nil).hasMore)
        #expect(!BonitaPage(items: [1], page: 0, count: 2, total: nil).hasMore)
    }

    @Test("search queries always carry p and c, and encode f and d")
    func queries() {
        #expect(BonitaSearchQuery(page: 0, count: 10).queryString == "p=0&c=10")
        let query = BonitaSearchQuery(page: 2, count: 5, search: "a b", order: "ROLE_NAME_DESC",
                                      filters: [.init(name: "user_id", value: "4")], deploys: ["group_id", "role_id"])
        #expect(query.queryString == "p=2&c=5&s=a%20b&o=ROLE_NAME_DESC&f=user_id%3D4&d=group_id&d=role_id")
        #expect(BonitaSearchQuery(page: 0, count: 1, search: nil, order: nil, filters: ["b": "2", "a": "1"]).queryString == "p=0&c=1&f=a%3D1&f=b%3D2")
    }

    @Test("a membership with ids as strings, \"\" for null, or deployed objects under the same keys")
    func membershipShapes() throws {
        let plain = #"{"assigned_date":"2014-12-02 17:57:09.315","role_id":"1","assigned_by_user_id":"","group_id":"5","user_id":"4"}"#
        let read = try JSONDecoder().decode(BonitaMembership.self, from: Data(plain.utf8))
        #expect(read == BonitaMembership(userID: 4, groupID: 5, roleID: 1, assignedByUserID: nil, assignedDate: "2014-12-02 17:57:09.315"))

        let deployed = #"{"assigned_date":"2014-12-02 17:57:09.315","role_id":{"creation_date":"2014-12-01 18:51:54.791","created_by_user_id":"4","id":"4","icon":"","description":"manager of the department","name":"manager","displayName":"department manager","last_update_date":"2014-12-01 18:51:54.791"},"assigned_by_user_id":"-1","group_id":{"id":"5","name":"hr","displayName":"Human Resources","description":"","icon":"","path":"/acme/hr","parent_path":"/acme","creation_date":"","created_by_user_id":"-1","last_update_date":""},"user_id":{"id":"125","firstname":"Walter","lastname":"Bates","password":"","userName":"walter.bates","manager_id":"0","enabled":"true","icon":"","creation_date":"","created_by_user_id":"-1","last_update_date":"","last_connection":"","title":"","job_title":""}}"#
        let rich = try JSONDecoder().decode(BonitaMembership.self, from: Data(deployed.utf8))
        #expect(rich.roleID == 4 && rich.roleName == "manager" && rich.role?.displayName == "department manager")
        #expect(rich.groupID == 5 && rich.groupPath == "/acme/hr")
        #expect(rich.userID == 125 && rich.userName == "walter.bates")
        #expect(rich.user == BonitaUser(id: 125, userName: "walter.bates", firstname: "Walter", lastname: "Bates", enabled: true))
        #expect(rich.assignedByUserID == -1 && rich.assignedBy == nil)

        // What the SDK encodes (JSON numbers, objects under the same keys) reads back the same.
        let again = try JSONDecoder().decode(BonitaMembership.self, from: try JSONEncoder().encode(rich))
        #expect(again == rich)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BonitaMembership.self, from: Data(#"{"role_id":"x","group_id":"5","user_id":"4"}"#.utf8))
        }
    }

    @Test("a group without a path gets one from its parent path")
    func groupPath() throws {
        let group = try JSONDecoder().decode(BonitaGroup.self, from: Data(#"{"id":"9","name":"asia","parent_path":"/acme/sales"}"#.utf8))
        #expect(group.path == "/acme/sales/asia")
    }

    @Test("an endpoint prints without its password")
    func endpointDescription() {
        let endpoint = BonitaEndpoint(baseURL: "https://bpm.example/bonita", username: "helen.kelly", password: "s3cret")
        #expect("\(endpoint)" == "helen.kelly@https://bpm.example/bonita")
        #expect(!String(reflecting: endpoint).contains("s3cret"))
        #expect(endpoint.url("API/identity/user") == "https://bpm.example/bonita/API/identity/user")
    }
}
