/// Looking up wire names without `init?(rawValue:)`, which compares the candidate with every name using full
/// Unicode string comparison: here fingerprints (length and first eight bytes) settle almost every comparison.
extension ClientEventName {
    /// Every name with its case, built once.
    private static let table: [(name: MemberName, event: ClientEventName)] = allCases.map {
        (MemberName($0.rawValue), $0)
    }

    /// The event called exactly `wireName` (compared as UTF-8 code units).
    init?(wireName: String) {
        let name = MemberName(wireName)
        guard let entry = Self.table.first(where: { $0.name == name }) else { return nil }
        self = entry.event
    }
}

extension ServerEventName {
    /// Every name with its case, built once.
    private static let table: [(name: MemberName, event: ServerEventName)] = allCases.map {
        (MemberName($0.rawValue), $0)
    }

    /// The event called exactly `wireName` (compared as UTF-8 code units).
    init?(wireName: String) {
        let name = MemberName(wireName)
        guard let entry = Self.table.first(where: { $0.name == name }) else { return nil }
        self = entry.event
    }
}
