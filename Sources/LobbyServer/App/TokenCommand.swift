import Foundation

/// `lobby-server token`: prints a session token (HS256 JWT) for a user, signed with the secret the server
/// would use, so developers and operators can connect with `ws://HOST:3005/ws?token=...`.
///
/// `main.swift` passes the arguments that follow the word `token`. The secret is resolved like the server's
/// (`Config.jwtSecret()`): `--secret`, else `JWT_SECRET`, else, outside production, the development secret
/// with a warning on stderr.
enum TokenCommand {
    /// What the command line asked for.
    struct Options: Sendable, Equatable {
        /// The user id (`sub`).
        var user: String
        /// The display name; nil means the user id.
        var username: String?
        /// The role claim.
        var role: Claims.Role = .player
        /// The optional email claim.
        var email: String?
        /// Lifetime in seconds.
        var ttlSeconds: Int64 = 3600
        /// The signing secret given with `--secret`, if any.
        var secret: String?
    }

    /// A usage error: printed on stderr, exit status 2.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The message.
        let description: String
        /// Creates a failure with a message.
        init(_ description: String) { self.description = description }
    }

    /// Longest `--ttl`: one year.
    static let maxTTLSeconds: Int64 = 365 * 24 * 3600

    /// The `--help` text.
    static let usage = """
        lobby-server token: print a signed session token (JWT, HS256) for a user.

        USAGE: lobby-server token --user <id> [--username <name>] [--role player|runner|admin]
                                  [--email <address>] [--ttl <seconds>] [--secret <secret>]

        OPTIONS:
          --user <id>         user id, the token's sub claim (required)
          --username <name>   display name, 1-32 characters (default: the user id)
          --role <role>       player (default), runner or admin
          --email <address>   email claim (optional)
          --ttl <seconds>     lifetime, 1 to \(maxTTLSeconds) seconds (default 3600)
          --secret <secret>   signing secret, at least 32 bytes (default: JWT_SECRET; without either, the
                              development secret, refused when LOBBY_ENV=production)
          -h, --help          print this help

        The token alone is printed on stdout: ws://localhost:3005/ws?token=$(lobby-server token --user alice)

        """

    /// Runs the command: prints the token (or the help) on stdout and returns 0, or prints the problem on
    /// stderr and returns 2.
    static func run(arguments: [String], environment: [String: String]) -> Int32 {
        do throws(Failure) {
            guard let options = try parse(arguments) else {
                print(usage, terminator: "")
                return 0
            }
            let issued = try issue(options, environment: environment, now: Int64(Date().timeIntervalSince1970))
            if issued.isDevelopmentDefault {
                printError("warning: JWT_SECRET is not set; signed with the built-in development secret, which only "
                    + "development servers accept")
            }
            print(issued.token)
            return 0
        } catch {
            printError("\(error) (see lobby-server token --help)")
            return 2
        }
    }

    /// Parses the arguments and signs the token at `now` (Unix seconds); `--help` is a failure here.
    static func makeToken(arguments: [String], environment: [String: String], now: Int64) throws(Failure) -> String {
        guard let options = try parse(arguments) else { throw Failure("--help asks for the usage, not a token") }
        return try issue(options, environment: environment, now: now).token
    }

    /// Builds and signs the claims; reports whether the development secret was used.
    static func issue(_ options: Options, environment: [String: String],
                      now: Int64) throws(Failure) -> (token: String, isDevelopmentDefault: Bool) {
        let claims = Claims(sub: options.user, username: Claims.trimmed(options.username ?? options.user),
                            email: options.email, role: options.role, iat: now, exp: now + options.ttlSeconds)
        if let reason = claims.invalidReason { throw Failure(reason) }
        let resolved = try secret(options, environment: environment)
        return (JWTSigner(secret: resolved.secret).sign(claims), resolved.isDevelopmentDefault)
    }

    /// The server's secret resolution: `Config` built from `LOBBY_ENV` and `JWT_SECRET` only (other settings
    /// are none of this command's business), with `--secret` as the flag that wins.
    private static func secret(_ options: Options,
                               environment: [String: String]) throws(Failure) -> (secret: [UInt8], isDevelopmentDefault: Bool) {
        do throws(ConfigError) {
            let relevant = environment.filter { $0.key == "LOBBY_ENV" || $0.key == "JWT_SECRET" }
            let config = try Config.load(arguments: options.secret.map { ["--jwt-secret", $0] } ?? [],
                                         environment: relevant)
            return try config.jwtSecret()
        } catch {
            throw Failure(error.description)
        }
    }

    /// Parses `--name value` / `--name=value` options; nil when help was asked for.
    static func parse(_ arguments: [String]) throws(Failure) -> Options? {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--help" || argument == "-h" { return nil }
            guard argument.hasPrefix("--") else { throw Failure("unexpected argument '\(argument)'") }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard ["user", "username", "role", "email", "ttl", "secret"].contains(name) else {
                throw Failure("unknown option '--\(name)'")
            }
            if value == nil {
                index += 1
                guard index < arguments.count else { throw Failure("option '--\(name)' needs a value") }
                value = arguments[index]
            }
            guard values.updateValue(value!, forKey: name) == nil else { throw Failure("option '--\(name)' is given twice") }
            index += 1
        }
        return try options(from: values)
    }

    /// Checks the parsed values and fills in the defaults.
    private static func options(from values: [String: String]) throws(Failure) -> Options {
        guard let user = values["user"], !user.isEmpty else { throw Failure("--user <id> is required") }
        var options = Options(user: user, username: values["username"], email: values["email"],
                              secret: values["secret"])
        if let role = values["role"] {
            guard let known = Claims.Role(rawValue: role) else {
                throw Failure("--role must be player, runner or admin, got '\(role)'")
            }
            options.role = known
        }
        if let ttl = values["ttl"] {
            guard let seconds = Int64(ttl), (1...maxTTLSeconds).contains(seconds) else {
                throw Failure("--ttl must be a number of seconds in 1...\(maxTTLSeconds), got '\(ttl)'")
            }
            options.ttlSeconds = seconds
        }
        return options
    }

    /// Writes one line to stderr.
    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("lobby-server token: \(message)\n".utf8))
    }
}
