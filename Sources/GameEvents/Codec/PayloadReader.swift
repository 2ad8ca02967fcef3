/// Reads the members of one JSON object in an event, naming the exact field in every error.
///
/// `path` is where the object sits (`payload`, `payload.friends[2]`, empty for the envelope); field paths are
/// only built when an error is reported. An optional member that is absent or `null` reads as nil (JavaScript
/// clients often send `null` for "not given"); a required member that is absent or `null` is an error. Unknown
/// members are ignored.
struct PayloadReader {
    /// The object being read.
    let object: JSONObject
    /// The path of the object, for error messages.
    let path: String

    /// A reader for `object` found at `path`.
    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    /// The path of member `key` (just `key` at the top level, where `path` is empty).
    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member's value, or nil when it is absent or `null`.
    func optionalValue(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// The member's value converted by `convert`; `requirement` explains the failure (`must be a string`).
    func read<T>(_ key: String, _ requirement: @autoclosure () -> String, _ convert: (JSONValue) -> T?)
        throws(EventDecodingError) -> T
    {
        guard let value = optionalValue(key) else { throw .invalidPayload(field(key), "is required") }
        guard let converted = convert(value) else { throw .invalidPayload(field(key), requirement()) }
        return converted
    }

    /// Like ``read(_:_:_:)``, but nil when the member is absent or `null`.
    func readIfPresent<T>(_ key: String, _ requirement: @autoclosure () -> String, _ convert: (JSONValue) -> T?)
        throws(EventDecodingError) -> T?
    {
        guard optionalValue(key) != nil else { return nil }
        return try read(key, requirement(), convert)
    }
}
