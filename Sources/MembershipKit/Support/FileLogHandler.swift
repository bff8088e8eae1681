import Foundation
import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that appends lines to a file (created 0600: it may name hosts and ids).
public struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        let handle: NIOLockedValueBox<FileHandle?>
        init(path: String) {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
            self.handle = NIOLockedValueBox(handle)
        }
        func write(_ line: String) {
            handle.withLockedValue { $0?.write(Data(line.utf8)) }
        }
    }

    let sink: Sink
    let label: String
    public var logLevel: Logger.Level = .debug
    public var metadata: Logger.Metadata = [:]

    public init(label: String, path: String) {
        self.label = label
        sink = Sink(path: path)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let stamp = Timestamp.format(Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\n")
    }
}
