/// The `Sec-WebSocket-Extensions` grammar (RFC 6455 9.1), parsed into offers:
///
///     extension-list  = 1#extension
///     extension       = extension-token *( ";" extension-param )
///     extension-param = token [ "=" (token | quoted-string) ]
///
/// with optional whitespace around every separator and empty list elements skipped (RFC 9110 5.6.1). A quoted
/// value is unescaped and, as RFC 6455 9.1 requires, must then be a token. Any syntax error rejects the whole
/// header: the offers cannot be told apart reliably once one is malformed.
enum ExtensionHeader {
    /// One `extension` element: its token and its parameters in order (duplicates kept, for the caller to judge).
    struct Element: Equatable {
        /// The extension token, e.g. `permessage-deflate`.
        var name: String
        /// The parameters in order.
        var parameters: [Parameter]
    }

    /// One `extension-param`.
    struct Parameter: Equatable {
        /// The parameter token.
        var name: String
        /// The value after `=` (unquoted), or nil for a bare parameter.
        var value: String?
    }

    /// The elements of a header value (several headers joined with ", "), or nil when it breaks the grammar.
    static func parse(_ value: String) -> [Element]? {
        var scanner = Scanner(Array(value.utf8))
        var elements: [Element] = []
        while true {
            scanner.skipOWS()
            if scanner.atEnd { return elements }
            if scanner.take(UInt8(ascii: ",")) { continue }  // empty list element
            guard let element = scanner.element() else { return nil }
            elements.append(element)
            scanner.skipOWS()
            if scanner.atEnd { return elements }
            guard scanner.take(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// A cursor over the header bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func skipOWS() {
            while index < bytes.count && HTTPSyntax.isOWS(bytes[index]) { index += 1 }
        }

        /// Consumes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count && bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// `extension-token *( ";" extension-param )`, stopping before a `,` or the end.
        mutating func element() -> Element? {
            guard let name = token() else { return nil }
            var element = Element(name: name, parameters: [])
            while true {
                skipOWS()
                guard take(UInt8(ascii: ";")) else { return element }
                skipOWS()
                guard let parameter = token() else { return nil }
                skipOWS()
                var value: String?
                if take(UInt8(ascii: "=")) {
                    skipOWS()
                    guard let parsed = index < bytes.count && bytes[index] == UInt8(ascii: "\"") ? quoted() : token()
                    else { return nil }
                    value = parsed
                }
                element.parameters.append(Parameter(name: parameter, value: value))
            }
        }

        /// One or more token characters.
        mutating func token() -> String? {
            let start = index
            while index < bytes.count && HTTPSyntax.isTokenChar(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A quoted-string (RFC 9110 5.6.4), unescaped; nil unless the result is a token (RFC 6455 9.1).
        mutating func quoted() -> String? {
            index += 1  // the opening quote
            var unescaped: [UInt8] = []
            while index < bytes.count {
                var byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    guard !unescaped.isEmpty, unescaped.allSatisfy(HTTPSyntax.isTokenChar) else { return nil }
                    return String(decoding: unescaped, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    guard index < bytes.count else { return nil }
                    byte = bytes[index]
                    index += 1
                }
                unescaped.append(byte)
            }
            return nil  // unterminated
        }
    }
}
