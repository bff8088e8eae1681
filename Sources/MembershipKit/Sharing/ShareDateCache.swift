/// When each share offered to me was created, as read from my member record: the image listings
/// do not say, and reading it again on every refresh would cost a request per share.
public actor ShareDateCache {
    private var dates: [String: (status: String, createdAt: String?)] = [:]

    public init() {}

    /// `.some(nil)` when the record was read and had no date; nil when never read under `status`.
    public func get(_ imageID: String, status: String) -> String?? {
        guard let entry = dates[imageID], entry.status == status else { return nil }
        return .some(entry.createdAt)
    }

    public func set(_ imageID: String, status: String, createdAt: String?) { dates[imageID] = (status, createdAt) }
}
