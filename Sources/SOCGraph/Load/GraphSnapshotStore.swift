import Foundation

/// Keeps a snapshot (`GraphSnapshot`) of the graph loaded with one set of sections between runs, so that the next
/// run with the same sections reads one file instead of parsing and validating the TSV files.
///
/// The snapshot records a fingerprint of exactly what it was loaded from: the format version, the executable, the
/// graph directory, the sections, and the size, modification and change times and inode of each Graph/ file those
/// sections read (manifest.tsv included, and the optional curation files, present or absent). Any difference, or a
/// damaged snapshot, and the graph is loaded from the TSV files — validating every row, so a damaged graph is
/// reported as always — and the snapshot rewritten. It lives where the search index does (`CacheFolders`), named
/// after the sections: `Graph/.cache/graph-MASK.bin`, else the user's cache folder.
struct GraphSnapshotStore: Sendable {
    /// The graph directory (standardized).
    let directory: URL
    /// The sections with their prerequisites.
    let sections: Set<GraphSection>
    /// Where the snapshot may be, in order of preference; empty when the caches are off.
    let locations: [URL]

    init(folders: CacheFolders, sections: Set<GraphSection>) {
        directory = folders.graphDirectory
        self.sections = GraphSection.closure(of: sections)
        let mask = String(GraphSnapshot.mask(of: self.sections), radix: 16)
        locations = folders.locations(named: "graph-\(mask)")
    }

    /// The Graph/ files the sections read, relative to the graph directory, and whether each may be absent.
    var inputFiles: [(name: String, optional: Bool)] {
        GraphFile.all.filter { $0.isRead(by: sections) }.map { ($0.name, $0.optional) }
    }

    /// The fingerprint of the inputs as they are now, or nil when a required file cannot be examined (missing, or
    /// the directory is absent): the caller then loads from the TSV files, which reports the problem.
    func fingerprint() -> String? {
        var lines = [
            "socgraph graph snapshot, format \(GraphSnapshot.formatVersion)",
            "program " + (CacheFolders.programIdentity ?? "unknown"),
            "graph " + directory.path,
            "sections " + sections.sorted().map(\.rawValue).joined(separator: ","),
        ]
        for (file, optional) in inputFiles {
            let status = CacheFolders.status(of: directory.appendingPathComponent(file).path)
            guard let status = status ?? (optional ? "absent" : nil) else { return nil }
            lines.append(file + " " + status)
        }
        return lines.joined(separator: "\n")
    }

    /// The graph of the first snapshot that matches `fingerprint`; nil when none does (absent, stale, damaged).
    func cached(fingerprint: String) -> KnowledgeGraph? {
        for location in locations {
            // A snapshot that cannot be read, is stale or is damaged is no different from none.
            guard let storage = CacheFolders.readFile(location.path) else { continue }
            do {
                return try GraphSnapshot.decode(storage.bytes, expecting: fingerprint, sections: sections)
            } catch {
                continue
            }
        }
        return nil
    }

    /// Writes the snapshot of `graph` atomically to the first location that accepts it; returns that location, or
    /// nil when none is writable.
    @discardableResult
    func save(_ graph: KnowledgeGraph, fingerprint: String) -> URL? {
        CacheFolders.save(Data(GraphSnapshot.encode(graph, fingerprint: fingerprint)), to: locations)
    }

    /// The graph: from a snapshot when one matches the inputs, else from `load` (which reads and validates the TSV
    /// files and throws their problems), then saved for the next run unless the inputs changed meanwhile.
    func load(_ load: () throws -> KnowledgeGraph) throws -> KnowledgeGraph {
        guard !locations.isEmpty, let before = fingerprint() else { return try load() }
        if let graph = cached(fingerprint: before) { return graph }
        let graph = try load()
        if fingerprint() == before { save(graph, fingerprint: before) }
        return graph
    }
}
