/// The three panes, in Tab order. Their titles depend on the system (`SystemModel`).
public enum PaneID: Int, CaseIterable, Sendable, Equatable {
    case images, members, memberships

    public var next: PaneID { PaneID(rawValue: (rawValue + 1) % PaneID.allCases.count)! }
    public var previous: PaneID { PaneID(rawValue: (rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count)! }
}
