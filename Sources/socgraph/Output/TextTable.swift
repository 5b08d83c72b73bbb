/// Aligned text columns that fit a width (80 by default), wrapping the flexible columns (titles) at word
/// boundaries. Used by every `--format table` output.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var header: String
        var alignment: Alignment = .left
        /// Whether the column may be narrowed and its cells wrapped to fit the width.
        var wraps: Bool = false
        /// The narrowest a wrapping column may become.
        var minimumWidth: Int = 12

        init(_ header: String, alignment: Alignment = .left, wraps: Bool = false, minimumWidth: Int = 12) {
            self.header = header
            self.alignment = alignment
            self.wraps = wraps
            self.minimumWidth = minimumWidth
        }
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Print the header row (bold on a terminal, else underlined with dashes).
    var showsHeader = true
    /// Spaces between columns.
    var gap = 2

    /// The table as lines ending in `\n`, at most `width` columns wide unless a column cannot shrink further.
    func render(width: Int = 80, style: TextStyle = .plain) -> String {
        // Cells come from the graph and from the query: shown escaped, they can neither break the layout nor
        // restyle the terminal.
        var table = self
        table.columns = columns.map { column in
            var column = column
            column.header = column.header.terminalSafe
            return column
        }
        table.rows = rows.map { $0.map(\.terminalSafe) }
        return table.renderSafe(width: width, style: style)
    }

    private func renderSafe(width: Int, style: TextStyle) -> String {
        let widths = columnWidths(width: width)
        var out = ""
        if showsHeader {
            out += line(columns.map(\.header), widths: widths, style: style, header: true)
            if !style.colour {
                out += line(widths.map { String(repeating: "-", count: $0) }, widths: widths, style: style,
                            header: false)
            }
        }
        for row in rows {
            let wrapped = zip(row, zip(columns, widths)).map { cell, column in
                column.0.wraps ? Self.wrap(cell, width: column.1) : [cell]
            }
            let height = wrapped.map(\.count).max() ?? 1
            for index in 0..<height {
                out += line(wrapped.map { index < $0.count ? $0[index] : "" }, widths: widths, style: style,
                            header: false)
            }
        }
        return out
    }

    private func columnWidths(width: Int) -> [Int] {
        var widths = columns.indices.map { index in
            max(showsHeader ? columns[index].header.count : 0, rows.map { $0[index].count }.max() ?? 0)
        }
        let available = width - gap * max(0, columns.count - 1)
        var excess = widths.reduce(0, +) - available
        // Narrow the widest wrapping column one character at a time: even, deterministic, rarely many steps.
        while excess > 0 {
            let candidates = columns.indices.filter { columns[$0].wraps && widths[$0] > columns[$0].minimumWidth }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    private func line(_ cells: [String], widths: [Int], style: TextStyle, header: Bool) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
            let isLast = index == cells.count - 1
            var text = columns[index].alignment == .right ? padding + cell : cell + (isLast ? "" : padding)
            if header { text = style.bold(text) }
            parts.append(text)
        }
        var result = parts.joined(separator: String(repeating: " ", count: gap))
        while result.hasSuffix(" ") { result.removeLast() }
        return result + "\n"
    }

    /// Splits `text` into lines of at most `width` characters at spaces; a longer word is cut. Control and bidirectional formatting characters are shown escaped (`String.terminalSafe`).
    static func wrap(_ text: String, width: Int) -> [String] {
        let text = text.terminalSafe
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
