// lobby-bench: the Lobby project's WebSocket load tool. See HelpText.usage and docs/benchmarks.md.
import Glibc

/// Parses the subcommand and its options, runs it, and exits with its status (2 for bad arguments).
func runLobbyBench(_ argv: [String]) -> Int32 {
    guard let subcommand = argv.first, !["--help", "-h", "help"].contains(subcommand) else {
        Console.error(HelpText.usage)
        return argv.isEmpty ? 2 : 0
    }
    let rest = Array(argv.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
        Console.error(HelpText.usage)
        return 0
    }
    do throws(BenchError) {
        switch subcommand {
        case "echo":
            let arguments = try Arguments(
                rest, valueOptions: CommonOptions.valueOptions.union(EchoScenario.valueOptions),
                flagOptions: CommonOptions.flagOptions)
            return try EchoScenario(arguments).run()
        case "broadcast":
            let arguments = try Arguments(
                rest, valueOptions: CommonOptions.valueOptions.union(BroadcastScenario.valueOptions),
                flagOptions: CommonOptions.flagOptions)
            return try BroadcastScenario(arguments).run()
        case "lobby":
            let arguments = try Arguments(
                rest, valueOptions: CommonOptions.valueOptions.union(LobbyScenario.valueOptions),
                flagOptions: CommonOptions.flagOptions)
            return try LobbyScenario(arguments).run()
        case "game":
            let arguments = try Arguments(
                rest, valueOptions: CommonOptions.valueOptions.union(GameScenario.valueOptions),
                flagOptions: CommonOptions.flagOptions.union(GameScenario.flagOptions))
            return try GameScenario(arguments).run()
        case "selftest":
            return SelfTest.run()
        case "idle":
            let arguments = try Arguments(
                rest, valueOptions: CommonOptions.valueOptions.union(IdleScenario.valueOptions),
                flagOptions: CommonOptions.flagOptions)
            return try IdleScenario(arguments).run()
        default:
            throw BenchError(
                "unknown subcommand '\(subcommand)' (echo, broadcast, idle, lobby, game, selftest; see --help)")
        }
    } catch {
        Console.error("lobby-bench: \(error.message)")
        return 2
    }
}

exit(runLobbyBench(Array(CommandLine.arguments.dropFirst())))
