import Foundation

/// An output that could not be written; nothing was written to it.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the file could not be written.
    public enum Reason: Sendable, Equatable {
        /// The directory that should hold the file could not be created.
        case cannotCreateDirectory(String)
        /// The path names a directory, a device, a FIFO or a socket, which renaming would destroy.
        case notRegularFile(isDirectory: Bool)
        /// The system refused to create, write or rename the file: its message, and what to check.
        case refused(String, hint: String?)
    }

    /// The file that was to be written (or its temporary file, when writing that failed).
    public var path: String
    /// Why it could not be.
    public var reason: Reason

    /// Creates the error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// What went wrong, and what to check: `error: …` and an indented `hint: …` line.
    public var description: String {
        switch reason {
        case .cannotCreateDirectory(let directory):
            return "error: cannot write \(path): cannot create the directory '\(directory)'\n    hint: check that the directory exists or can be created, and is writable"
        case .notRegularFile(let isDirectory):
            return "error: will not write over \(path): it is \(Self.kind(isDirectory: isDirectory))\n    hint: name a regular file"
        case .refused(let message, let hint):
            return "error: cannot write \(path): \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
        }
    }

    /// What a file that is not regular is, in a message.
    public static func kind(isDirectory: Bool) -> String {
        isDirectory ? "a directory" : "not a regular file (a device, a FIFO or a socket)"
    }
}

/// Writing outputs so that a reader never sees a partial file: the bytes go to a temporary file
/// created exclusively beside the target (never following a symlink), which is then renamed over
/// it. Only regular files (or symlinks to them) are replaced; the temporary file is removed on any
/// error and when the process is interrupted or terminated.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically, creating missing directories; `-` writes to standard output.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let target = try replaceableTarget(path)
        let directory = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: .cannotCreateDirectory(directory))
        }
        let temporary = try TemporaryFile(beside: target, path: path)
        defer { temporary.remove() }
        try temporary.write(bytes)
        if rename(temporary.path, target) != 0 {
            throw OutputError(path: path, reason: .refused(String(cString: strerror(errno)), hint: "check that the directory is writable"))
        }
        temporary.renamed()
    }

    /// `name` (a chart's file name without extension, which may hold sub-folders) in one
    /// spelling — `.` parts and repeated slashes dropped — or nil when it would leave the output
    /// directory (absolute, or with a `..` part), is empty, or holds control characters.
    public static func safeName(_ name: String) -> String? {
        guard !name.hasPrefix("/"), !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let parts = name.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }

    /// The hint given with a refused output name.
    public static let safeNameHint = "a chart name is a relative file name without extension, inside the output directory: no '..' and no leading '/'"

    /// The file `path` names, after its symlinks; an error when it exists and is not a regular
    /// file (a device, a FIFO, a directory), which renaming would destroy.
    private static func replaceableTarget(_ path: String) throws -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return path }
        var target = path
        if status.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &status) == 0, let resolved = realpath(path, nil) else { return path }
            target = String(cString: resolved)
            free(resolved)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw OutputError(path: path, reason: .notRegularFile(isDirectory: status.st_mode & S_IFMT == S_IFDIR))
        }
        return target
    }
}

/// A temporary file beside an output, created with `O_CREAT|O_EXCL|O_NOFOLLOW` (its mode from the
/// umask). While it exists its path is known to the signal handlers, which remove it when the
/// process is interrupted (SIGINT, SIGTERM, SIGHUP) before re-raising the signal.
private final class TemporaryFile {
    let path: String
    private let descriptor: Int32
    private var pending = true

    init(beside target: String, path shown: String) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var attempt = 0
        while true {
            let candidate = (directory.isEmpty ? "" : directory + "/") + ".\(base).\(getpid()).\(attempt).tmp"
            TemporaryFile.installHandlers()
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 {
                path = candidate
                descriptor = fd
                TemporaryFile.register(candidate)
                return
            }
            guard errno == EEXIST || errno == ELOOP, attempt < 100 else {
                throw OutputError(path: shown, reason: .refused(String(cString: strerror(errno)), hint: "check that the directory exists or can be created, and is writable"))
            }
            attempt += 1
        }
    }

    /// Writes every byte, then closes the file.
    func write(_ bytes: [UInt8]) throws {
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        let closed = close(descriptor)
        if let failure {
            throw OutputError(path: path, reason: .refused(String(cString: strerror(failure)), hint: "check the free space of the disk"))
        }
        if closed != 0 { throw OutputError(path: path, reason: .refused(String(cString: strerror(errno)), hint: nil)) }
    }

    /// The file now holds the output under its final name: nothing to remove.
    func renamed() { pending = false }

    /// Removes the file unless it was renamed into place.
    func remove() {
        TemporaryFile.register(nil)
        if pending { unlink(path) }
    }

    // The path the signal handlers remove, kept as a C string they can read without allocating.
    nonisolated(unsafe) private static var current: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    private static func register(_ path: String?) {
        let old = current
        current = path.map { strdup($0) }
        free(old)
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                if let path = TemporaryFile.current { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}

/// A 64-bit FNV-1a digest, enough to tell whether a chart's inputs or an output file changed.
public struct Fingerprint: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty digest.
    public init() {}

    /// The digest of `bytes`.
    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 { add(bytes) }

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
