import Foundation

// lobby-server: parse the configuration, then hand over to App (see App/App.swift).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "token" {
    exit(TokenCommand.run(arguments: Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
}
if arguments.contains("--help") || arguments.contains("-h") {
    print(Config.helpText, terminator: "")
    exit(0)
}
if arguments.contains("--version") {
    print("lobby-server \(Version.string)")
    exit(0)
}
do {
    let config = try Config.load(arguments: arguments, environment: ProcessInfo.processInfo.environment)
    exit(App.main(config: config))
} catch {
    FileHandle.standardError.write(Data("lobby-server: \(error)\n".utf8))
    exit(2)
}
