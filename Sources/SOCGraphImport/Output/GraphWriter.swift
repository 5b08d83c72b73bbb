import Foundation
import SOCGraph

/// Writes Graph/ files so that a failure never leaves a half-written file: everything is first written to a
/// staging folder beside the graph directory, then each file is moved into place with `rename(2)`, which replaces
/// the old file atomically. Files the importer does not produce (README.md, curation/) are left alone.
enum GraphWriter {
    static func write(_ files: [GraphTable], to output: URL) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot create the graph directory \(output.path): \(error.localizedDescription)")
        }
        let staging = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }  // only the staging copy; errors below are reported
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot write the new graph files next to \(output.path) (\(error.localizedDescription)); "
                    + "nothing in \(output.path) was changed")
        }
        for file in files {
            let destination = output.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw SOCGraphError.outputFailed("cannot create \(destination.deletingLastPathComponent().path): "
                    + error.localizedDescription)
            }
            let source = staging.appendingPathComponent(file.path)
            guard rename(source.path, destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw SOCGraphError.outputFailed("cannot move the new \(file.path) into \(output.path): \(reason)")
            }
        }
    }
}
