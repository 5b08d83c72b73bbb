import SOCGraph

/// `fields --format table|tsv`: the field list, or the occupations aligned with one field.
enum FieldsOutput {
    static func table(_ r: FieldListReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = ""
        for framework in Framework.allCases {
            let fields = r.fields.filter { $0.framework == framework.rawValue }
            guard !fields.isEmpty else { continue }
            if !out.isEmpty { out += "\n" }
            out += TextTable.wrap("National-interest fields: \(framework.citation)", width: width)
                .map { style.bold($0) + "\n" }.joined() + "\n"
            var table = TextTable(columns: [
                TextTable.Column("#", alignment: .right), TextTable.Column("FIELD / ID", wraps: true, minimumWidth: 20),
                TextTable.Column("CORE", alignment: .right), TextTable.Column("SUB", alignment: .right),
                TextTable.Column("INC", alignment: .right),
            ])
            table.gap = 1  // the longest CET id (61 characters) then fits 80 columns whole
            for field in fields {
                table.rows.append([field.number.map(String.init) ?? "", field.name, String(field.core),
                                   String(field.substantial), String(field.incidental)])
                table.rows.append(["", field.id, "", "", ""])
                if !field.includes.isEmpty { table.rows.append(["", "includes " + field.includes.joined(separator: ", "), "", "", ""]) }
            }
            out += table.render(width: width, style: style)
        }
        out += "\n" + TextTable.wrap("CORE, SUB, INC: detailed occupations graded core (a typical incumbent works "
                                     + "in the field), substantial (many do), incidental (some touch its tools; not an "
                                     + "alignment to cite); rule in Graph/README.md. Occupations of a field: "
                                     + "socgraph fields ID", width: width).map { style.dim($0) + "\n" }.joined()
        return out + SourcesFooter.render(r.sources, width: width, style: style)
    }

    static func table(_ r: FieldOccupationsReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("\(r.id)  \(r.name)", width: width).map { style.bold($0) + "\n" }.joined()
        let framework = Framework(rawValue: r.framework)
        let count = "\(r.total) occupation\(r.total == 1 ? "" : "s") and specialt\(r.total == 1 ? "y" : "ies") graded "
            + "\(r.minimumGrade) or above" + (r.occupations.count < r.total ? ", best \(r.occupations.count) shown" : "")
        out += TextTable.wrap((framework.map { "\($0.citation), \($0.fieldNoun) \(r.number.map(String.init) ?? "") · " } ?? "")
                              + count, width: width).map { style.dim($0) + "\n" }.joined() + "\n"
        var table = TextTable(columns: [
            TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true, minimumWidth: 16),
            TextTable.Column("GRADE"), TextTable.Column("STR", alignment: .right),
            TextTable.Column("PROG", alignment: .right), TextTable.Column("TECH", alignment: .right),
            TextTable.Column("TITLES", alignment: .right),
        ])
        table.rows = r.occupations.map { o in
            [o.code, o.title + (o.catchAll ? " [catch-all" + (o.specialty.map { "; see \($0)" } ?? "") + "]" : "")
                + (!o.catchAll && o.specialty != nil ? " [specialty \(o.specialty ?? "")]" : ""),
             o.grade + (o.direct != nil ? "*" : ""), AlignmentStrength.text(o.strength),
             "\(o.programs)/\(o.programTotal)", o.technologies == 0 ? "0" : "\(o.technologies) (\(o.hotTechnologies))",
             String(o.titles)]
        }
        out += table.render(width: width, style: style)
        out += "\n" + TextTable.wrap("GRADE: core (a typical incumbent works in the field), substantial (many do), "
                                     + "incidental (not an alignment to cite); * a curated direct link · STR: strength "
                                     + "of the evidence behind the grade · PROG: signalling of all crosswalked CIP "
                                     + "programs · TECH: signalling O*NET technologies (hot) · TITLES: titles naming the "
                                     + "field's work · rule in Graph/README.md · evidence: socgraph why CODE \(r.id)",
                                     width: width).map { style.dim($0) + "\n" }.joined()
        return out + SourcesFooter.render(r.sources, width: width, style: style)
    }

    static func tsv(_ r: FieldListReport) -> String {
        TSVOutput.render(
            header: ["framework", "number", "id", "name", "core", "substantial", "incidental", "programs",
                     "technologies", "title_terms", "direct_links", "includes"],
            rows: r.fields.map { f in
                [f.framework, f.number.map(String.init) ?? "", f.id, f.name, String(f.core), String(f.substantial),
                 String(f.incidental), String(f.programs), String(f.technologies), String(f.titleTerms),
                 String(f.directLinks), f.includes.joined(separator: " ")]
            })
    }

    static func tsv(_ r: FieldOccupationsReport) -> String {
        TSVOutput.render(
            header: ["field", "framework", "code", "title", "grade", "strength", "catch_all", "specialty", "programs",
                     "program_total", "technologies", "hot_technologies", "titles", "direct"],
            rows: r.occupations.map { o in
                [r.id, r.framework, o.code, o.title, o.grade, AlignmentStrength.text(o.strength),
                 o.catchAll ? "yes" : "no", o.specialty ?? "", String(o.programs), String(o.programTotal),
                 String(o.technologies), String(o.hotTechnologies), String(o.titles), o.direct ?? ""]
            })
    }
}
