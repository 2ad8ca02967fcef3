/// Validation of `Content-Length` (RFC 9110 section 8.6, RFC 9112 section 6.3).
enum ContentLength {
    /// The largest body length accepted as a number; longer digit strings are refused rather than overflowing.
    static let maxDigits = 15

    /// The single length declared by all `values` (each may be a comma-separated list of identical numbers, as
    /// RFC 9110 8.6 allows), 0 when there are none, or nil when any element is not digits or they disagree.
    static func parse(_ values: [String]) -> Int? {
        var result: Int? = nil
        for value in values {
            for element in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let number = number(element) else { return nil }
                if let result, result != number { return nil }
                result = number
            }
        }
        return result ?? 0
    }

    /// The decimal value of an element, OWS trimmed; nil unless 1 to `maxDigits` ASCII digits.
    private static func number(_ element: Substring.UTF8View) -> Int? {
        let trimmed = element.drop { HTTPSyntax.isOWS($0) }.reversed().drop { HTTPSyntax.isOWS($0) }.reversed()
        guard !trimmed.isEmpty, trimmed.count <= maxDigits else { return nil }
        var value = 0
        for byte in trimmed {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
