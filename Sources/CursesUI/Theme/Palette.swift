/// Colour degradation: a theme's colours as palette indices for what the terminal has. True colour
/// goes to the nearest xterm-256 entry (6×6×6 cube or grey ramp) on 256-colour terminals, and to the
/// nearest of the 16 (or 8) ANSI colours on smaller ones; below 8 colours there is no colour.
extension Theme {
    /// The palette index for `color` on a terminal with `colors` colours; −1 is the terminal's default.
    public static func paletteIndex(_ color: ThemeColor, colors: Int) -> Int {
        guard colors >= 8 else { return -1 }
        switch color {
        case .terminalDefault:
            return -1
        case let .named(index):
            return colors >= 16 ? max(0, index) : max(0, index) % 8
        case let .indexed(index) where index < 16:
            return colors >= 16 ? max(0, index) : max(0, index) % 8
        case let .indexed(index):
            if colors >= 256 { return min(index, 255) }
            let (red, green, blue) = Palette.rgb(ofIndex: min(index, 255))
            return Palette.nearestANSI(red, green, blue, count: colors >= 16 ? 16 : 8)
        case let .rgb(red, green, blue):
            if colors >= 256 { return Palette.nearest256(Int(red), Int(green), Int(blue)) }
            return Palette.nearestANSI(Int(red), Int(green), Int(blue), count: colors >= 16 ? 16 : 8)
        }
    }
}

/// The xterm palette, for finding nearest colours.
enum Palette {
    /// The channel levels of the 6×6×6 cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// xterm's default 16 ANSI colours.
    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The colour of a palette index.
    static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        if index < 16 { return ansi[max(0, index)] }
        if index >= 232 {
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
        let cube = index - 16
        return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The nearest entry of the cube or the grey ramp (the first 16 are left out: terminals
    /// redefine them, so they are not a reliable match for an exact colour).
    static func nearest256(_ red: Int, _ green: Int, _ blue: Int) -> Int {
        let levels = [red, green, blue].map(nearestLevel)
        let cubeIndex = 16 + 36 * levels[0] + 6 * levels[1] + levels[2]
        let cubeDistance = distance((red, green, blue), rgb(ofIndex: cubeIndex))
        let average = (red + green + blue) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        let greyDistance = distance((red, green, blue), rgb(ofIndex: greyIndex))
        return greyDistance < cubeDistance ? greyIndex : cubeIndex
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours.
    static func nearestANSI(_ red: Int, _ green: Int, _ blue: Int, count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<count {
            let candidate = distance((red, green, blue), ansi[index])
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return best
    }

    /// Index (0–5) of the cube level nearest to a channel value.
    static func nearestLevel(_ value: Int) -> Int {
        var best = 0
        for (index, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) { best = index }
        return best
    }

    /// Squared distance, weighted for how the eye sees red, green and blue ("redmean").
    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let meanRed = (a.0 + b.0) / 2
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        // (Shifts bind tighter than products in Swift, hence the parentheses.)
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
