/// A system's own description of what a row or a request is (an image, a membership, "add this
/// group to that version"). The core carries it from the system's rows back to the system's
/// adapter without reading it, so the core never knows a system's types.
public struct RowRef: @unchecked Sendable, Hashable {
    // @unchecked: `init` takes only `Sendable` values, and `AnyHashable` only stores the value.
    private let box: AnyHashable

    public init<Value: Hashable & Sendable>(_ value: Value) {
        box = AnyHashable(value)
    }

    /// The value, if it is of `type` (a system reads back only its own refs).
    public func `as`<Value>(_ type: Value.Type) -> Value? { box.base as? Value }
}

/// Which connection a row came from and its requests go to (a cloud or an endpoint by name), so a
/// pane can hold rows of several connections and act on each with its own credentials.
public struct ConnectionID: Sendable, Hashable, CustomStringConvertible {
    public var name: String

    public init(_ name: String) { self.name = name }

    /// A cloud of clouds.yaml and an endpoint of config.yaml may have the same name: they are two connections.
    public init(cloud: String) { self.name = "cloud:" + cloud }
    public init(endpoint: String) { self.name = "endpoint:" + endpoint }

    public var description: String { name }
}
