import Foundation

/// `host:port` of a URL, for the header.
enum HostText {
    static func of(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return host + (components.port.map { ":\($0)" } ?? "")
    }
}
