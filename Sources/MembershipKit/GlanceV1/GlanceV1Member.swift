import Foundation

/// One row of `/v1/images/{id}/members`: v1 knows no member status, only whether the member may
/// share the image further (`can_share`).
public struct GlanceV1Member: Sendable, Equatable, Codable, Hashable {
    public var memberID: String
    public var canShare: Bool

    public init(memberID: String, canShare: Bool = false) {
        self.memberID = memberID
        self.canShare = canShare
    }

    enum CodingKeys: String, CodingKey {
        case memberID = "member_id"
        case canShare = "can_share"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memberID = try container.decodeLossyString(forKey: .memberID)
        canShare = try container.decodeIfPresent(Bool.self, forKey: .canShare) ?? false
    }
}

/// One row of `/v1/shared-images/{member}`: an image shared with that member.
public struct GlanceV1SharedImage: Sendable, Equatable, Codable, Hashable {
    public var imageID: String
    public var canShare: Bool

    public init(imageID: String, canShare: Bool = false) {
        self.imageID = imageID
        self.canShare = canShare
    }

    enum CodingKeys: String, CodingKey {
        case imageID = "image_id"
        case canShare = "can_share"
    }
}

/// The member list as the server sends it (`{"members": […]}`) or as the old api-ref shows it
/// (`{"memberships": […]}`).
struct GlanceV1MemberList: Decodable {
    var members: [GlanceV1Member]

    enum CodingKeys: String, CodingKey {
        case members, memberships
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let members = try container.decodeIfPresent([GlanceV1Member].self, forKey: .members) {
            self.members = members
        } else if let members = try container.decodeIfPresent([GlanceV1Member].self, forKey: .memberships) {
            self.members = members
        } else {
            throw DecodingError.keyNotFound(CodingKeys.members, DecodingError.Context(
                codingPath: [], debugDescription: "neither 'members' nor 'memberships' in the member list"))
        }
    }
}
