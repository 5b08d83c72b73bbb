import SOCGraph

/// The data vintages a table output names at its foot, read from the graph's manifest.
enum SourcesFooter {
    /// "Sources: SOC 2018 · O*NET 29.3 (CC BY 4.0) · …", wrapped to `width`.
    static func render(_ citations: [SourceCitation], width: Int = 80, style: TextStyle = .plain) -> String {
        let names = citations.map { citation -> String in
            let isONET = citation.vintage.contains("O*NET") || citation.publisher.contains("O*NET")
            let licensed = citation.vintage.contains("CC BY") || !isONET
            return licensed ? citation.vintage : citation.vintage + " (CC BY 4.0)"
        }
        guard !names.isEmpty else { return style.dim("Sources: none listed in manifest.tsv") + "\n" }
        // Break lines between vintages, never inside one.
        var lines: [String] = []
        var current = "Sources:"
        for (index, name) in names.enumerated() {
            let piece = (index == 0 ? " " : " · ") + name
            // A line that is not the last ends in " ·": keep room for it.
            let room = index == names.count - 1 ? width : width - 2
            if current.count + piece.count > room, current != "Sources:" {
                lines.append(current + " ·")
                current = "  " + name
            } else {
                current += piece
            }
        }
        lines.append(current)
        if citations.contains(where: \.isESCO) { lines.append(DataSource.escoCredit) }
        return lines.flatMap { TextTable.wrap($0, width: width) }.map { style.dim($0) + "\n" }.joined()
    }
}
