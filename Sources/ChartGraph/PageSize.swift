/// A paper size in inches, portrait or landscape.
public struct PageSize: Sendable, Equatable, CustomStringConvertible {
    /// Width and height in inches.
    public var width: Double, height: Double
    /// The name it was given, e.g. `A4`.
    public var name: String
    /// True when no orientation was given (`A4` rather than `A4,portrait`): the chart may turn
    /// the page to landscape when it reads larger that way.
    public var turnable = false

    /// Creates a page size.
    public init(name: String, width: Double, height: Double) {
        self.name = name
        self.width = width
        self.height = height
    }

    /// ISO A4, 210 × 297 mm.
    public static let a4 = PageSize(name: "A4", width: 8.27, height: 11.69)
    /// ISO A3, 297 × 420 mm.
    public static let a3 = PageSize(name: "A3", width: 11.69, height: 16.54)
    /// US Letter, 8.5 × 11 in.
    public static let letter = PageSize(name: "letter", width: 8.5, height: 11)
    /// A widescreen (16:9) presentation slide, 13.333 × 7.5 in.
    public static let widescreenSlide = PageSize(name: "widescreen slide", width: 13.333, height: 7.5)

    /// The same paper turned sideways.
    public var landscape: PageSize {
        PageSize(name: name + ",landscape", width: max(width, height), height: min(width, height))
    }

    /// The same page, whose orientation may still be chosen.
    public var turnableAgain: PageSize {
        var copy = self
        copy.turnable = true
        return copy
    }

    /// The same paper upright, without a choice of orientation left.
    public var portrait: PageSize {
        PageSize(name: name.hasSuffix(",landscape") ? String(name.dropLast(10)) : name, width: min(width, height), height: max(width, height))
    }

    /// Parses `A4`, `A3`, `letter`, optionally followed by `,landscape` (or `,portrait`); nil for
    /// anything else.
    public init?(parsing text: String) {
        guard let size = try? Self.parse(text) else { return nil }
        self = size
    }

    /// Parses a page as `init(parsing:)` does, or throws naming the part that is not understood.
    public static func parse(_ text: String) throws -> PageSize {
        let parts = text.lowercased().split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
        let base: PageSize
        switch parts[0] {
        case "a4": base = .a4
        case "a3": base = .a3
        case "letter": base = .letter
        default: throw PageSizeError(text: text, part: parts[0])
        }
        guard parts.count <= 2 else { throw PageSizeError(text: text, part: parts[2]) }
        switch parts.dropFirst().first {
        case nil:
            var turnable = base
            turnable.turnable = true
            return turnable
        case "portrait": return base
        case "landscape": return base.landscape
        case let part?: throw PageSizeError(text: text, part: part)
        }
    }

    /// The usable area inside margins of `margin` inches.
    public func printable(margin: Double) -> (width: Double, height: Double) {
        (width - 2 * margin, height - 2 * margin)
    }

    public var description: String { name }
}

/// A page size that could not be read, and the part of it that is not understood.
public struct PageSizeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page as written, e.g. `A4,portrait,x`.
    public var text: String
    /// The part not understood, e.g. `x`.
    public var part: String

    /// How a page is written.
    public static let hint = "write A4, A3 or letter, optionally followed by ,landscape or ,portrait (e.g. A4,landscape)"

    /// `unknown page 'A4,portrait,x': 'x' is neither …`.
    public var description: String {
        "unknown page '\(text)': '\(part)' is \(part.isEmpty ? "an empty part" : "neither a paper size (A4, A3, letter) nor an orientation (landscape, portrait)")"
    }
}
