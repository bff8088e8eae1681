import Foundation

/// The wait as it will be: `0.17 s`, `1.5 s`, `2 s`; whole seconds from 10 s on.
public enum RetryDelay {
    public static func text(_ delay: Double) -> String {
        guard delay.isFinite, delay > 0 else { return "0 s" }
        if delay >= 10 { return "\(Int(delay.rounded())) s" }
        var text = String(format: "%.2f", delay)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " s"
    }
}
