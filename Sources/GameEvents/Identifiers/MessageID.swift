/// The identifier of a stored direct message: a positive integer, increasing in the order messages were stored.
public struct MessageID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The identifier as it appears on the wire.
    public let rawValue: Int64

    /// The identifier `rawValue`, or nil unless it is greater than zero.
    public init?(rawValue: Int64) {
        guard rawValue > 0 else { return nil }
        self.rawValue = rawValue
    }

    /// Orders by value, which is the order messages were stored.
    public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal value.
    public var description: String { String(rawValue) }
}
