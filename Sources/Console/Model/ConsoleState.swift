import Foundation

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
    /// Ring the terminal's bell when a new pending share arrives in the inbox (config.yaml's `bell`).
    public var bell = true
    /// Several clouds and none named: the console starts by offering them (`availableClouds`).
    public var chooseCloudFirst = false

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
    /// What the connected system (or the one being connected to) has and how it words it.
    public var system: SystemModel
    /// The three panes' rows.
    public var records = RecordPanes()
    public var focus: PaneID = .images
    /// The pane Enter came from (the inbox, opening a share's members): Esc goes back there.
    public var openedFrom: PaneID?
    /// The cloud picked from the list or named with `:cloud`, where retries without a session go.
    public var chosenCloud: String?
    /// Commands run with `:`, oldest first (Up and Down in the prompt walk it; at most 50).
    public var commandHistory: [String] = []
    public var overlay: Overlay = .none
    public var flash: Flash?
    public var imageScope: ImageScope = .mine
    /// What `:sweep` looks for while the second pane shows its shares (nil: the pane shows a row's detail).
    public var sweep: SweepCriteria?
    /// Whose shares the Memberships pane lists (`:inbox all|here`).
    public var inboxSpan: InboxSpan = .here
    /// With `:inbox all`: how far each cloud has been read, by cloud name.
    public var inboxClouds: [String: CloudReadState] = [:]
    /// The `:inbox all` load whose clouds' rows are shown as each answers (a first load).
    public var inboxStreaming: Int?
    /// The shares the last load of the current inbox listed, for the bell (`InboxBell`).
    public var inboxSeen: InboxSeen?
    /// Recent activity, newest last (the file keeps all).
    public var activity: [ActivityEntry] = []
    /// Where each connection of this run is, and as whom, for the activity log and error reports.
    public var identities: [ConnectionID: ConnectionIdentity] = [:]
    /// The last error shown, kept whole for `E`.
    public var lastError: ErrorReport?
    /// Project names by id, as they arrive (the panes show ids until then).
    public var projectNames: [String: String] = [:]
    /// Ids already asked to be named (each is asked for once per run).
    public var namesAsked: Set<String> = []
    /// Whether every name the connection's sources know was asked for (once, for Tab in `+`).
    public var everyNameAsked = false
    /// Write operations sent and not answered, by operation id.
    public var operations: [Int: PendingOperation] = [:]
    /// Operations started together (marked rows), for one summary when the last one settles.
    public var batches: [Int: BatchProgress] = [:]
    /// Loads in flight, by request id; a refresh starts only when none is.
    public var loads: [Int: LoadRequest] = [:]
    /// The images load started while the pane was empty: its pages are shown as they arrive
    /// (`rowsArrived`). A refresh replaces rows already shown all at once, at its end.
    public var streamingLoad: Int?
    /// Pages of loads not shown as they arrive (a refresh), kept until the load's end joins them
    /// with its own rows into the listing.
    public var arrivedPages: [Int: [RecordRow]] = [:]
    /// Wall time of the latest tick: the only clock `update` knows.
    public var now: Date
    /// When the next automatic refresh is due.
    public var nextRefresh: Date?
    /// Whether what the panes show is current: when it was last read, and since when reading
    /// it again fails (the header says so, and the console tries again by itself).
    public var freshness = Freshness()
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
    public var truncation: Truncation?
    /// Set when the user asked to quit while work was in flight.
    public var quitRequestedAt: Date?
    public var shouldExit = false

    public init(settings: ConsoleSettings = ConsoleSettings(), system: SystemModel = SystemModel(name: "", panes: [:]), now: Date) {
        self.settings = settings
        self.system = system
        self.now = now
    }

    public var isBusy: Bool { !operations.isEmpty || !loads.isEmpty }

    /// The position (in the pane's visible rows) of the first row on screen.
    public func scrollTop(of pane: PaneID) -> Int { records.pane(pane).top }
    public var isReadOnly: Bool { settings.readOnly }

    /// Where `connection` (nil: the current one) is and as whom, once it has connected.
    public func identity(of connection: ConnectionID?) -> ConnectionIdentity? {
        guard let id = connection ?? session?.connection else { return nil }
        return identities[id] ?? session.flatMap { $0.connection == id ? ConnectionIdentity($0) : nil }
    }
}

