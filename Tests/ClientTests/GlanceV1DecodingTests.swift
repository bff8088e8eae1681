import Foundation
import MembershipKit
import Testing

/// The member list decoder against the server's body and the old api-ref's, without a server.
@Suite("GlanceV1 decoding")
struct GlanceV1DecodingTests {
    @Test("the server's {\"members\": …} body is read")
    func membersKey() throws {
        let body = Data(#"{"members": [{"member_id": "p1", "can_share": true}, {"member_id": "p2", "can_share": false}]}"#.utf8)
        #expect(try GlanceV1Client.memberList(from: body) == [GlanceV1Member(memberID: "p1", canShare: true), GlanceV1Member(memberID: "p2")])
    }

    @Test("the old api-ref's {\"memberships\": …} body is read the same way")
    func membershipsKey() throws {
        let body = Data(#"{"memberships": [{"member_id": "p1", "can_share": true}, {"member_id": "p2", "can_share": false}]}"#.utf8)
        #expect(try GlanceV1Client.memberList(from: body) == [GlanceV1Member(memberID: "p1", canShare: true), GlanceV1Member(memberID: "p2")])
    }

    @Test("an empty list, a numeric member id and a missing can_share are read")
    func lenientRows() throws {
        #expect(try GlanceV1Client.memberList(from: Data(#"{"members": []}"#.utf8)).isEmpty)
        let body = Data(#"{"members": [{"member_id": 12345}]}"#.utf8)
        #expect(try GlanceV1Client.memberList(from: body) == [GlanceV1Member(memberID: "12345", canShare: false)])
    }

    @Test("a body with neither key is an unreadable answer, in one line")
    func neitherKey() throws {
        let error = #expect(throws: MembershipError.self) { try GlanceV1Client.memberList(from: Data(#"{"images": []}"#.utf8)) }
        guard case let .invalidResponse(text)? = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(text.contains("members"))
        #expect(!(error?.description.contains("\n") ?? true))
    }

    @Test("a member without member_id is an unreadable answer")
    func rowWithoutID() throws {
        let error = #expect(throws: MembershipError.self) { try GlanceV1Client.memberList(from: Data(#"{"members": [{"can_share": true}]}"#.utf8)) }
        #expect(error?.description.contains("member_id") == true)
    }
}
