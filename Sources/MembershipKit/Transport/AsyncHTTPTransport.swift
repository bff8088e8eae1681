import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The real transport: async-http-client with the cloud's TLS settings.
/// Clients are shared per TLS setting for the life of the process, so connections are reused
/// across requests and nothing has to remember to shut a client down.
public struct AsyncHTTPTransport: HTTPTransport {
    public struct Settings: Sendable, Hashable {
        public var verifyTLS: Bool
        public var caCertPath: String?
        public var clientCertPath: String?
        public var clientKeyPath: String?
        public var connectTimeout: Double

        public init(verifyTLS: Bool = true, caCertPath: String? = nil, clientCertPath: String? = nil,
                    clientKeyPath: String? = nil, connectTimeout: Double = 10) {
            self.verifyTLS = verifyTLS
            self.caCertPath = caCertPath
            self.clientCertPath = clientCertPath
            self.clientKeyPath = clientKeyPath
            self.connectTimeout = connectTimeout
        }

        public init(tls: CloudConfig.TLS, connectTimeout: Double) {
            self.init(verifyTLS: tls.verify, caCertPath: tls.caCertPath, clientCertPath: tls.clientCertPath,
                      clientKeyPath: tls.clientKeyPath, connectTimeout: connectTimeout)
        }
    }

    /// Largest body read. A page of 1,000 Glance images is about 1–2 MB; a hostile server must not
    /// make one answer cost more memory than this.
    static let maximumBodyBytes = 16 * 1024 * 1024
    /// Connections per host: the pool's size, and how many requests `ConnectionGate` lets through.
    static let connectionsPerHost = 8
    private static let clients = NIOLockedValueBox<[Settings: (client: HTTPClient, gate: ConnectionGate)]>([:])

    let client: HTTPClient
    let gate: ConnectionGate

    public init(settings: Settings) throws {
        (client, gate) = try Self.sharedClient(for: settings)
    }

    static func sharedClient(for settings: Settings) throws -> (client: HTTPClient, gate: ConnectionGate) {
        try clients.withLockedValue { clients in
            if let existing = clients[settings] { return existing }
            var tls = TLSConfiguration.makeClientConfiguration()
            if !settings.verifyTLS { tls.certificateVerification = .none }
            if let ca = settings.caCertPath {
                guard FileManager.default.isReadableFile(atPath: ca) else {
                    throw MembershipError.configuration(.invalidValue(key: "cacert", detail: "cannot read \(ca)"))
                }
                tls.trustRoots = .file(ca)
            }
            if let certPath = settings.clientCertPath {
                do {
                    tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certPath).map { .certificate($0) }
                    if let keyPath = settings.clientKeyPath {
                        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
                    }
                } catch {
                    throw MembershipError.configuration(.invalidValue(key: "cert", detail: "cannot load \(certPath) or its key: \(error)"))
                }
            }
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: tls,
                // Never follow redirects: a redirect could carry the token to another host.
                redirectConfiguration: .disallow,
                timeout: .init(connect: .milliseconds(DurationConversion.milliseconds(settings.connectTimeout)))
            )
            configuration.decompression = .enabled(limit: .ratio(50))
            // A refused connection fails at once; RetryPolicy decides about retrying, with backoff,
            // instead of the pool quietly retrying until the connect timeout.
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
            let shared = (
                client: HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration),
                gate: ConnectionGate(limit: connectionsPerHost)
            )
            clients[settings] = shared
            return shared
        }
    }

    public func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let (client, gate) = (self.client, self.gate)
        let host = TransportErrorClassifier.hostAndPort(of: request.url)
        let prepared = outgoing
        let headTimeout = TimeAmount.milliseconds(DurationConversion.milliseconds(timeout))
        do {
            // The head and the whole body within `timeout`: a server that drips its body must not hold us.
            // Waiting for a turn at a busy host counts against it too (see ConnectionGate).
            return try await Deadline.run(seconds: timeout) {
                try await gate.withPermit(host: host) {
                    let response = try await client.execute(prepared, timeout: headTimeout)
                    let buffer = try await response.body.collect(upTo: Self.maximumBodyBytes)
                    return HTTPResponseData(
                        status: Int(response.status.code),
                        headers: response.headers.map { ($0.name, $0.value) },
                        body: Data(buffer.readableBytesView)
                    )
                }
            }
        } catch is Deadline.Exceeded {
            throw MembershipError.connection(ConnectionFailure(
                kind: .timeout, target: TransportErrorClassifier.hostAndPort(of: request.url),
                detail: "the answer did not complete within \(TransportErrorClassifier.formatSeconds(timeout)) (api_timeout)"))
        } catch {
            throw TransportErrorClassifier.classify(error, url: request.url, timeout: timeout)
        }
    }
}
