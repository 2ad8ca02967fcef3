import Foundation

/// One migration file, `NNNN_name.sql`: a version of at least four digits, `_`, a name of lowercase letters,
/// digits and underscores, `.sql`. Versions run 1, 2, 3, ... without gaps; migrations are forward-only.
public struct Migration: Sendable, Equatable {
    /// The version number (`0003_x.sql` is 3).
    public var version: Int
    /// The name part (`0003_chat_messages.sql` is `chat_messages`), recorded in `schema_migrations`.
    public var name: String
    /// The file holding the SQL script.
    public var file: URL

    /// Creates a migration description.
    public init(version: Int, name: String, file: URL) {
        self.version = version
        self.name = name
        self.file = file
    }

    /// Parses a file name; nil unless it matches `NNNN_name.sql` exactly.
    public static func parse(fileName: String) -> (version: Int, name: String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard digits.count >= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let version = Int(digits),
            !name.isEmpty,
            name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { return nil }
        return (version, String(name))
    }
}
