import Console

/// Where a mouse event lands: a click on a pane's row (counted from the pane's scroll position, so
/// a click in a scrolled pane selects the row under the pointer in every system), or a wheel turn.
/// Pure, so it is tested without a terminal.
public enum MouseMapping {
    public enum Button: Sendable, Equatable {
        case click, wheelUp, wheelDown

        /// The C shim's codes: 4 wheel up, 5 wheel down, anything else a click.
        init(shimKind: Int32) {
            switch shimKind {
            case 4: self = .wheelUp
            case 5: self = .wheelDown
            default: self = .click
            }
        }
    }

    public static func event(x: Int, y: Int, button: Button, width: Int, height: Int, state: ConsoleState) -> Event? {
        let panes = Layout.panes(width: width, height: height)
        guard let (pane, rect) = panes.first(where: { _, rect in
            y >= rect.row && y < rect.row + rect.height && x >= rect.column && x < rect.column + rect.width
        }) else { return nil }
        switch button {
        case .wheelUp: return .scrolled(pane: pane, by: -3)
        case .wheelDown: return .scrolled(pane: pane, by: 3)
        case .click:
            // Rows start below the top border and the column header.
            let offset = y - rect.row - 2
            let capacity = Layout.rowCapacity(width: width, height: height)[pane] ?? 0
            guard offset >= 0, offset < capacity else { return .clicked(pane: pane, row: nil) }
            return .clicked(pane: pane, row: state.scrollTop(of: pane) + offset)
        }
    }
}
