import Foundation

/// One line of the activity log: a transition this console made or saw.
public struct ActivityEntry: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case done, failed, seen
    }

    public var time: Date
    public var imageID: String
    public var imageName: String
    public var memberID: String
    public var from: String
    public var to: String
    public var outcome: Outcome
    /// The server's message on failure.
    public var detail: String?
    /// The member project's name, when known (the line shows it before the id).
    public var memberName: String?
    /// Where and as whom: the cloud or endpoint (`devstack`) and the user (`alice@demo`).
    public var place: String
    public var user: String

    public init(time: Date, imageID: String, imageName: String, memberID: String, from: String, to: String, outcome: Outcome, detail: String? = nil,
                place: String = "", user: String = "") {
        self.place = place
        self.user = user
        self.time = time
        self.imageID = imageID
        self.imageName = imageName
        self.memberID = memberID
        self.from = from
        self.to = to
        self.outcome = outcome
        self.detail = detail
    }

    /// One line for the log file and the log overlay: when, where, as whom, what, how it ended.
    public var line: String {
        let stamp = Self.stamp(time)
        let who = [place, user].filter { !$0.isEmpty }.map { "\($0)  " }.joined()
        let member = memberName.map { "\($0) (\(memberID))" } ?? memberID
        var text = "\(stamp)  \(who)\(imageName) (\(imageID))  \(member)  \(from) → \(to)  \(outcome.rawValue)"
        if let detail { text += ": \(detail)" }
        return text
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, in UTC.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

}

/// Where a connection is and as whom, as the activity log and error reports name it.
public struct ConnectionIdentity: Sendable, Equatable {
    /// The cloud of clouds.yaml or the endpoint of config.yaml (`devstack`).
    public var place: String
    /// `alice@demo` (the user, and the project where the system has one).
    public var user: String

    public init(place: String, user: String) {
        self.place = place
        self.user = user
    }

    public init(_ session: SessionInfo) {
        place = session.cloud
        user = session.projectName.isEmpty || session.projectName == session.userName ? session.userName : "\(session.userName)@\(session.projectName)"
    }

    /// `devstack as alice@demo`.
    public var description: String { user.isEmpty ? place : "\(place) as \(user)" }
}

/// A message in the footer that fades after a few seconds.
public struct Flash: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }
    public var text: String
    public var level: Level
    public var until: Date

    public init(text: String, level: Level, until: Date) {
        self.text = text
        self.level = level
        self.until = until
    }
}
