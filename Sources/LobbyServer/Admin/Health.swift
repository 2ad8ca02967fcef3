/// `GET HEALTH_PATH`: liveness and a few gauges, as JSON. Always 200 while the process serves requests.
enum Health {
    /// The route; it reads the shared counters and never mutates anything.
    static func route(path: String) -> HTTPRoute {
        HTTPRoute(path: path, methods: ["GET"]) { request in
            let server = request.loop.server
            let uptime = (MonotonicClock.now() - server.startedAt) / 1_000_000_000
            let stats = server.stats
            let body = """
            {"status":"ok","version":\(JSONText.quote(Version.string)),"uptimeSeconds":\(uptime),\
            "connections":\(stats.connectionsOpen.load()),"webSockets":\(stats.webSocketsOpen.load()),\
            "loops":\(server.loopCount),"tls":\(server.tls != nil),"shuttingDown":\(request.loop.isShuttingDown)}
            """
            return .json(200, body)
        }
    }
}
