/// A paper size in inches, portrait or landscape.
public struct PageSize: Sendable, Equatable, CustomStringConvertible {
    /// Width and height in inches.
    public var width: Double, height: Double
    /// The name it was given, e.g. `A4`.
    public var name: String

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

    /// The same paper turned sideways.
    public var landscape: PageSize {
        PageSize(name: name + ",landscape", width: max(width, height), height: min(width, height))
    }

    /// Parses `A4`, `A3`, `letter`, optionally followed by `,landscape` (or `,portrait`).
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ",").map { String($0.filter { $0 != " " }) }
        guard let first = parts.first else { return nil }
        let base: PageSize
        switch first {
        case "a4": base = .a4
        case "a3": base = .a3
        case "letter": base = .letter
        default: return nil
        }
        switch parts.dropFirst().first {
        case nil, "portrait": self = base
        case "landscape": self = base.landscape
        default: return nil
        }
    }

    /// The usable area inside margins of `margin` inches.
    public func printable(margin: Double) -> (width: Double, height: Double) {
        (width - 2 * margin, height - 2 * margin)
    }

    public var description: String { name }
}
