/// The Rackspace flavour's over-limit switch. Tests of a client's retry behaviour turn it on through the
/// control route (`PUT /rackspace/_sandbox/throttle`); while requests remain, member calls answer with the
/// given status (413 Over Limit or 503) and a `Retry-After`.
public actor ThrottleSwitch {
    public struct Setting: Sendable, Equatable {
        public var status: Int
        public var retryAfterSeconds: Int
        public var remainingRequests: Int

        public init(status: Int, retryAfterSeconds: Int, remainingRequests: Int) {
            self.status = status
            self.retryAfterSeconds = retryAfterSeconds
            self.remainingRequests = remainingRequests
        }
    }

    private var setting: Setting?

    public init() {}

    public func set(_ setting: Setting?) { self.setting = setting }

    public func current() -> Setting? { setting }

    /// Takes one throttled answer if any remain.
    public func consume() -> Setting? {
        guard var active = setting, active.remainingRequests > 0 else { return nil }
        active.remainingRequests -= 1
        setting = active.remainingRequests > 0 ? active : nil
        return active
    }
}
