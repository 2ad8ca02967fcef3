import Foundation

extension Config {
    /// Builds the configuration: defaults, then environment variables, then command-line flags (flags win).
    /// Flags take `--name value` or `--name=value`; boolean flags also `--name` and `--no-name`.
    static func load(arguments: [String], environment: [String: String]) throws(ConfigError) -> Config {
        var config = Config()
        for setting in settings {
            if let value = environment[setting.env] { try setting.apply(&config, value) }
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw ConfigError("unexpected argument '\(argument)' (see --help)") }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            var negated = false
            if name.hasPrefix("no-"), settings.contains(where: { $0.flag == String(name.dropFirst(3)) && $0.kind == .bool }) {
                negated = true
                name = String(name.dropFirst(3))
            }
            guard let setting = settings.first(where: { $0.flag == name }) else {
                throw ConfigError("unknown option '--\(name)' (see --help)")
            }
            if setting.kind == .bool && value == nil {
                value = negated ? "false" : "true"
            } else if value == nil {
                index += 1
                guard index < arguments.count else { throw ConfigError("option '--\(name)' needs a value") }
                value = arguments[index]
            }
            try setting.apply(&config, value!)
            index += 1
        }
        try config.validate()
        return config
    }

    /// The `--help` text, generated from the settings table.
    static var helpText: String {
        var text = """
        lobby-server: the Lobby realtime game-lobby server (WebSocket, RFC 6455).

        USAGE: lobby-server [options]
               lobby-server --help | --version

        Every option can also be set with the environment variable shown; a flag wins over the environment.

        OPTIONS:

        """
        for setting in settings {
            let flag = setting.kind == .bool ? "--\(setting.flag), --no-\(setting.flag)" : "--\(setting.flag) <\(setting.kind == .int ? "n" : "value")>"
            // A flag too long for the column gets its own line rather than being cut off.
            let flagText = "  \(flag)"
            let left = flagText.count < 34
                ? flagText.padding(toLength: 34, withPad: " ", startingAt: 0)
                : flagText + "\n" + String(repeating: " ", count: 34)
            text += "\(left) \(setting.help)\n"
            text += String(repeating: " ", count: 35) + "env \(setting.env), default \(setting.defaultText)\n"
        }
        text += "\nSIGTERM or SIGINT starts a graceful shutdown: stop accepting, close every WebSocket with 1001, flush, exit 0.\n"
        return text
    }
}
