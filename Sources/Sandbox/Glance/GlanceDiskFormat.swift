/// Glance 33's in-flight format inspection of a bare image's upload (oslo.utils' `format_inspector`), as far
/// as the sandbox imitates it: it recognises qcow2 by its header and takes anything else for raw data.
/// Glance refuses data whose format is not the image's inspectable `disk_format` (415), and computes
/// `virtual_size` when they match.
enum GlanceDiskFormat {
    /// How much of the upload's start the check reads: qcow2's header up to its size field.
    static let headBytes = 32

    /// The disk formats Glance offers that `format_inspector` knows (besides raw): data of another format
    /// is refused for them. For the others (ami, ari, aki, ploop) unrecognised data passes, without a
    /// virtual size.
    static let inspectable: Set = ["qcow2", "vhd", "vhdx", "vmdk", "vdi", "iso"]

    /// The image's `virtual_size` after an upload of `size` bytes starting with `head`, or nil when Glance
    /// leaves it unset; throws Glance's 415 when the data is not of the image's format.
    static func virtualSize(diskFormat: String, containerFormat: String, head: [UInt8], size: Int,
                            contentType: String?) throws -> Int? {
        // Glance inspects bare images only.
        guard containerFormat == "bare" else { return nil }
        let (detected, detectedSize) = inspect(head, size: size)
        let virtual: Int
        if detected == diskFormat {
            virtual = detectedSize
        } else if detected == "raw", !inspectable.contains(diskFormat) {
            return nil
        } else if diskFormat == "raw" {
            // Data claimed raw is taken as raw whatever it is: its virtual size is its size.
            virtual = size
        } else {
            throw GlanceFault.unsupportedMediaType(contentType, detail: "Image disk_format \(diskFormat) does not match stream data \(detected)")
        }
        // Glance keeps a virtual size of 0 (an empty upload) as unset.
        return virtual > 0 ? virtual : nil
    }

    /// The format the data starts as, and its virtual size by that format.
    private static func inspect(_ head: [UInt8], size: Int) -> (String, Int) {
        guard head.count >= headBytes, head[0..<4] == [0x51, 0x46, 0x49, 0xFB] else { return ("raw", size) }
        // qcow2's header: the virtual size is a big-endian 64-bit number at offset 24.
        let virtual = head[24..<32].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return ("qcow2", Int(clamping: virtual))
    }
}
