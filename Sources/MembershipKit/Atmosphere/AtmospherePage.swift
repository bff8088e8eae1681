import Foundation

/// One page of a DRF list: `{count, next, previous, results}`, `next` an absolute URL or null. A bare
/// array (a view without pagination) is read as the only page.
struct AtmospherePage<Item: Decodable>: Decodable {
    var count: Int?
    var next: String?
    var results: [Item]

    enum CodingKeys: String, CodingKey { case count, next, results }

    init(from decoder: any Decoder) throws {
        if let items = try? decoder.singleValueContainer().decode([Item].self) {
            results = items
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decodeIfPresent(Int.self, forKey: .count)
        next = try container.decodeIfPresent(String.self, forKey: .next)
        results = try container.decode([Item].self, forKey: .results)
    }

    /// The URL of the next page, on the server the client was given.
    ///
    /// DRF builds `next` from the Host header and scheme it saw; behind a proxy that may be `http://` or
    /// an inner host name. Such a link is never followed as it is (the token would go where the user did
    /// not send it): the page number and filters in its query are asked of `collection` instead, which
    /// is the same list on the configured server.
    static func nextURL(_ link: String, collection: String) -> String {
        guard let linkParts = URLComponents(string: link), let collectionParts = URLComponents(string: collection) else {
            return collection
        }
        let sameServer = linkParts.scheme?.lowercased() == collectionParts.scheme?.lowercased()
            && linkParts.host?.lowercased() == collectionParts.host?.lowercased() && linkParts.port == collectionParts.port
        if sameServer, linkParts.percentEncodedPath == collectionParts.percentEncodedPath { return link }
        return collection + (linkParts.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}

extension AtmospherePage: Sendable where Item: Sendable {}
