/// Which columns of a spreadsheet hold what. Each role is found by a header the caller names
/// (a header text, case, spaces and punctuation ignored, or a 1-based column number) or, when
/// not named, by the headers exports commonly use, including those of UK government
/// organograms (`id`/`parentId`/`jobTitle`, and in senior and junior post files `Post Unique
/// Reference`, `Reports to Senior Post`, `Reporting Senior Post`, `Generic Job Title`).
public struct CSVColumns: Sendable, Equatable {
    /// The roles a column can play.
    public enum Role: String, CaseIterable, Sendable {
        case id, name
        case reportsTo = "reports-to"
        case dottedLine = "dotted-line"
        case unit, grade, date
    }

    /// Headers tried, in order, for a role nobody named (already normalized).
    static let known: [Role: [String]] = [
        .id: ["id", "postid", "postuniquereference", "uniquereference", "positionid", "employeeid", "ref"],
        .name: ["jobtitle", "generictitle", "genericjobtitle", "posttitle", "title", "position", "role", "name"],
        .reportsTo: ["parentid", "parent", "reportstoseniorpost", "reportingseniorpost", "reportsto", "managerid", "manager", "reportsid"],
        .dottedLine: ["dottedline", "dottedlinereportsto", "dottedlineto", "dualreportsto", "matrixmanager"],
        .unit: ["unit", "team", "jobteamfunction", "division", "department"],
        .grade: ["grade", "gradeorequivalent", "band", "payband"],
        .date: ["date"],
    ]

    /// The 0-based column of each role found.
    public private(set) var index: [Role: Int] = [:]

    /// Maps `header`, with the columns the caller named in `named` (role → header or number).
    /// Throws when a named column is not in the header.
    public init(header: [String], named: [Role: String], file: String, line: Int) throws {
        let normalized = header.map(Self.normalize)
        for role in Role.allCases {
            if let wanted = named[role] {
                if let number = Int(wanted), number >= 1, number <= header.count {
                    index[role] = number - 1
                } else if let found = normalized.firstIndex(of: Self.normalize(wanted)) {
                    index[role] = found
                } else {
                    throw CSVError(file: file, line: line, message: "no column '\(wanted)' for --\(role.rawValue)",
                                   hint: "the header has: \(header.map { "'\($0)'" }.joined(separator: ", ")); give a header or a column number")
                }
            } else if let found = (Self.known[role] ?? []).lazy.compactMap({ normalized.firstIndex(of: $0) }).first {
                index[role] = found
            }
        }
        if index[.name] == nil {
            throw CSVError(file: file, line: line, message: "no column with the posts' titles or names",
                           hint: "name it with --name HEADER (the header has: \(header.map { "'\($0)'" }.joined(separator: ", ")))")
        }
    }

    /// Lower-case letters and digits only: `Reports to Senior Post` → `reportstoseniorpost`.
    static func normalize(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The value of `role` in `record`, trimmed and with inner runs of white space collapsed;
    /// nil when the column is missing or holds a placeholder (`XX`, `N/D`, `N/A`, `NaN`, `-`, empty).
    public func value(_ role: Role, in record: CSVRecord) -> String? {
        guard let column = index[role], column < record.fields.count else { return nil }
        let text = record.fields[column].split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return Self.placeholders.contains(text.lowercased()) ? nil : text
    }

    /// Values exports use for "none" or "not disclosed".
    static let placeholders: Set<String> = ["", "xx", "n/d", "n/a", "na", "nan", "null", "none", "-", "#n/a"]
}
