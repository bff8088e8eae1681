import CursesUI
import GlanceScript
import Testing

/// Hex colours degrade to the nearest xterm-256 entry, or to the 16 or 8 ANSI colours.
@Suite("Colour degradation")
struct PaletteTests {
    @Test("256 colours: exact cube entries map to themselves")
    func cube() {
        #expect(Theme.paletteIndex(.rgb(0, 0x5f, 0x87), colors: 256) == 24)
        #expect(Theme.paletteIndex(.rgb(0xff, 0xaf, 0x00), colors: 256) == 214)
        #expect(Theme.paletteIndex(.rgb(255, 255, 255), colors: 256) == 231)
        #expect(Theme.paletteIndex(.rgb(0, 0, 0), colors: 256) == 16)
        #expect(Theme.paletteIndex(.rgb(0xd7, 0, 0), colors: 256) == 160)
    }

    @Test("256 colours: near colours go to the nearest cube entry or grey")
    func nearest() {
        #expect(Theme.paletteIndex(.rgb(0x01, 0x60, 0x86), colors: 256) == 24)
        #expect(Theme.paletteIndex(.rgb(0x26, 0x26, 0x26), colors: 256) == 235)
        #expect(Theme.paletteIndex(.rgb(0x80, 0x80, 0x80), colors: 256) == 244)
        #expect(Theme.paletteIndex(.rgb(0x30, 0x30, 0x30), colors: 256) == 236)
        #expect(Theme.paletteIndex(.rgb(0xee, 0xee, 0xee), colors: 256) == 255)
    }

    @Test("16 and 8 colours: the nearest ANSI colour")
    func ansi() {
        #expect(Theme.paletteIndex(.rgb(255, 0, 0), colors: 16) == 9)
        #expect(Theme.paletteIndex(.rgb(255, 0, 0), colors: 8) == 1)
        #expect(Theme.paletteIndex(.rgb(0xcd, 0, 0), colors: 16) == 1)
        #expect(Theme.paletteIndex(.rgb(255, 255, 255), colors: 16) == 15)
        #expect(Theme.paletteIndex(.rgb(255, 255, 255), colors: 8) == 7)
        #expect(Theme.paletteIndex(.rgb(0x10, 0x10, 0x10), colors: 8) == 0)
        #expect(Theme.paletteIndex(.rgb(0xff, 0xd7, 0x5f), colors: 8) == 3)
        #expect(Theme.paletteIndex(.rgb(0x00, 0xaf, 0x00), colors: 8) == 2)
        #expect(Theme.paletteIndex(.rgb(0x5f, 0xd7, 0xff), colors: 8) == 6)
    }

    @Test("named colours: bright ones fold to normal on 8 colours")
    func named() {
        #expect(Theme.paletteIndex(.named(3), colors: 8) == 3)
        #expect(Theme.paletteIndex(.named(11), colors: 16) == 11)
        #expect(Theme.paletteIndex(.named(11), colors: 8) == 3)
        #expect(Theme.paletteIndex(.named(11), colors: 256) == 11)
    }

    @Test("indexed colours above 15 degrade like true colour")
    func indexed() {
        #expect(Theme.paletteIndex(.indexed(208), colors: 256) == 208)
        #expect(Theme.paletteIndex(.indexed(196), colors: 16) == 9)
        #expect(Theme.paletteIndex(.indexed(196), colors: 8) == 1)
        #expect(Theme.paletteIndex(.indexed(232), colors: 8) == 0)
        #expect(Theme.paletteIndex(.indexed(9), colors: 8) == 1)
    }

    @Test("the terminal default and colourless terminals give −1")
    func none() {
        #expect(Theme.paletteIndex(.terminalDefault, colors: 256) == -1)
        #expect(Theme.paletteIndex(.rgb(255, 0, 0), colors: 0) == -1)
        #expect(Theme.paletteIndex(.named(1), colors: 2) == -1)
    }

    @Test("every colour lands inside the palette", arguments: [8, 16, 88, 256])
    func inRange(colors: Int) {
        for value in stride(from: 0, through: 255, by: 17) {
            for other in stride(from: 0, through: 255, by: 51) {
                let index = Theme.paletteIndex(.rgb(UInt8(value), UInt8(other), UInt8(255 - value)), colors: colors)
                #expect(index >= 0 && index < min(colors, 256))
            }
        }
        for index in 0..<256 {
            let result = Theme.paletteIndex(.indexed(index), colors: colors)
            #expect(result >= 0 && result < min(colors, 256))
        }
    }
}
