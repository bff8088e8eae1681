import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns the many errors of NIO and async-http-client into the four a user can act on.
enum TransportErrorClassifier {
    static func classify(_ error: any Error, url: String, timeout: Double) -> MembershipError {
        if let error = error as? MembershipError { return error }
        if error is NIOTooManyBytesError {
            return .invalidResponse("the answer from \(hostAndPort(of: url)) was larger than \(AsyncHTTPTransport.maximumBodyBytes / 1_048_576) MiB")
        }
        let target = hostAndPort(of: url)
        func failure(_ kind: ConnectionFailure.Kind, _ detail: String) -> MembershipError {
            .connection(ConnectionFailure(kind: kind, target: target, detail: detail))
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return failure(.timeout, "connection timed out")
            // The request waited for one of our own pooled connections and never left this process.
            case .getConnectionFromPoolTimeout: return failure(.timeout, "busy: no connection became free in time")
            case .readTimeout, .deadlineExceeded: return failure(.timeout, "timed out after \(formatSeconds(timeout)) (api_timeout)")
            case .remoteConnectionClosed: return failure(.closed, "the connection closed before an answer")
            case .tlsHandshakeTimeout: return failure(.tls, "TLS handshake timed out")
            case .invalidURL, .emptyHost, .emptyScheme: return .configuration(.invalidValue(key: "url", detail: "'\(url)' is not a valid http(s) URL"))
            case .cancelled: return failure(.other, "request cancelled")
            default: return failure(.other, String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return failure(.dns, "host not found (DNS lookup failed)")
            }
            if let first = error.connectionErrors.first { return classify(first.error, url: url, timeout: timeout) }
            return failure(.other, String(describing: error))
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return failure(.refused, "connection refused")
            case ECONNRESET, EPIPE: return failure(.closed, "connection reset by peer")
            case ETIMEDOUT: return failure(.timeout, "connection timed out")
            case EHOSTUNREACH, ENETUNREACH: return failure(.other, "no route to host")
            default: return failure(.other, error.description)
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return failure(.tls, tlsDetail(error))
        }
        if error is ChannelError {
            if case ChannelError.connectTimeout = error { return failure(.timeout, "connection timed out") }
            if case ChannelError.ioOnClosedChannel = error { return failure(.closed, "the connection closed before an answer") }
            return failure(.other, String(describing: error))
        }
        let text = String(describing: error)
        if text.contains("NXDOMAIN") || text.lowercased().contains("dns") { return failure(.dns, "host not found (DNS lookup failed)") }
        if text.lowercased().contains("refused") { return failure(.refused, "connection refused") }
        return failure(.other, text)
    }

    static func tlsDetail(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") || text.contains("unable to get local issuer") {
            return "certificate verify failed"
        }
        if text.contains("hostname") || text.contains("unableToValidateCertificate") { return "certificate verify failed (\(text))" }
        return text
    }

    static func hostAndPort(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        return "\(host):\(port)"
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
