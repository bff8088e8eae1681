import Crypto
import Foundation

/// One token cache file: the token and an HMAC-SHA-256 of the secret it was obtained with, keyed
/// by a random salt of its own (so equal passwords never give equal files, and the secret itself
/// is never written). `format` tells this layout from the old one (a bare token), which is ignored.
struct CachedToken: Codable {
    struct Credential: Codable {
        /// Base64 of 32 random bytes.
        var salt: String
        /// Hex HMAC-SHA-256 of the secret, keyed by the salt.
        var sha256: String
    }

    static let currentFormat = 2

    var format: Int
    var credential: Credential
    var token: KeystoneToken

    init(token: KeystoneToken, credential secret: String) {
        let salt = SymmetricKey(size: .bits256)
        format = Self.currentFormat
        credential = Credential(salt: salt.withUnsafeBytes { Data($0).base64EncodedString() }, sha256: Self.mac(secret, salt: salt))
        self.token = token
    }

    /// Whether `secret` is the one this token was obtained with (compared in constant time).
    func matches(_ secret: String) -> Bool {
        guard let saltBytes = Data(base64Encoded: credential.salt), saltBytes.count >= 16 else { return false }
        let expected = Array(Self.mac(secret, salt: SymmetricKey(data: saltBytes)).utf8)
        let stored = Array(credential.sha256.utf8)
        guard expected.count == stored.count else { return false }
        return zip(expected, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func decode(_ data: Data) -> CachedToken? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let entry = try? decoder.decode(CachedToken.self, from: data), entry.format == currentFormat else { return nil }
        return entry
    }

    func encoded() -> Data? {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return try? encoder.encode(self)
    }

    static func mac(_ secret: String, salt: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(secret.utf8), using: salt))
    }

    /// Hex SHA-256 of `text`.
    static func hexDigest(_ text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

    /// Lowercase hex, two digits a byte. Not `String(format:)`: every command that reads the token
    /// cache calls this, and Foundation's formatter costs a one-shot command more than the hashing.
    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
