import SOCGraph

/// `fields --format table|tsv`: the field list, or the occupations aligned with one field.
enum FieldsOutput {
    static func table(_ r: FieldListReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("National-interest fields (Critical and Emerging Technologies List, Feb 2024)",
                                 width: width).map { style.bold($0) + "\n" }.joined() + "\n"
        var table = TextTable(columns: [
            TextTable.Column("#", alignment: .right), TextTable.Column("FIELD / ID", wraps: true, minimumWidth: 20),
            TextTable.Column("OCC", alignment: .right), TextTable.Column("CIP", alignment: .right),
            TextTable.Column("TECH", alignment: .right),
        ])
        table.gap = 1  // the longest id (61 characters) then fits 80 columns whole
        for field in r.fields {
            table.rows.append([field.number.map(String.init) ?? "", field.name, String(field.occupations),
                               String(field.programs), String(field.technologies)])
            table.rows.append(["", field.id, "", "", ""])
        }
        out += table.render(width: width, style: style)
        out += "\n" + TextTable.wrap("OCC: occupations aligned (aligns-with edges) · CIP: curated programs "
                                     + "(curation/cip-fields.tsv) · TECH: curated technologies "
                                     + "(curation/technology-fields.tsv). Occupations of a field: socgraph fields ID",
                                     width: width).map { style.dim($0) + "\n" }.joined()
        return out + SourcesFooter.render(r.sources, width: width, style: style)
    }

    static func table(_ r: FieldOccupationsReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("\(r.id)  \(r.name)", width: width).map { style.bold($0) + "\n" }.joined()
        let count = "\(r.total) aligned occupation\(r.total == 1 ? "" : "s")"
            + (r.occupations.count < r.total ? ", strongest \(r.occupations.count) shown" : "")
        out += TextTable.wrap((r.number.map { "Critical and Emerging Technologies List, category \($0) · " } ?? "")
                              + count, width: width).map { style.dim($0) + "\n" }.joined() + "\n"
        var table = TextTable(columns: [
            TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true, minimumWidth: 16),
            TextTable.Column("STRENGTH", alignment: .right), TextTable.Column("PROGRAMS", alignment: .right),
            TextTable.Column("TECH (HOT)", alignment: .right), TextTable.Column("DIRECT"),
        ])
        table.rows = r.occupations.map { o in
            [o.code, o.title, AlignmentStrength.text(o.strength), "\(o.programs)/\(o.programTotal)",
             o.technologies == 0 ? "0" : "\(o.technologies) (\(o.hotTechnologies))", o.direct ? "yes" : ""]
        }
        out += table.render(width: width, style: style)
        out += "\n" + TextTable.wrap("PROGRAMS: signalling of all crosswalked CIP programs · TECH: signalling O*NET "
                                     + "technologies (hot) · strength rule in Graph/README.md · evidence: "
                                     + "socgraph why CODE \(r.id)", width: width).map { style.dim($0) + "\n" }.joined()
        return out + SourcesFooter.render(r.sources, width: width, style: style)
    }

    static func tsv(_ r: FieldListReport) -> String {
        TSVOutput.render(
            header: ["number", "id", "name", "occupations", "programs", "technologies", "direct_links"],
            rows: r.fields.map { f in
                [f.number.map(String.init) ?? "", f.id, f.name, String(f.occupations), String(f.programs),
                 String(f.technologies), String(f.directLinks)]
            })
    }

    static func tsv(_ r: FieldOccupationsReport) -> String {
        TSVOutput.render(
            header: ["field", "code", "title", "strength", "programs", "program_total", "technologies",
                     "hot_technologies", "direct"],
            rows: r.occupations.map { o in
                [r.id, o.code, o.title, AlignmentStrength.text(o.strength), String(o.programs),
                 String(o.programTotal), String(o.technologies), String(o.hotTechnologies), o.direct ? "yes" : "no"]
            })
    }
}
