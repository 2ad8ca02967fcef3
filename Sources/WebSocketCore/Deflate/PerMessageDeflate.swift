/// Server-side negotiation of the permessage-deflate extension (RFC 7692).
///
/// ## The choices, and what RFC 7692 says about them
/// - **No context takeover, both directions.** The response always carries `server_no_context_takeover` and
///   `client_no_context_takeover`, whatever the offer said: a server MAY include either even when the offer did
///   not (7.1.1.1, 7.1.1.2), and the client must then comply. Every message is therefore compressed and
///   decompressed from an empty window, so one zlib stream pair per event loop (``DeflateCodec``), reset per
///   message, serves every connection, and an idle connection holds no compression state at all.
/// - **The server's window.** An offer's `server_max_window_bits=N` must be answered with the same or a smaller
///   value (7.1.2.1); we answer N and compress with a window of 2^N. zlib cannot produce raw DEFLATE with an
///   8-bit window (it rejects it: only the zlib header could tell a decompressor about the 256-byte window it
///   would silently use instead), and no smaller value exists, so an offer of 8 is declined, as 7 requires of a
///   server that "doesn't support the offered configuration". Without the parameter we use 15 and say nothing.
/// - **The client's window.** `client_max_window_bits` (with or without a value) only says the client can limit
///   its window; we never ask it to (the response MUST NOT carry the parameter unless offered, 7.1.2.2, and we
///   inflate with the largest window, which reads any smaller one).
/// - **Declining.** An offer with an unknown parameter, an invalid value (window bits outside 8-15, leading
///   zeros, a value on a flag parameter, a missing value on `server_max_window_bits`) or a repeated parameter is
///   declined (7), and the next offer in the header is considered: the client lists them in preference order
///   (5). If none is acceptable the extension is simply not used (no `Sec-WebSocket-Extensions` response
///   header), which is always allowed. A header that breaks the RFC 6455 9.1 grammar declines everything.
public enum PerMessageDeflate {
    /// The extension token (RFC 7692 7).
    public static let name = "permessage-deflate"

    /// Largest and smallest LZ77 window the parameters may name (RFC 7692 7.1.2).
    static let windowBitsRange = 8...15

    /// What the server agreed to for one connection.
    public struct Parameters: Equatable, Sendable {
        /// Base-2 logarithm of the window the server compresses with (9...15).
        public var serverMaxWindowBits: Int
        /// Always true: each server message is compressed from an empty window (RFC 7692 7.1.1.1).
        public var serverNoContextTakeover: Bool
        /// Always true: each client message must be compressed from an empty window (RFC 7692 7.1.1.2).
        public var clientNoContextTakeover: Bool

        /// Parameters with the given server window and no context takeover either way.
        public init(serverMaxWindowBits: Int = 15) {
            self.serverMaxWindowBits = serverMaxWindowBits
            serverNoContextTakeover = true
            clientNoContextTakeover = true
        }
    }

    /// Picks the first acceptable permessage-deflate offer in `offerHeader` (the `Sec-WebSocket-Extensions`
    /// request header, several fields joined with ", "); returns the response header value and the parameters,
    /// or nil when the extension must not be used.
    public static func negotiate(offerHeader: String?) -> (responseHeader: String, parameters: Parameters)? {
        guard let offerHeader, let elements = ExtensionHeader.parse(offerHeader) else { return nil }
        for element in elements where HTTPSyntax.equalsIgnoringCase(element.name, name) {
            guard let parameters = accept(element.parameters) else { continue }
            var response = "\(name); server_no_context_takeover; client_no_context_takeover"
            if element.parameters.contains(where: { isNamed($0, "server_max_window_bits") }) {
                response += "; server_max_window_bits=\(parameters.serverMaxWindowBits)"
            }
            return (response, parameters)
        }
        return nil
    }

    /// The parameters for one offer, or nil when it must be declined (RFC 7692 7).
    static func accept(_ offered: [ExtensionHeader.Parameter]) -> Parameters? {
        var seen: Set<String> = []
        var parameters = Parameters()
        for parameter in offered {
            let key = parameter.name.lowercased()
            guard seen.insert(key).inserted else { return nil }  // repeated parameter
            switch key {
            case "server_no_context_takeover", "client_no_context_takeover":
                guard parameter.value == nil else { return nil }
            case "server_max_window_bits":
                guard let value = parameter.value, let bits = windowBits(value) else { return nil }
                guard bits >= 9 else { return nil }  // zlib has no raw 8-bit window and 8 is the floor
                parameters.serverMaxWindowBits = bits
            case "client_max_window_bits":
                if let value = parameter.value, windowBits(value) == nil { return nil }
            default:
                return nil  // not defined for use in an offer
            }
        }
        return parameters
    }

    /// A window-bits value: a decimal integer without leading zeros in 8...15 (RFC 7692 7.1.2.1, 7.1.2.2).
    static func windowBits(_ text: String) -> Int? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0"), text.utf8.count <= 2,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let bits = Int(text), windowBitsRange.contains(bits)
        else { return nil }
        return bits
    }

    private static func isNamed(_ parameter: ExtensionHeader.Parameter, _ name: String) -> Bool {
        HTTPSyntax.equalsIgnoringCase(parameter.name, name)
    }
}
