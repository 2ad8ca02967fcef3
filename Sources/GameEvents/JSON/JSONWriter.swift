/// Writes JSON text (RFC 8259) straight into a byte array, without building a ``JSONValue`` first.
///
/// Calls describe the document in order; the writer inserts the commas:
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.member("type", "friend:removed")
/// writer.literalKey("payload"); writer.beginObject(); writer.member("userId", "u-bob"); writer.endObject()
/// writer.endObject()
/// let bytes = writer.bytes  // {"type":"friend:removed","payload":{"userId":"u-bob"}}
/// ```
///
/// The writer does not check that calls nest properly (a `key` outside an object, a missing `endArray`): the
/// event encoders are its callers and the round-trip tests check them. No whitespace is written.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public internal(set) var bytes: [UInt8]
    /// Whether the next value or key must be preceded by a comma (read by the one-append member writers).
    var needsComma = false

    /// An empty writer with room for `capacity` bytes before it reallocates.
    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// A writer that appends to existing bytes (for example a buffer being reused), starting a new JSON text.
    public init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Writes `{`.
    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Writes `}`.
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Writes `[`.
    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// Writes `]`.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes a member name and the colon; the member's value comes next.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name that is a literal in our code: printable ASCII without `"` or `\`, so it is copied
    /// without escaping (checked in debug builds). (A separate name from ``key(_:)`` because Swift prefers the
    /// `String` overload for string literals.)
    public mutating func literalKey(_ name: StaticString) {
        if Self.fitsScratch(name) {
            let comma = needsComma
            appendScratch { $0.putKey(name, comma: comma) }
            needsComma = false
            return
        }
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }, "\(name) needs escaping")
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        appendASCII(value ? "true" : "false")
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        appendASCII("null")
        needsComma = true
    }

    /// Writes a comma if a value or member precedes this one at the same level.
    @inline(__always) mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Marks that a complete value was just written.
    @inline(__always) mutating func valueWritten() { needsComma = true }

    /// Appends the bytes of an ASCII literal as they are.
    @inline(__always) mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes an opening bracket.
    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    /// Writes a closing bracket.
    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }
}
