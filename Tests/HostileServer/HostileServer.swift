import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP server on loopback that answers as an attacker would: endless pages, slow drips,
/// huge or pathological bodies, echoed secrets. Tests give it a `Behaviour` that chooses the reply
/// for each request; every reply is bounded (a drip has a count, nothing waits for ever), and the
/// server is stopped by the test.
public final class HostileServer: Sendable {
    public typealias Behaviour = @Sendable (HostileRequest) -> HostileReply

    public let port: Int
    private let channel: any Channel
    private let log: NIOLockedValueBox<[HostileRequest]>

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var requests: [HostileRequest] { log.withLockedValue { $0 } }

    private init(port: Int, channel: any Channel, log: NIOLockedValueBox<[HostileRequest]>) {
        self.port = port
        self.channel = channel
        self.log = log
    }

    public static func start(_ behaviour: @escaping Behaviour) async throws -> HostileServer {
        let log = NIOLockedValueBox<[HostileRequest]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(HostileHandler(behaviour: behaviour, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return HostileServer(port: channel.localAddress?.port ?? 0, channel: channel, log: log)
    }

    public func stop() async {
        try? await channel.close()
    }
}

/// One request as the hostile server saw it.
public struct HostileRequest: Sendable {
    public let method: String
    /// The path and query as sent.
    public let uri: String
    public let headers: [(String, String)]
    public let body: Data

    public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// A query parameter's (still percent-encoded) value.
    public func query(_ name: String) -> String? {
        guard let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}

/// What the hostile server answers.
public enum HostileReply: Sendable {
    /// A whole answer at once.
    case respond(status: Int, headers: [(String, String)], body: Data)
    /// The head at once, then `chunk` every `interval` seconds, `count` times, then the end.
    case drip(status: Int, headers: [(String, String)], chunk: Data, interval: Double, count: Int)

    /// A JSON answer.
    public static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> HostileReply {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    /// A JSON answer from an object.
    public static func json(_ status: Int, object: Any, headers: [(String, String)] = []) -> HostileReply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed])) ?? Data()
        return .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: data)
    }
}

final class HostileHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let behaviour: HostileServer.Behaviour
    let log: NIOLockedValueBox<[HostileRequest]>
    private var head: HTTPRequestHead?
    private var body = Data()

    init(behaviour: @escaping HostileServer.Behaviour, log: NIOLockedValueBox<[HostileRequest]>) {
        self.behaviour = behaviour
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(requestHead):
            head = requestHead
            body = Data()
        case var .body(buffer):
            if body.count < 16 * 1_048_576, let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let head else { return }
            let request = HostileRequest(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            log.withLockedValue { $0.append(request) }
            reply(behaviour(request), context: context)
            self.head = nil
        }
    }

    private func reply(_ reply: HostileReply, context: ChannelHandlerContext) {
        switch reply {
        case let .respond(status, headers, body):
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case let .drip(status, headers, chunk, interval, count):
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(chunk.count * count))
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields))), promise: nil)
            drip(chunk, every: interval, remaining: count, context: context)
        }
    }

    /// Writes one chunk after another on the event loop until `remaining` runs out or the peer leaves.
    private func drip(_ chunk: Data, every interval: Double, remaining: Int, context: ChannelHandlerContext) {
        guard remaining > 0 else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .milliseconds(Int64(interval * 1000))) {
            let (handler, context) = loopBound.value
            guard context.channel.isActive else { return }
            context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: chunk)))), promise: nil)
            handler.drip(chunk, every: interval, remaining: remaining - 1, context: context)
        }
    }
}
