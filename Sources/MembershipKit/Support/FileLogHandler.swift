import Foundation
import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that appends lines to a file (created 0600: it may name hosts and ids).
///
/// The file is opened in append mode: every session of a command (the console opens one per cloud)
/// and every memberdeck running at once has a handler of its own on the same file, and each line
/// must land after the others. (Opened for writing and moved to the end once, each handle wrote at
/// its own offset, over the lines the others had written since.)
public struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        let handle: NIOLockedValueBox<FileHandle?>
        init(path: String) {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            self.handle = NIOLockedValueBox(descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil)
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
