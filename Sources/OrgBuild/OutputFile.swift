import Foundation

/// Writing outputs so that a reader never sees a partial file: the bytes go to a temporary file
/// beside the target, which is then renamed over it.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically, creating missing directories; `-` writes to standard output.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw PipelineError("error: cannot write \(path): \(reason)")
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError("error: cannot write \(path): \(error.localizedDescription)\n    hint: check that the directory exists or can be created, and is writable")
        }
    }
}

/// A 64-bit FNV-1a digest, enough to tell whether a chart's inputs or an output file changed.
public struct Fingerprint: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty digest.
    public init() {}

    /// Adds bytes to the digest.
    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0xff
        value = value &* 0x100_0000_01b3
    }

    /// Adds a string's UTF-8 bytes.
    public mutating func add(_ text: String) { add(text.utf8) }

    /// 16 hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
