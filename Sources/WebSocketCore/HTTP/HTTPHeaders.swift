/// An ordered list of header fields, names kept as received (RFC 9110 section 5).
///
/// Field names compare case-insensitively (RFC 9110 5.1) using ASCII folding only, without allocating.
/// Lookups are linear: a request head holds a dozen fields, where a scan beats hashing.
public struct HTTPHeaders: Sendable, Sequence {
    /// The fields in the order they were received.
    public private(set) var pairs: [(name: String, value: String)]

    /// Creates headers from `(name, value)` pairs, keeping their order.
    public init(_ pairs: [(String, String)] = []) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { pairs.count }

    /// Appends a field line.
    public mutating func add(name: String, value: String) {
        pairs.append((name: name, value: value))
    }

    /// The value of the first field called `name` (case-insensitive), or nil.
    public subscript(_ name: String) -> String? {
        for pair in pairs where HTTPSyntax.equalsIgnoringCase(pair.name, name) {
            return pair.value
        }
        return nil
    }

    /// The values of every field called `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        pairs.compactMap { HTTPSyntax.equalsIgnoringCase($0.name, name) ? $0.value : nil }
    }

    /// True when a comma-separated header (e.g. `Connection: keep-alive, Upgrade`) contains `token`,
    /// case-insensitive, across repeated headers (RFC 9110 5.6.1 list syntax; empty elements are skipped).
    public func containsToken(_ name: String, _ token: String) -> Bool {
        for pair in pairs where HTTPSyntax.equalsIgnoringCase(pair.name, name) {
            if HTTPSyntax.listContains(pair.value, token) { return true }
        }
        return false
    }

    /// Iterates the fields as `(name, value)` tuples in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }
}
