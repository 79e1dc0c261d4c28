import OrgModel

/// Shared resources and their consumers: "A, B and C are shared resources providing services to D and E",
/// "F is an integrated resource that provides services to D, E, operations … and Member States".
extension BulletinDraft {
    /// Reads a shared-resource sentence; false when it is not one.
    mutating func readServices(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        let lower = sentence.lowercased()
        guard let servicesTo = sentence.firstRange(of: "services to ") ?? sentence.firstRange(of: "support services to "),
              lower.contains("resource") || lower.contains("provide") else { return false }
        guard let (providersText, _, _) = Clauses.split(String(sentence[..<servicesTo.lowerBound]),
                                                        at: [" are ", " is ", " provides ", " provide ", " shall provide "]) else { return false }
        var providers: [Int] = []
        for name in Names.list(providersText) {
            providers += subjects(name, in: context)
        }
        guard !providers.isEmpty else {
            note(context.place, "the shared resources were not recognized as units", excerpt: sentence)
            return false
        }
        let evidence = Evidence(place: context.place)
        let shared = lower.contains("shared") || lower.contains("common") || lower.contains("integrated resource")
        let e = shared ? evidence : evidence.weakened(to: 0.8, "services provided without the words \"shared resource\"")
        for consumer in Names.list(Clauses.object(String(sentence[servicesTo.upperBound...]))) {
            // A consumer is named in full ("the Department of Field Support") or in context ("the Department"),
            // not by a part of a unit's name.
            guard let (end, confidence) = namedUnit(consumer, context) ?? consumerGroup(consumer, context), case .unit(let target) = end,
                  confidence >= 0.9 || units[target].isExternal else {
                note(context.place, "the consumer '\(Names.bare(consumer))' of shared services is not a unit; not modelled", excerpt: sentence)
                continue
            }
            for provider in providers where provider != target { relate(.providesServicesTo, .unit(provider), .unit(target), e) }
        }
        return true
    }

    /// The groups the series names as users of a department's services, outside it: "Member States" (a
    /// body) and the operations or missions a department leads ("operations led by the Department of …").
    mutating func consumerGroup(_ phrase: String, _ context: ReadingContext) -> (DraftEnd, Double)? {
        let name = Names.bare(phrase)
        let lower = name.lowercased()
        let kind: UnitKind
        if lower == "member states" {
            kind = .body
        } else if ["operations led by the ", "missions led by the "].contains(where: lower.hasPrefix), name.count <= 120 {
            kind = .mission
        } else {
            return nil
        }
        let written = name.prefix(1).uppercased() + name.dropFirst()
        if let existing = units.firstIndex(where: { $0.key == Names.key(written) }) { return (.unit(existing), 1) }
        let u = addUnit(written, kind: kind, parent: nil, evidence: Evidence(place: context.place), section: context.section)
        units[u].isExternal = true
        units[u].isCollective = false
        units[u].notes.append("Named as a user of the services of the organization (§\(context.place)).")
        return (.unit(u), 1)
    }
}

