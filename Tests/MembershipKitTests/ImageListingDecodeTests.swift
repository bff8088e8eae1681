import Foundation
import Testing
@testable import MembershipKit

/// What the console decodes of each listed image: the fields a row shows, from Glance's page as it is.
@Suite("Glance v2 listing decoded with a listing's fields")
struct ImageListingDecodeTests {
    static let page = Data("""
    {"images": [{"id": "1d4b", "name": "golden", "status": "active", "visibility": "shared", "owner": "ab12",
                 "size": 1024, "disk_format": "raw", "tags": ["x"], "os_distro": "debian", "created_at": "2026-11-20T10:00:00Z"},
                {"id": "2e5c", "name": null, "visibility": "private"}],
     "first": "/v2/images", "schema": "/v2/schemas/images", "next": "/v2/images?marker=2e5c"}
    """.utf8)

    @Test("the listing's fields are kept, the rest left out, and the link read alone agrees")
    func listingFields() throws {
        let response = HTTPResponseData(status: 200, headers: [], body: Self.page)
        let listed = try JSONResponse.decode(response, as: GlanceV2ImageListingPage.self)
        let full = try JSONResponse.decode(response, as: GlanceV2ImagePage.self)
        #expect(listed.images.map(\.image.id) == ["1d4b", "2e5c"])
        let first = try #require(listed.images.first?.image)
        #expect(first.name == "golden" && first.status == "active" && first.visibility == "shared" && first.owner == "ab12")
        #expect(first.createdAt == "2026-11-20T10:00:00Z")
        #expect(first.size == nil && first.diskFormat == nil && first.tags == nil)
        #expect(full.images.first?.size == 1024)
        #expect(listed.images.last?.image.name == nil)
        #expect(listed.next == full.next)
        #expect(JSONTopLevelMember.string("next", in: response.body) == "/v2/images?marker=2e5c")
    }

    @Test("an image without an id makes the page unreadable, as the full decoding does")
    func missingID() {
        let response = HTTPResponseData(status: 200, headers: [], body: Data(#"{"images": [{"name": "x"}]}"#.utf8))
        #expect(throws: MembershipError.self) { try JSONResponse.decode(response, as: GlanceV2ImageListingPage.self) }
        #expect(throws: MembershipError.self) { try JSONResponse.decode(response, as: GlanceV2ImagePage.self) }
    }
}
