import Foundation
import MembershipKit

/// Which images the images pane lists.
public enum ImageScope: String, Sendable, Equatable {
    /// Owned by my project and shared with it (the default).
    case mine
    /// Everything I can see, public and community included (`:images all`).
    case all
}

/// Settings from config.yaml and the command line.
public struct ConsoleSettings: Sendable, Equatable {
    public var keyMap: KeyMap
    /// Seconds between automatic refreshes; nil turns them off.
    public var refreshInterval: Double?
    public var readOnly: Bool
    public var themeName: String
    /// Names `:theme` completes.
    public var availableThemes: [String]
    /// Names `:cloud` completes.
    public var availableClouds: [String]
    /// Names `:endpoint` completes (config.yaml's endpoints).
    public var availableEndpoints: [String] = []

    public init(keyMap: KeyMap = KeyMap(), refreshInterval: Double? = 10, readOnly: Bool = false, themeName: String = "default",
                availableThemes: [String] = ["default"], availableClouds: [String] = [], availableEndpoints: [String] = []) {
        self.availableEndpoints = availableEndpoints
        self.keyMap = keyMap
        self.refreshInterval = refreshInterval
        self.readOnly = readOnly
        self.themeName = themeName
        self.availableThemes = availableThemes
        self.availableClouds = availableClouds
    }
}

/// Everything the console shows, as a value. Only `update` changes it.
public struct ConsoleState: Sendable, Equatable {
    public var settings: ConsoleSettings
    public var session: SessionInfo?
    /// Why connecting failed, shown instead of the panes.
    public var connectionError: String?
    public var images = PaneState<ImageRow>(sortColumn: 0)
    public var members = PaneState<MemberRow>(sortColumn: 0)
    public var memberships = PaneState<MembershipRow>(sortColumn: 0)
    /// What the connected system (or the one being connected to) has and how it words it.
    public var system: SystemModel
    /// Set when the system's panes hold `RecordRow`s: they replace the three above.
    public var records: RecordPanes?
    /// The image whose members the members pane shows.
    public var membersImageID: String?
    public var focus: PaneID = .images
    public var overlay: Overlay = .none
    public var flash: Flash?
    public var imageScope: ImageScope = .mine
    /// Recent activity, newest last (the file keeps all).
    public var activity: [ActivityEntry] = []
    /// Write operations sent and not answered, by operation id.
    public var operations: [Int: PendingOperation] = [:]
    /// Operations started together (marked rows), for one summary when the last one settles.
    public var batches: [Int: BatchProgress] = [:]
    /// Loads in flight, by request id; a refresh starts only when none is.
    public var loads: [Int: LoadRequest] = [:]
    /// Members this console removed, with the logical time (`sequence`) of the removal, so that a
    /// members load requested before it cannot bring the row back.
    var removedMembers: [MemberRemoval: Int] = [:]
    /// Wall time of the latest tick: the only clock `update` knows.
    public var now: Date
    /// When the next automatic refresh is due.
    public var nextRefresh: Date?
    /// Logical time: increases with every event, so results can be ordered against actions.
    public var sequence: Int = 0
    /// Next id for an operation or request.
    public var nextID: Int = 1
    /// Ticks seen, for the spinner.
    public var tickCount: Int = 0
    /// Terminal size in cells.
    public var width: Int = 80
    public var height: Int = 24
    /// Seconds of a `Retry-After` wait in progress (a rate limiter said over limit), shown in the header.
    public var retryWait: RetryStatus?
    /// The last listing that stopped early on this connection; the header shows `PARTIAL`.
    public var truncation: PagingTruncation?
    /// Set when the user asked to quit while work was in flight.
    public var quitRequestedAt: Date?
    public var shouldExit = false

    public init(settings: ConsoleSettings = ConsoleSettings(), system: SystemModel = SystemModel(name: "", panes: [:]), now: Date) {
        self.settings = settings
        self.system = system
        self.now = now
    }

    public var isBusy: Bool { !operations.isEmpty || !loads.isEmpty }

    /// The position (in the pane's visible rows) of the first row on screen, whichever rows the
    /// system's panes hold.
    public func scrollTop(of pane: PaneID) -> Int {
        if let records { return records.pane(pane).top }
        switch pane {
        case .images: return images.top
        case .members: return members.top
        case .memberships: return memberships.top
        }
    }
    public var isReadOnly: Bool { settings.readOnly }
}

/// A retry wait announced by the transport.
public struct RetryStatus: Sendable, Equatable {
    public var until: Date
    public var status: Int?
}

/// A write sent to the server.
public struct PendingOperation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case update(imageID: String, memberID: String, from: String, to: MemberStatus)
        case add(imageID: String, memberID: String)
        case remove(imageID: String, memberID: String)
        /// A change to a row of the record panes.
        case record(RecordChange)
    }
    public var kind: Kind
    /// Operations started together (marked rows) share a batch for the summary.
    public var batch: Int?
    public var description: String {
        switch kind {
        case let .update(imageID, memberID, from, to): return "\(memberID) on \(imageID): \(from) → \(to.rawValue)"
        case let .add(imageID, memberID): return "share \(imageID) with \(memberID)"
        case let .remove(imageID, memberID): return "remove \(memberID) from \(imageID)"
        case let .record(change): return change.operation.description
        }
    }
}

/// Progress of operations started together.
public struct BatchProgress: Sendable, Equatable {
    public var verb: String
    public var total: Int
    public var succeeded: Int = 0
    public var failures: [String] = []

    public init(verb: String, total: Int) {
        self.verb = verb
        self.total = total
    }

    public var isComplete: Bool { succeeded + failures.count >= total }

    /// `3 accepted, 1 failed: <member>: <reason>`.
    public var summary: String {
        var text = "\(succeeded) \(verb)"
        if !failures.isEmpty { text += ", \(failures.count) failed: " + failures.joined(separator: "; ") }
        return text
    }
}

/// A read in flight.
public enum LoadRequest: Sendable, Equatable {
    case images(scope: ImageScope, requestedAt: Int)
    case members(imageID: String, requestedAt: Int)
    case memberships(requestedAt: Int)
    /// A record pane; `parentKey` is the row the detail pane is for.
    case records(pane: PaneID, parentKey: String?, requestedAt: Int)
    case picker
}

/// An operation on a row of the record panes: what was sent, to which row of which pane, where.
public struct RecordChange: Sendable, Equatable {
    public var operation: RowOperation
    public var pane: PaneID
    /// The row that shows the change (the new row's key for an addition).
    public var rowKey: String?
    public var connection: ConnectionID?
    /// The row whose detail was shown when the change was sent, for the activity log (the user may
    /// have moved on by the time it answers).
    public var parentKey: String = ""
    public var parentLabel: String = ""

    public init(operation: RowOperation, pane: PaneID, rowKey: String?, connection: ConnectionID?) {
        self.operation = operation
        self.pane = pane
        self.rowKey = rowKey
        self.connection = connection
    }
}
