import Foundation

/// Files and standard input read whole, never more than a bound: every reader of models, themes,
/// manifests, mappings, spreadsheets and bulletins goes through here, so a huge file, a device
/// such as `/dev/zero` or an endless pipe ends with an error instead of exhausting memory.
public enum InputFile {
    /// The largest model file, spreadsheet, manifest or mapping file: 64 MiB (a model of
    /// 20,000 units is about 4 MB).
    public static let maximumBytes = 64 << 20

    /// The longest single value of a model, theme, manifest or mapping file (a name, a title,
    /// a note, a function): 10,000 bytes. Longer values are errors, so that no value can make a
    /// box or a tooltip of megabytes.
    public static let maximumValueBytes = 10_000

    /// The path that names standard input.
    public static let standardInput = "-"

    /// The bytes of the file at `path` (`-`: standard input), at most `limit` of them. `what`
    /// names the input in the error, e.g. "model file".
    public static func bytes(_ path: String, what: String, limit: Int = maximumBytes) throws(InputError) -> [UInt8] {
        let handle = path == standardInput ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else { throw .unreadable(path: path) }
        defer { if path != standardInput { try? handle.close() } }
        var bytes: [UInt8] = []
        do {
            // One byte more than the limit tells a file of exactly `limit` bytes from a larger one.
            while bytes.count <= limit, let chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count)), !chunk.isEmpty {
                bytes += chunk
            }
        } catch {
            throw .unreadable(path: path)
        }
        guard bytes.count <= limit else {
            throw .invalid(Diagnostic(.error, at: SourceLocation(file: name(of: path), line: 1, column: 1),
                                      "the \(what) is larger than \(describe(bytes: limit)), the most orgchart reads",
                                      hint: "split it into smaller files, or check that the right file was given"))
        }
        return bytes
    }

    /// The text of the file at `path` (`-`: standard input), at most `limit` bytes of UTF-8; a
    /// leading byte order mark is dropped. A byte that is not UTF-8 is an error at its line and column.
    public static func text(_ path: String, what: String, limit: Int = maximumBytes) throws(InputError) -> String {
        try text(of: bytes(path, what: what, limit: limit), file: name(of: path), what: what)
    }

    /// `bytes` as UTF-8 text without a leading byte order mark; `file` names them in the error
    /// when a byte is not UTF-8.
    public static func text(of bytes: [UInt8], file: String, what: String) throws(InputError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        // Decoding replaces each byte that is not UTF-8, so the text has the same bytes only when all are.
        var text = String(decoding: body, as: UTF8.self)
        let unchanged = text.utf8.count == body.count && (body.isEmpty || text.withUTF8 { decoded in
            body.withUnsafeBufferPointer { memcmp(decoded.baseAddress!, $0.baseAddress!, body.count) == 0 }
        })
        if unchanged { return text }
        guard let place = firstInvalidByte(in: body) else { return text }
        throw .invalid(Diagnostic(.error, at: SourceLocation(file: file, line: place.line, column: place.column),
                                  "the \(what) is not UTF-8 text: byte 0x\(String(body[place.offset], radix: 16, uppercase: true)) cannot start or continue a character here",
                                  hint: "save the file as UTF-8 (for example with `iconv -f latin1 -t utf-8`)"))
    }

    /// `path` as diagnostics name it: `<stdin>` for standard input.
    public static func name(of path: String) -> String { path == standardInput ? "<stdin>" : path }

    /// Whether `path` names a stream rather than a file in a directory: `-`, `/dev/stdin`, or a
    /// descriptor such as `/dev/fd/63` that a shell's process substitution `<(…)` gives.
    public static func isStream(_ path: String) -> Bool {
        path == standardInput || path == "/dev/stdin" || path.hasPrefix("/dev/fd/")
            || path.hasPrefix("/proc/") && path.split(separator: "/").dropLast().last == "fd"
    }

    /// The directory against which paths written inside the file at `path` (includes) are
    /// resolved: the file's own directory, or the working directory (`""`) for a stream.
    public static func directory(of path: String) -> String {
        isStream(path) ? "" : (path as NSString).deletingLastPathComponent
    }

    /// The offset, 1-based line and column (in characters) of the first byte of `bytes` that is
    /// not part of a UTF-8 character; nil when they are all UTF-8.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> (offset: Int, line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (offset, line, column)
            case .emptyInput:
                return nil
            }
        }
    }

    /// `bytes` in MiB or KiB when a whole number of them ("64 MB"), else in bytes.
    static func describe(bytes: Int) -> String {
        bytes > 0 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : bytes > 0 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}

/// A file or standard input that could not be read.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be opened or read; callers say what to check.
    case unreadable(path: String)
    /// The input is larger than its bound or is not UTF-8: a located diagnostic with a hint.
    case invalid(Diagnostic)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(InputFile.name(of: path)): error: cannot read the file"
        case .invalid(let diagnostic): diagnostic.description
        }
    }
}
