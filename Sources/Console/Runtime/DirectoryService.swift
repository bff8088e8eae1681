import MembershipKit

/// What the console needs from Glance v1, Atmosphere and Bonita: the rows of each pane (the detail
/// pane for a parent row), the changes, and the choices of a picker. One adapter per system turns
/// its client's models into rows.
public protocol DirectoryService: Sendable {
    func load(_ pane: PaneID, parent: RecordRef?) async throws -> [RecordRow]
    func perform(_ action: DirectoryAction) async throws
    func pickerItems(_ purpose: PickerPurpose) async throws -> [PickerItem]
}
