import CNCurses

/// Facts about the terminal that the rest of the UI needs before drawing.
public enum CursesProbe {
    /// True when ncurses knows `TERM` (checked without letting ncurses exit the process).
    public static func terminalIsUsable() -> Bool { md_terminal_usable() == 1 }
}
