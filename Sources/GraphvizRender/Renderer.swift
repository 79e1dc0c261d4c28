import CGraphvizShim
import Foundation

/// Graphviz layout engines.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, twopi, circo
    /// Keeps the positions given in the DOT text and only renders.
    case nop2
}

/// Output formats.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, pdf, png
    /// The DOT text as written, without layout.
    case dot

    /// The format a file name's extension asks for, if any.
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext == "gv" ? "dot" : ext)
    }
}

/// What went wrong inside Graphviz, with its own messages.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String
    /// How to fix it, when known.
    public var hint: String?

    /// Creates the error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "") }
}

/// Lays out and renders DOT text in-process through libgvc. One Graphviz context serves the
/// whole process; every call into it is serialized, since libgvc is not thread-safe. Each render
/// frees its graph, layout and buffer, and Graphviz's messages become the thrown error instead of
/// being printed.
public final class Renderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = Renderer()

    private let context: OpaquePointer
    private let lock = NSLock()

    private init() {
        context = orgchart_gv_context()
    }

    /// Runs `body` while holding the renderer's lock, for other libraries that share Graphviz's
    /// cairo and fontconfig state.
    static func serialized<T>(_ body: () throws -> T) rethrows -> T {
        try shared.lock.withLock(body)
    }

    /// The Graphviz version the process runs with, e.g. `2.43.0`.
    public var graphvizVersion: String {
        lock.withLock { String(cString: orgchart_gv_version(context)) }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    public func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat) throws -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        let bytes: [UInt8] = try lock.withLock {
            var output: UnsafeMutablePointer<CChar>?
            var length = 0
            var failure: Int32 = 0
            let rc = dot.withCString { text in
                orgchart_gv_render(context, text, engine.rawValue, format.rawValue, &output, &length, &failure)
            }
            let messages = String(cString: orgchart_gv_captured()).trimmingCharacters(in: .whitespacesAndNewlines)
            defer { orgchart_gv_free(output) }
            guard rc == 0, let output else { throw Self.error(stage: failure, format: format, engine: engine, messages: messages) }
            return output.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        }
        return format == .pdf ? PDFDates.fixed(bytes) : bytes
    }

    private static func error(stage: Int32, format: OutputFormat, engine: LayoutEngine, messages: String) -> RenderError {
        switch stage {
        case 1: return RenderError("Graphviz could not read the DOT text: \(messages)", hint: "this is a bug in orgchart's DOT writer; please report it with the model")
        case 2: return RenderError("Graphviz layout engine '\(engine.rawValue)' failed: \(messages)",
                                   hint: "try another engine (--engine dot), or check that the Graphviz plugins are installed (apt-get install libgvc6)")
        default:
            if messages.contains("not recognized") || messages.isEmpty {
                let package = format == .svg ? "libgvc6" : "libgvc6 (its cairo plugin, libgvplugin_pango)"
                return RenderError("Graphviz cannot write \(format.rawValue.uppercased()): \(messages.isEmpty ? "no renderer for this format" : messages)",
                                   hint: "install the plugin: apt-get install \(package), or brew install graphviz; then run `dot -c` as root to register plugins")
            }
            return RenderError("Graphviz could not render \(format.rawValue.uppercased()): \(messages)")
        }
    }
}
