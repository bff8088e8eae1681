import HTTPTypes
import Hummingbird

extension Request {
    /// `http://host:port` as the client addressed it (the Host header), which is how Glance, Keystone and
    /// DRF build the absolute links in their answers.
    public var origin: String {
        let host = head.authority ?? "127.0.0.1"
        return "http://" + host
    }
}
