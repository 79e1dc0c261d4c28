/// What an importer could not place, for a person to finish by hand.
public struct ImportReport: Sendable {
    /// One problem: where it is in the input and what was not understood.
    public struct Item: Sendable, Hashable {
        /// The place in the input: a paragraph number, or `file:line`.
        public var place: String
        /// What was not understood or could not be placed.
        public var message: String
        /// The sentence or phrase concerned, when there is one (at most 300 characters).
        public var excerpt: String? = nil

        /// Creates an item.
        public init(place: String, message: String) {
            self.place = place
            self.message = message
        }
    }

    /// The problems, in input order.
    public var items: [Item]

    /// Creates a report.
    public init(items: [Item] = []) { self.items = items }
}
