import Foundation
import Testing
import WebSocketCore
@testable import LobbyServer

/// Plain HTTP over real sockets: health, keep-alive, errors, slow-loris.
@Suite struct HTTPEndToEndTests {
    @Test func healthReportsStatusAndGauges() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let (head, body) = try client.request("GET", "/health")
        #expect(head.status == 200)
        #expect(head.headers["Content-Type"] == "application/json")
        let json = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        #expect(json?["status"] as? String == "ok")
        #expect(json?["version"] as? String == Version.string)
        #expect((json?["connections"] as? Int ?? 0) >= 1)
        #expect(json?["uptimeSeconds"] is Int)
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        for _ in 0..<3 {
            let (head, _) = try client.request("GET", "/health")
            #expect(head.status == 200)
            #expect(head.headers["Connection"]?.lowercased() == "keep-alive")
        }
        let (last, _) = try client.request("GET", "/health", keepAlive: false)
        #expect(last.status == 200)
        #expect(client.waitForEOF())
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().head.status == 200)
        #expect(try client.readResponse().head.status == 404)
    }

    @Test func headGetsHeadersWithoutBody() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let (head, body) = try client.request("HEAD", "/health")
        #expect(head.status == 200)
        #expect(body.isEmpty)
        #expect(Int(head.headers["Content-Length"] ?? "0")! > 0)
    }

    @Test func unknownPathIs404AndWrongMethodIs405() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.request("GET", "/nowhere").head.status == 404)
        let (head, _) = try client.request("POST", "/health", body: Array("{}".utf8))
        #expect(head.status == 405)
        #expect(head.headers["Allow"]?.contains("GET") == true)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
        "GET /health HTTP/1.1\r\n\r\n",
        "GET http://x/health HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    ])
    func malformedRequestsGet400AndClose(request: String) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send(request)
        let (head, _) = try client.readResponse()
        #expect(head.status == 400)
        #expect(client.waitForEOF())
    }

    @Test func unsupportedVersionIs505() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/2.0\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().head.status == 505)
    }

    @Test func oversizedHeadersGet431() throws {
        let server = try TestServer { $0.maxHeaderSize = 1024 }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 2000))\r\n\r\n")
        #expect(try client.readResponse().head.status == 431)
        #expect(client.waitForEOF())
    }

    @Test func oversizedBodyGets413() throws {
        let server = try TestServer { $0.maxBodySize = 10 }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        #expect(try client.readResponse().head.status == 413)
    }

    @Test func slowLorisIsCutOffAfterTheRequestTimeout() throws {
        let server = try TestServer { $0.requestTimeoutMs = 300 }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n")   // never finishes the head
        let start = Date()
        #expect(client.waitForEOF(timeout: 5))
        #expect(Date().timeIntervalSince(start) < 2.5)
        #expect(TestServer.eventually { server.stats.timeouts.load() >= 1 })
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let server = try TestServer { $0.keepAliveTimeoutMs = 300 }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.request("GET", "/health").head.status == 200)
        #expect(client.waitForEOF(timeout: 5))
    }
}
