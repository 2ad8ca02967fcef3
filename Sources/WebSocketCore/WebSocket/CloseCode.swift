/// A close status code (RFC 6455 section 7.4 and the IANA registry).
public struct CloseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 16-bit code as it appears on the wire.
    public var rawValue: UInt16

    /// Wraps a raw code.
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1000: the purpose of the connection was fulfilled.
    public static let normalClosure = CloseCode(rawValue: 1000)
    /// 1001: the server is going down or the client navigated away.
    public static let goingAway = CloseCode(rawValue: 1001)
    /// 1002: the peer broke the protocol.
    public static let protocolError = CloseCode(rawValue: 1002)
    /// 1003: a data type the endpoint cannot accept (e.g. binary where only text is understood).
    public static let unsupportedData = CloseCode(rawValue: 1003)
    /// 1005: no status code was present. Never sent on the wire.
    public static let noStatusReceived = CloseCode(rawValue: 1005)
    /// 1006: the connection dropped without a close frame. Never sent on the wire.
    public static let abnormalClosure = CloseCode(rawValue: 1006)
    /// 1007: a text message (or close reason) was not valid UTF-8.
    public static let invalidPayloadData = CloseCode(rawValue: 1007)
    /// 1008: a policy was violated (e.g. a slow consumer overflowed its send buffer).
    public static let policyViolation = CloseCode(rawValue: 1008)
    /// 1009: a message was larger than the configured maximum.
    public static let messageTooBig = CloseCode(rawValue: 1009)
    /// 1010: the client expected an extension the server did not negotiate.
    public static let mandatoryExtension = CloseCode(rawValue: 1010)
    /// 1011: the server hit an unexpected condition.
    public static let internalError = CloseCode(rawValue: 1011)
    /// 1012: the service is restarting.
    public static let serviceRestart = CloseCode(rawValue: 1012)
    /// 1013: try again later (temporary overload).
    public static let tryAgainLater = CloseCode(rawValue: 1013)

    /// Whether a peer may send this code in a close frame. 1005, 1006 and 1015 are reserved for local use;
    /// 0-999 and unassigned codes below 3000 are invalid; 3000-4999 belong to libraries and applications.
    public var isValidOnWire: Bool {
        switch rawValue {
        case 1000...1003, 1007...1014: return true
        case 3000...4999: return true
        default: return false
        }
    }

    public var description: String { String(rawValue) }
}