/// A retry wait announced by the transport.
public struct RetryStatus: Sendable, Equatable {
    public var until: Date
    public var status: Int?
}

/// A write sent to the server.
public struct PendingOperation: Sendable, Equatable {
    public var change: RecordChange
    /// Operations started together (marked rows) share a batch for the summary.
    public var batch: Int?
    public var description: String { change.operation.description }
}

/// Progress of operations started together.
public struct BatchProgress: Sendable, Equatable {
    public var verb: String
    public var total: Int
    public var succeeded: Int = 0
    public var failures: [String] = []
    /// Marked rows the batch left out, with why (`epsilon is already rejected`).
    public var skipped: [String] = []

    public init(verb: String, total: Int, skipped: [String] = []) {
        self.verb = verb
        self.total = total
        self.skipped = skipped
    }

    public var isComplete: Bool { succeeded + failures.count >= total }

    /// `3 accepted, 1 failed: <member>: <reason>, 1 skipped: <why>`.
    public var summary: String {
        var text = "\(succeeded) \(verb)"
        if !failures.isEmpty { text += ", \(failures.count) failed: " + failures.joined(separator: "; ") }
        if !skipped.isEmpty { text += ", \(skipped.count) skipped: " + skipped.joined(separator: "; ") }
        return text
    }
}

/// A read in flight.
public enum LoadRequest: Sendable, Equatable {
    /// A pane's rows; `parentKey` is the row the detail pane is for.
    case records(pane: PaneID, parentKey: String?, requestedAt: Int)
    case picker
}

/// An operation on a row: what was sent, to which row of which pane, where.
public struct RecordChange: Sendable, Equatable {
    public var operation: RowOperation
    public var pane: PaneID
    /// The pane whose row prepared the operation: the server's answer is a row of that pane. It
    /// differs from `pane` for a key that acts on a linked row (accept in the images pane acts on
    /// the inbox's row).
    public var origin: PaneID
    /// The row that shows the change (the new row's key for an addition).
    public var rowKey: String?
    public var connection: ConnectionID?
    /// The row whose detail was shown when the change was sent, for the activity log (the user may
    /// have moved on by the time it answers).
    public var parentKey: String = ""
    public var parentLabel: String = ""
    /// How the activity log names the changed row (taken when the change is sent).
    public var logName: LogName?

    public init(operation: RowOperation, pane: PaneID, rowKey: String?, connection: ConnectionID?) {
        self.operation = operation
        self.pane = pane
        self.origin = pane
        self.rowKey = rowKey
        self.connection = connection
    }
}

/// How current the panes are, and the console's own retries while they are not. `memberdeck watch`
/// keeps one per cloud by the same rules.
public struct Freshness: Sendable, Equatable {
    /// When the images (or the inbox) last loaded.
    public var refreshedAt: Date?
    /// Since when the panes are stale: the time of the last good read, when a reload (or the
    /// connection) failed after it.
    public var staleSince: Date?
    /// Why, in one line.
    public var reason: String?
    /// The next try, and how many failed in a row (the wait doubles, up to a minute).
    public var retryAt: Date?
    public var failures = 0

    public init() {}

    public var isStale: Bool { reason != nil }

    /// 2, 4, 8, 16, 32, then 60 seconds.
    public static func delay(afterFailures failures: Int) -> Double { min(60, 2 * pow(2, Double(max(0, failures - 1)))) }

    /// A read failed: stale since the last good read (or now), and another try is scheduled
    /// unless one already is.
    /// `notBefore`: when the server said to come back (`Retry-After`), if later than the backoff.
    public mutating func failed(_ reason: String, now: Date, notBefore: Date? = nil) {
        if staleSince == nil { staleSince = refreshedAt ?? now }
        self.reason = reason
        if let notBefore, let scheduled = retryAt, scheduled < notBefore { retryAt = notBefore }
        guard retryAt == nil else { return }
        failures += 1
        retryAt = max(now.addingTimeInterval(Self.delay(afterFailures: failures)), notBefore ?? now)
    }

    /// A read succeeded: current again.
    public mutating func refreshed(now: Date) {
        self = Freshness()
        refreshedAt = now
    }
}
