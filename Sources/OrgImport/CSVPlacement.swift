/// Which posts of a spreadsheet form the chart's tree. The tree starts at the top post (no
/// reports-to) that most posts report up to; a post reporting to itself is on a cycle; a post is placed when its chain of reports-to
/// reaches that top post. Every other row is reported with its reason — a reports-to naming no
/// post of the file, a reporting cycle, a second top post, or a chain through such a row —
/// and left out, so one bad row never stops the rest.
struct CSVPlacement {
    /// Indices of the placed posts, in file order.
    private(set) var placed: [Int] = []
    /// The index of the top post, when there is one.
    private(set) var root: Int?
    /// Problems, in file order.
    private(set) var report = ImportReport()

    /// Where a post's chain of reports-to ends.
    private enum Top: Equatable {
        case root(Int)
        case missing(Int)
        case cycle(Int)
    }

    /// The post each post reports to, as resolved by the caller (nil for a top post or a
    /// reports-to naming no post).
    let parent: [Int?]

    /// Places `posts`, each reporting to the post at `parent` (same indices).
    init(posts: [CSVPost], parent: [Int?]) {
        let count = posts.count
        self.parent = parent
        var top = [Top?](repeating: nil, count: count)
        var onPath = [Bool](repeating: false, count: count)
        var onCycle = [Bool](repeating: false, count: count)
        for start in 0..<count where top[start] == nil {
            var path: [Int] = []
            var current = start
            var found: Top
            while true {
                if let known = top[current] { found = known; break }
                if onPath[current] {
                    found = .cycle(current)
                    for member in path[path.firstIndex(of: current)!...] { onCycle[member] = true }
                    break
                }
                onPath[current] = true
                path.append(current)
                if posts[current].reportsTo == nil { found = .root(current); break }
                guard let next = parent[current] else { found = .missing(current); break }
                current = next
            }
            for i in path {
                top[i] = found
                onPath[i] = false
            }
        }
        var size: [Int: Int] = [:]
        for case .root(let r)? in top { size[r, default: 0] += 1 }
        root = size.keys.sorted().max { size[$0]! < size[$1]! || (size[$0]! == size[$1]! && $0 > $1) }
        for (i, post) in posts.enumerated() {
            switch top[i]! {
            case .root(let r) where r == root:
                placed.append(i)
            case .root(let r):
                let main = root.map { " the chart starts at '\(posts[$0].id)' (\(posts[$0].place))" } ?? ""
                report.items.append(.init(place: post.place, message: r == i
                    ? "'\(post.id)' is a second top post (no reports-to) heading \(size[r]! - 1) other rows; it was left out:\(main) — give it a reports-to"
                    : "'\(post.id)' reports up to the second top post '\(posts[r].id)' (\(posts[r].place)); it was left out"))
            case .missing(let m) where m == i:
                report.items.append(.init(place: post.place, message: "'\(post.id)' reports to '\(post.reportsTo ?? "")', which is not a post of the file; it was left out — correct the reports-to or add that post"))
            case .cycle where onCycle[i]:
                report.items.append(.init(place: post.place, message: "'\(post.id)' is in a reporting cycle: \(Self.cycle(from: i, parent: parent, posts: posts)); it was left out — break the cycle by correcting one reports-to"))
            case .missing, .cycle:
                report.items.append(.init(place: post.place, message: "'\(post.id)' reports to '\(post.reportsTo ?? "")', which could not be placed; it was left out"))
            }
        }
    }

    /// The cycle from `post` back to it, as ids: `A → B → A`.
    private static func cycle(from post: Int, parent: [Int?], posts: [CSVPost]) -> String {
        var ids = [posts[post].id]
        var current = parent[post]
        while let next = current, next != post, ids.count < 12 {
            ids.append(posts[next].id)
            current = parent[next]
        }
        return (ids + [current == post ? posts[post].id : "…"]).joined(separator: " → ")
    }
}
