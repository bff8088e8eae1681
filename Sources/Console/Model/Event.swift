import Foundation
import MembershipKit

/// Everything that can happen to the console: keys, time, size, and results of work.
public enum Event: Sendable {
    case key(KeyPress)
    /// Time passes (several times a second); carries the wall clock.
    case tick(Date)
    /// The terminal changed size; `paneHeights` are the rows each pane can show.
    case resize(width: Int, height: Int, paneHeights: [PaneID: Int])
    case connected(SessionInfo)
    case connectionFailed(String)
    case imagesProgress(request: Int, count: Int)
    case imagesLoaded(request: Int, Result<[Image], MembershipError>)
    case membersLoaded(request: Int, imageID: String, Result<[ImageMember], MembershipError>)
    case membershipsLoaded(request: Int, Result<[Membership], MembershipError>)
    case memberUpdated(operation: Int, Result<ImageMember, MembershipError>)
    case memberAdded(operation: Int, Result<ImageMember, MembershipError>)
    case memberRemoved(operation: Int, Result<Void, MembershipError>)
    case retrying(RetryNotice)
    /// A listing stopped before its end (a paging limit, or a server whose pages never end).
    case listingTruncated(PagingTruncation)
    /// A record pane loaded.
    case rowsLoaded(request: Int, Result<[RecordRow], MembershipError>)
    /// An operation on a record row answered.
    case operationDone(operation: Int, Result<OperationOutcome, MembershipError>)
    /// The choices of a picker loaded.
    case pickerLoaded(request: Int, Result<[PickerItem], MembershipError>)
    /// A left click in a pane; `row` is the position in the pane's visible rows, nil on its border or header.
    case clicked(pane: PaneID, row: Int?)
    /// The mouse wheel over a pane: positive moves down.
    case scrolled(pane: PaneID, by: Int)
}

/// Work for the `EffectRunner`. Descriptions only: `update` never performs I/O.
public enum Effect: Sendable, Equatable {
    case connect
    case loadImages(request: Int, scope: ImageScope, projectID: String)
    case loadMembers(request: Int, imageID: String)
    case loadMemberships(request: Int, projectID: String)
    case updateMember(operation: Int, imageID: String, memberID: String, status: MemberStatus)
    case addMember(operation: Int, imageID: String, memberID: String)
    case removeMember(operation: Int, imageID: String, memberID: String)
    case recordActivity(ActivityEntry)
    case switchCloud(String)
    /// Connect to another endpoint of config.yaml (`:endpoint NAME`).
    case switchEndpoint(String)
    /// Rows of a record pane; `parent` is the row whose detail the second pane shows.
    case loadRows(request: Int, connection: ConnectionID?, pane: PaneID, parent: RowRef?)
    case perform(operation: Int, connection: ConnectionID?, RowOperation)
    case loadPicker(request: Int, connection: ConnectionID?, PickerRequest)
    case quit
}
