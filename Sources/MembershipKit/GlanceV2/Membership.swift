/// A share offered to my project: the image and my member row, as loaded.
public struct Membership: Sendable, Equatable {
    public var image: Image
    public var status: String
    public var sharedAt: String?

    public init(image: Image, status: String, sharedAt: String? = nil) {
        self.image = image
        self.status = status
        self.sharedAt = sharedAt
    }
}
