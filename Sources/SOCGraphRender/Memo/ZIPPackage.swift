import Foundation
import SOCGraph
import ZIPFoundation

/// A ZIP archive built in memory: the Word package of the case memo, and the Markdown memo with its diagram as
/// the web explorer hands it out.
public enum ZIPPackage {
    /// The archive of `parts` (name, bytes), in that order, deflated. Every entry has the same fixed time, so the
    /// same parts always give the same bytes. `kind` names the package in the error.
    public static func data(_ parts: [(String, Data)], kind: String = "ZIP archive") throws -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            let stamp = Date(timeIntervalSince1970: 1_577_836_800)
            for (name, data) in parts {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: stamp, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw SOCGraphError.outputFailed("cannot build the \(kind)") }
            return data
        } catch let error as SOCGraphError {
            throw error
        } catch {
            throw SOCGraphError.outputFailed("cannot build the \(kind): \(error)")
        }
    }
}
