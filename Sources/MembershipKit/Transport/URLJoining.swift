import Foundation

/// Joins the links that servers return (`next`, `first`) to the endpoint the client was given.
public enum URLJoining {
    /// Appends path segments to a base URL, keeping its path prefix and avoiding doubled slashes.
    public static func appending(_ base: String, _ path: String) -> String {
        let left = base.hasSuffix("/") ? String(base.dropLast()) : base
        guard !path.isEmpty else { return left }
        return path.hasPrefix("/") ? left + path : left + "/" + path
    }

    /// Resolves a pagination link against the versioned endpoint base.
    ///
    /// Glance's `next` is relative to the service root and starts with the version (`/v2/images?marker=…`);
    /// behind a proxy the endpoint may be `https://cloud/image/v2` or carry a tenant (`…/v2/123456`),
    /// so the link's `/v2` is replaced by the endpoint's whole versioned path. An absolute link on
    /// another host is reduced to its path so that the token never goes to a host the user did not configure.
    public static func resolve(link: String, versionedBase: String, versionSegment: String = "v2") -> String {
        var link = link
        if link.contains("://") {
            guard let linkComponents = URLComponents(string: link) else { return link }
            if let baseComponents = URLComponents(string: versionedBase),
               linkComponents.scheme == baseComponents.scheme, linkComponents.host == baseComponents.host,
               linkComponents.port == baseComponents.port,
               linkComponents.path.hasPrefix(baseComponents.path) {
                return link
            }
            link = linkComponents.percentEncodedPath + (linkComponents.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        let base = versionedBase.hasSuffix("/") ? String(versionedBase.dropLast()) : versionedBase
        guard let baseComponents = URLComponents(string: base) else { return appending(base, link) }
        let versionPrefix = "/" + versionSegment
        if link.hasPrefix(versionPrefix) {
            let rest = link.dropFirst(versionPrefix.count)
            if rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("?") {
                return base + rest
            }
        }
        if link.hasPrefix("/") {
            // Rooted elsewhere: keep the service prefix (the base path before the version).
            let basePath = baseComponents.percentEncodedPath
            var servicePrefix = basePath
            if let range = basePath.range(of: versionPrefix, options: .backwards) { servicePrefix = String(basePath[..<range.lowerBound]) }
            if !servicePrefix.isEmpty, link.hasPrefix(servicePrefix + "/") { servicePrefix = "" }
            var origin = baseComponents
            origin.percentEncodedPath = ""
            origin.percentEncodedQuery = nil
            return (origin.string ?? "") + servicePrefix + link
        }
        return appending(base, link)
    }
}
