import Foundation

/// Everything that can happen to the console: keys, time, size, and results of work.
public enum Event: Sendable {
    case key(KeyPress)
    /// Time passes (several times a second); carries the wall clock.
    case tick(Date)
    /// The terminal changed size; `paneHeights` are the rows each pane can show.
    case resize(width: Int, height: Int, paneHeights: [PaneID: Int])
    case connected(SessionInfo)
    case connectionFailed(String)
    /// A retry waits `delay` seconds (a rate limiter said over limit, with `status`).
    case retrying(delay: Double, status: Int?)
    /// A listing stopped before its end (a paging limit, or a server whose pages never end).
    case listingTruncated(Truncation)
    /// Rows received so far by a long listing (page by page).
    case rowsProgress(request: Int, count: Int)
    /// Rows of a long listing's page, as it arrives (before its `rowsLoaded`). The runner keeps no
    /// page it posted: the listing's `rowsLoaded` then carries only the rows no page carried (none,
    /// usually), so 100,000 rows are never held twice.
    case rowsArrived(request: Int, [RecordRow])
    /// A pane loaded.
    case rowsLoaded(request: Int, Result<[RecordRow], Failure>)
    /// An operation on a row answered.
    case operationDone(operation: Int, Result<OperationOutcome, Failure>)
    /// The choices of a picker loaded.
    case pickerLoaded(request: Int, Result<[PickerItem], Failure>)
    /// Names of project ids (those some source knows).
    case projectsNamed([String: String])
    /// A name given with `N` was kept (error nil) or not.
    case projectAliased(id: String, name: String, error: String?)
    /// A row's whole record was read (empty: the row's own fields are all there is).
    case described(request: Int, Result<[RecordField], Failure>)
    /// One cloud of `:inbox all` answered (its rows come with the load's `rowsLoaded`).
    case inboxCloudRead(request: Int, CloudInboxReport)
    /// A left click in a pane; `row` is the position in the pane's visible rows, nil on its border or header.
    case clicked(pane: PaneID, row: Int?)
    /// The mouse wheel over a pane: positive moves down.
    case scrolled(pane: PaneID, by: Int)
}

/// Work for the `EffectRunner`. Descriptions only: `update` never performs I/O.
public enum Effect: Sendable, Equatable {
    case connect
    case recordActivity(ActivityEntry)
    case switchCloud(String)
    /// Connect to another endpoint of config.yaml (`:endpoint NAME`).
    case switchEndpoint(String)
    /// Rows of a pane; `parent` is the row whose detail the second pane shows (its system reads its
    /// ref and cells); `scope` what the first pane lists.
    case loadRows(request: Int, connection: ConnectionID?, pane: PaneID, parent: RecordRow?, scope: ImageScope)
    /// The Memberships pane of every cloud named (`:inbox all`): each cloud is connected to (the
    /// current connection is reused), its inbox read, and its rows keep that connection.
    case loadInboxEveryCloud(request: Int, clouds: [String])
    case perform(operation: Int, connection: ConnectionID?, RowOperation)
    case loadPicker(request: Int, connection: ConnectionID?, PickerRequest)
    /// The whole record a row shows, field by field, as the server has it now.
    case describe(request: Int, connection: ConnectionID?, row: RecordRow)
    /// The images (mine; every one, for an admin) shared with the project of a member row,
    /// answered as a `described` list (image: status).
    case listSharedWith(request: Int, connection: ConnectionID?, row: RecordRow)
    /// The shares a sweep would take back (`:sweep`), as rows of the second pane with `d` and marks.
    case loadSweep(request: Int, connection: ConnectionID?, criteria: SweepCriteria)
    /// Names for project ids the panes show (owners, members), from the connection's Keystone;
    /// with no ids, every project its sources know (for Tab in the share prompt).
    case nameProjects(connection: ConnectionID?, ids: [String])
    /// Keeps a name the user gave a project id (projects.yaml, for the connection's Keystone).
    case aliasProject(connection: ConnectionID?, id: String, name: String)
    /// Text for the terminal's clipboard (OSC 52): the UI thread writes it, as it owns the terminal.
    case copyToClipboard(String)
    /// The terminal's bell (a new pending share arrived): rung by the UI thread, which owns the terminal.
    case ringBell
    case quit
}
