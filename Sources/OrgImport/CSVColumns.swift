/// Which columns of a spreadsheet hold what. Each role is found by a header the caller names
/// (a header text, case, spaces and punctuation ignored, or a 1-based column number) or, when
/// not named, by the headers exports commonly use, including those of UK government
/// organograms (`id`/`parentId`/`jobTitle`, and in senior and junior post files `Post Unique
/// Reference`, `Reports to Senior Post`, `Reporting Senior Post`, `Generic Job Title`, `Name`,
/// `Senior/Junior`, `FTE`).
public struct CSVColumns: Sendable, Equatable {
    /// The roles a column can play.
    public enum Role: String, CaseIterable, Sendable {
        case id, name
        case reportsTo = "reports-to"
        case dottedLine = "dotted-line"
        case unit, grade, date
        /// The person holding the post (only when another column holds the title).
        case person
        /// Senior or junior: junior rows without an id are staff groups of the post they report to.
        case seniority
        /// Full-time equivalents of a staff group.
        case fte
    }

    /// Headers tried, in order, for a role nobody named (already normalized).
    static let known: [Role: [String]] = [
        .id: ["id", "postid", "postuniquereference", "uniquereference", "positionid", "employeeid", "ref", "nodeid", "key"],
        .name: ["jobtitle", "generictitle", "genericjobtitle", "posttitle", "positionname", "title", "position", "role", "name", "label"],
        .reportsTo: ["parentid", "parent", "reportstoseniorpost", "reportingseniorpost", "reportsto", "managerid", "manager", "reportsid", "pid",
                     "parentnodeid", "parentkey", "supervisor", "linemanager", "boss"],
        .dottedLine: ["dottedline", "dottedlinereportsto", "dottedlineto", "dualreportsto", "matrixmanager"],
        .unit: ["unit", "team", "jobteamfunction", "division", "department"],
        .grade: ["grade", "gradeorequivalent", "band", "payband"],
        .date: ["date"],
        .person: ["name", "fullname", "employeename", "employee", "personname", "postholder", "incumbent"],
        .seniority: ["seniorjunior", "seniority", "juniorsenior"],
        .fte: ["fte", "fulltimeequivalent", "fulltimeequivalents"],
    ]

    /// The 0-based column of each role found.
    public private(set) var index: [Role: Int] = [:]

    /// Maps `header`, with the columns the caller named in `named` (role → header or number).
    /// Throws when a named column is not in the header.
    public init(header: [String], named: [Role: String], file: String, line: Int) throws {
        let normalized = header.map(Self.normalize)
        for role in Role.allCases {
            if let wanted = named[role] {
                guard let found = Self.column(wanted, in: header) else {
                    throw CSVError(file: file, line: line, message: "no column '\(wanted)' for --\(role.rawValue)",
                                   hint: "the header has: \(Self.listing(header)); give a header or a column number")
                }
                index[role] = found
            } else if let found = (Self.known[role] ?? []).lazy.compactMap({ normalized.firstIndex(of: $0) }).first {
                index[role] = found
            }
        }
        if index[.name] == nil {
            throw CSVError(file: file, line: line, message: "no column with the posts' titles or names",
                           hint: "name it with --name HEADER (the header has: \(Self.listing(header)))")
        }
        // A column holding the titles holds no person's name.
        if named[.person] == nil, index[.person] == index[.name] { index[.person] = nil }
    }

    /// The 0-based column whose header is `wanted` (case, spaces and punctuation ignored) or whose
    /// 1-based number it is; nil when there is none.
    public static func column(_ wanted: String, in header: [String]) -> Int? {
        if let number = Int(wanted), number >= 1, number <= header.count { return number - 1 }
        return header.map(normalize).firstIndex(of: normalize(wanted))
    }

    /// The headers quoted for a message: at most 15, each cut to 40 characters, so that a file
    /// that is not a spreadsheet is never echoed.
    static func listing(_ header: [String]) -> String {
        let shown = header.prefix(15).map { field -> String in
            let line = field.prefix { !$0.isNewline }
            return "'" + (line.count > 40 || line.count < field.count ? line.prefix(40) + "…" : line) + "'"
        }
        return shown.joined(separator: ", ") + (header.count > 15 ? " and \(header.count - 15) more" : "")
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
