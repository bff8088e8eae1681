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

    public init(time: Date, imageID: String, imageName: String, memberID: String, from: String, to: String, outcome: Outcome, detail: String? = nil) {
        self.time = time
        self.imageID = imageID
        self.imageName = imageName
        self.memberID = memberID
        self.from = from
        self.to = to
        self.outcome = outcome
        self.detail = detail
    }

    /// One line for the log file and the log overlay.
    public var line: String {
        let stamp = Self.stamp(time)
        var text = "\(stamp)  \(imageName) (\(imageID))  \(memberID)  \(from) → \(to)  \(outcome.rawValue)"
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
