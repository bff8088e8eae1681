/// The version shown by `--version` and sent in `User-Agent`.
public enum MemberdeckVersion {
    public static let string = "0.1.0"
    /// `User-Agent` of every request.
    public static let userAgent = "memberdeck/\(string)"
}
