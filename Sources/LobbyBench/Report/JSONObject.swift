import Foundation
import GameEvents

/// A JSON object built field by field, keys in insertion order, rendered on one line (the machine-readable result).
struct JSONObject {
    private var fields: [String] = []

    /// An empty object.
    init() {}

    /// Adds an integer field.
    mutating func add(_ key: String, _ value: Int) { append(key, String(value)) }

    /// Adds a number field with one decimal (non-finite values become null).
    mutating func add(_ key: String, _ value: Double) { append(key, Self.number(value)) }

    /// Adds a string field.
    mutating func add(_ key: String, _ value: String) { append(key, Self.quoted(value)) }

    /// Adds a boolean field.
    mutating func add(_ key: String, _ value: Bool) { append(key, value ? "true" : "false") }

    /// Adds a nested object.
    mutating func add(_ key: String, _ value: JSONObject) { append(key, value.text) }

    /// Adds an array of objects.
    mutating func add(_ key: String, _ value: [JSONObject]) {
        append(key, "[" + value.map(\.text).joined(separator: ",") + "]")
    }

    /// Adds an array of numbers.
    mutating func add(_ key: String, _ value: [Double]) {
        append(key, "[" + value.map(Self.number).joined(separator: ",") + "]")
    }

    /// Adds an integer field, or null.
    mutating func add(_ key: String, _ value: Int?) { append(key, value.map(String.init) ?? "null") }

    /// Adds a number field, or null.
    mutating func add(_ key: String, _ value: Double?) { append(key, value.map(Self.number) ?? "null") }

    /// Adds a number field with `decimals` decimals, or null.
    mutating func add(_ key: String, _ value: Double?, decimals: Int) {
        append(key, value.map { $0.isFinite ? String(format: "%.\(decimals)f", $0) : "null" } ?? "null")
    }

    /// The object as one line of JSON.
    var text: String { "{" + fields.joined(separator: ",") + "}" }

    private mutating func append(_ key: String, _ rendered: String) { fields.append(Self.quoted(key) + ":" + rendered) }

    /// A number with one decimal, or null.
    static func number(_ value: Double) -> String { value.isFinite ? String(format: "%.1f", value) : "null" }

    /// A JSON string literal, escaped by GameEvents' writer (the server's own encoder).
    static func quoted(_ text: String) -> String {
        var writer = JSONWriter(reservingCapacity: text.utf8.count + 2)
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
