/// One SQLite value (the five storage classes, https://sqlite.org/datatype3.html).
public enum SQLiteValue: Sendable, Equatable {
    /// NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLiteValueConvertible {
    /// The value as SQLite stores it.
    var sqliteValue: SQLiteValue { get }
}

extension SQLiteValue: SQLiteValueConvertible {
    /// Itself.
    public var sqliteValue: SQLiteValue { self }
}

extension Int64: SQLiteValueConvertible {
    /// `.integer`.
    public var sqliteValue: SQLiteValue { .integer(self) }
}

extension Int: SQLiteValueConvertible {
    /// `.integer` (Int is 64-bit on every platform Lobby runs on).
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Int32: SQLiteValueConvertible {
    /// `.integer`.
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Double: SQLiteValueConvertible {
    /// `.real`.
    public var sqliteValue: SQLiteValue { .real(self) }
}

extension String: SQLiteValueConvertible {
    /// `.text`.
    public var sqliteValue: SQLiteValue { .text(self) }
}

extension Substring: SQLiteValueConvertible {
    /// `.text`.
    public var sqliteValue: SQLiteValue { .text(String(self)) }
}

extension Array: SQLiteValueConvertible where Element == UInt8 {
    /// `.blob`.
    public var sqliteValue: SQLiteValue { .blob(self) }
}

extension Bool: SQLiteValueConvertible {
    /// `.integer(1)` or `.integer(0)`: SQLite has no boolean type.
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    /// The wrapped value, or `.null`.
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}
