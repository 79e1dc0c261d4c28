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
    /// A PowerPoint presentation: native shapes and connectors, drawn by orgchart.
    case pptx
    /// A draw.io (diagrams.net) diagram: mxGraph XML, drawn by orgchart.
    case drawio
    /// An interactive, self-contained HTML page of the chart, drawn by orgchart.
    case html

    /// True for the formats Graphviz writes (the others are written by orgchart alone, from the
    /// chart it placed).
    public var graphvizWrites: Bool { [.svg, .pdf, .png, .dot].contains(self) }

    /// The extension of a file in this format: `gv` for DOT text, else the format's name.
    public var fileExtension: String { self == .dot ? "gv" : rawValue }

    /// The format a file name's extension asks for, if any.
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext == "gv" ? "dot" : ext == "htm" ? "html" : ext)
    }
}

/// What went wrong inside Graphviz, with its own messages.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String
    /// How to fix it, when known.
    public var hint: String?
    /// What failed, for a caller that words the fix in its own terms.
    public var reason: Reason

    /// What failed.
    public enum Reason: Sendable, Equatable {
        /// A format Graphviz does not write (PowerPoint, draw.io, HTML): orgchart writes it from its own layout.
        case notAGraphvizFormat
        /// The layout engine failed.
        case layoutFailed
        /// Anything else; the hint says what to do.
        case other
    }

    /// Creates the error.
    public init(_ message: String, hint: String? = nil, reason: Reason = .other) {
        self.message = message
        self.hint = hint
        self.reason = reason
    }

    public var description: String { "error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "") }
}

/// Lays out and renders DOT text in-process through libgvc. One Graphviz context serves the
/// whole process; every call into it is serialized, since libgvc is not thread-safe. Each render
/// frees its buffer, and the graph and layout of the render before it (as the `dot` command
/// does, so that a process rendering one chart does not spend time freeing it before it exits);
/// Graphviz's messages become the thrown error instead of being printed.
public final class Renderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = Renderer()

    private let lock = NSLock()
    /// Guarded by `lock`: the Graphviz context, created by the first call that needs it.
    private var created: OpaquePointer?
    /// Guarded by `lock`: true once anything has been rendered.
    private var rendered = false
    /// Guarded by `warmUpLock`: true once a warm-up was started.
    private var warmUpStarted = false
    private let warmUpLock = NSLock()
    /// Entered while a warm-up thread runs; the process waits for it before exiting.
    private let warming = DispatchGroup()

    private init() {}

    /// The Graphviz context; call with `lock` held.
    private var context: OpaquePointer {
        if let created { return created }
        let context: OpaquePointer = orgchart_gv_context()
        created = context
        return context
    }

    /// Starts Graphviz's one-time work on a background thread: loading the layout and render
    /// plugins, fontconfig's configuration and the faces of `fontname`, by laying out and
    /// rendering a one-box graph. A caller that is about to render calls this before its last
    /// preparations (writing the DOT text), which then overlap that work instead of being
    /// followed by it. Renders wait for the warm-up to finish, and so does the process before it
    /// exits. Only the first call in a process does anything, and only if nothing has been
    /// rendered yet; it changes no output.
    public func warmUp(engine: LayoutEngine, fontname: String) {
        let start = warmUpLock.withLock {
            defer { warmUpStarted = true }
            return !warmUpStarted
        }
        guard start else { return }
        warming.enter()
        atexit { Renderer.shared.warming.wait() }
        let text = Self.warmUpDOT(fontname: fontname)
        Thread.detachNewThread { [self] in
            defer { warming.leave() }
            lock.withLock {
                guard !rendered else { return }
                _ = try? renderLocked(dot: text, engine: engine, format: .svg)
            }
        }
    }

    /// A one-box graph with the markup of a chart's boxes (bold and small text in `fontname`),
    /// positioned so that `nop2` can draw it too.
    static func warmUpDOT(fontname: String) -> String {
        let font = "\"" + fontname.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            digraph { node [shape=box, fontname=\(font)]; a [label=<<b>Box</b><br/><font point-size="8">text</font>>, pos="40,20"] }
            """
    }

    /// Runs `body` while holding the renderer's lock, for other libraries that share Graphviz's
    /// cairo and fontconfig state.
    public static func serialized<T>(_ body: () throws -> T) rethrows -> T {
        try shared.lock.withLock(body)
    }

    /// The Graphviz version the process runs with, e.g. `2.43.0`.
    public var graphvizVersion: String {
        lock.withLock { String(cString: orgchart_gv_version(context)) }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    public func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat) throws -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        guard format.graphvizWrites else {
            throw RenderError("Graphviz cannot write \(format.rawValue) files", hint: "orgchart writes them from its own layout: lay the chart out with the tidy layout",
                              reason: .notAGraphvizFormat)
        }
        let bytes: [UInt8] = try lock.withLock {
            rendered = true
            return try renderLocked(dot: dot, engine: engine, format: format)
        }
        return format == .pdf ? PDFDates.fixed(bytes) : bytes
    }

    /// Renders while the caller holds `lock`.
    private func renderLocked(dot: String, engine: LayoutEngine, format: OutputFormat) throws -> [UInt8] {
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

    private static func error(stage: Int32, format: OutputFormat, engine: LayoutEngine, messages: String) -> RenderError {
        switch stage {
        case 1: return RenderError("Graphviz could not read the DOT text: \(messages)", hint: "this is a bug in orgchart's DOT writer; please report it with the model")
        case 2: return RenderError("Graphviz layout engine '\(engine.rawValue)' failed: \(messages)",
                                   hint: "try another engine (dot), or check that the Graphviz plugins are installed (apt-get install libgvc6)", reason: .layoutFailed)
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
