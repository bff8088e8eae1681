/// The credential one client sends with every request (a Keystone token, an Atmosphere token, Bonita's
/// session cookies), and the rules of renewing it that all three clients share:
///
/// - concurrent callers that find no usable credential wait for one login, rather than each starting its own;
/// - a login that fails is not kept: the next call logs in again;
/// - a request the server refuses for its credential is repeated once after a new login, unless another
///   caller has logged in again meanwhile, whose credential is then used as it is. The second answer is
///   final, so a server that refuses every credential costs one extra login per request, never a loop.
///
/// Logins are given per call (`Login`) rather than kept: they belong to the client that owns this actor,
/// and a stored closure capturing it would keep both alive for ever.
actor SingleFlightCredential<Credential: Sendable> {
    typealias Login = @Sendable () async throws -> Credential

    /// A credential and the number it was issued under, so that a caller whose request was refused can
    /// tell whether the credential it used is still the one held.
    struct Issued: Sendable {
        fileprivate(set) var value: Credential
        let generation: Int
    }

    private var current: Issued?
    private var pendingLogin: Task<Issued, any Error>?
    /// Numbers every credential held (given, restored or from a login), in order.
    private var issuedCount = 0
    private let isUsable: @Sendable (Credential) -> Bool
    private let restore: (@Sendable () -> Credential?)?
    private let forget: (@Sendable () -> Void)?

    /// - Parameters:
    ///   - initial: a credential given up front (an API token from the configuration).
    ///   - isUsable: whether a held credential may still be sent (a Keystone token near its expiry may not).
    ///   - restore: a credential kept elsewhere (Keystone's token cache), tried before a new login.
    ///   - forget: also forgets the credential there, whenever this one is invalidated.
    init(initial: Credential? = nil, isUsable: @escaping @Sendable (Credential) -> Bool = { _ in true },
         restore: (@Sendable () -> Credential?)? = nil, forget: (@Sendable () -> Void)? = nil) {
        self.isUsable = isUsable
        self.restore = restore
        self.forget = forget
        if let initial { current = Issued(value: initial, generation: 0) }
    }

    /// The credential held now, usable or not.
    var held: Credential? { current?.value }

    /// The credential to send now: the one held if usable, else a restored one if usable, else a new login.
    func valid(login: @escaping Login) async throws -> Issued {
        if let current, isUsable(current.value) { return current }
        if let restored = restore?(), isUsable(restored) { return adopt(restored) }
        return try await self.login(login)
    }

    /// Logs in now, or joins the login already in flight, and holds the result.
    @discardableResult
    func login(_ login: @escaping Login) async throws -> Issued {
        if let pendingLogin { return try await pendingLogin.value }
        issuedCount += 1
        let generation = issuedCount
        let task = Task { Issued(value: try await login(), generation: generation) }
        pendingLogin = task
        // Cleared however the login ends: a failed one must not answer every later caller.
        defer { pendingLogin = nil }
        let fresh = try await task.value
        current = fresh
        return fresh
    }

    /// Forgets the credential (here and, with `forget`, wherever else it is kept); returns what was held.
    @discardableResult
    func invalidate() -> Credential? {
        let forgotten = current?.value
        current = nil
        forget?()
        return forgotten
    }

    /// After the server refused `used`: the credential to try next. When another caller has replaced `used`
    /// already, that replacement; otherwise `used` is forgotten and a new login (or the one in flight) gives it.
    func renew(after used: Issued, login: @escaping Login) async throws -> Issued {
        if let current, current.generation != used.generation, isUsable(current.value) { return current }
        if current != nil { invalidate() }
        return try await self.login(login)
    }

    /// Changes the held credential in place (Bonita's cookie jar takes in new cookies), but only while it is
    /// still `used`: an answer to an older credential must not alter a newer one.
    func update(_ used: Issued, _ change: @Sendable (inout Credential) -> Void) {
        guard current?.generation == used.generation else { return }
        change(&current!.value)
    }

    /// Runs `attempt` with the credential to send now; when `isRefused` says the server refused that
    /// credential, renews it (`renew(after:login:)`) and runs `attempt` once more, whose outcome is final.
    func withRenewal<Outcome: Sendable>(login: @escaping Login, isRefused: @Sendable (Outcome) -> Bool,
                                        _ attempt: @Sendable (Issued) async throws -> Outcome) async throws -> Outcome {
        let first = try await valid(login: login)
        let outcome = try await attempt(first)
        guard isRefused(outcome) else { return outcome }
        return try await attempt(try await renew(after: first, login: login))
    }

    private func adopt(_ credential: Credential) -> Issued {
        issuedCount += 1
        let adopted = Issued(value: credential, generation: issuedCount)
        current = adopted
        return adopted
    }
}
