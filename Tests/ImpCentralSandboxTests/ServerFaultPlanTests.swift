import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

typealias Rule = FaultPlan.Rule

@Suite struct ServerFaultPlanTests {
  @Test(
    "fault specifications parse into rules",
    arguments: [
      (
        "429x2,500,drop",
        [
          Rule(.rateLimited(resetSeconds: 1), count: 2), Rule(.serverError(status: 500)),
          Rule(.drop),
        ]
      ),
      ("", []),
      (" 503 , dropx3 ", [Rule(.serverError(status: 503)), Rule(.drop, count: 3)]),
      ("429:5", [Rule(.rateLimited(resetSeconds: 5))]),
      ("429:0x4@get", [Rule(.rateLimited(resetSeconds: 0), count: 4, method: .get)]),
      ("DROP@POST@/products", [Rule(.drop, method: .post, pathPrefix: "/products")]),
      ("500@/devices", [Rule(.serverError(status: 500), pathPrefix: "/devices")]),
    ] as [(String, [Rule])])
  func specificationsParse(text: String, expected: [Rule]) throws {
    #expect(try FaultPlan(parsing: text).pending == expected)
  }

  @Test(
    "bad fault specifications name the item",
    arguments: ["404", "429x0", "429xx2", "drop@HEAD", "429:-1", "500x", "slow"])
  func badSpecificationsAreRefused(text: String) {
    #expect {
      try FaultPlan(parsing: text)
    } throws: { error in
      let error = error as? FaultPlanError
      return error?.item == text && error?.description.contains("help: ") == true
    }
  }

  @Test func environmentVariableFillsThePlan() throws {
    let plan = try FaultPlan(environment: ["IMPTSH_SERVE_FAULTS": "429x2,drop"])
    #expect(plan.pending == [Rule(.rateLimited(resetSeconds: 1), count: 2), Rule(.drop)])
    #expect(try FaultPlan(environment: [:]).pending.isEmpty)
  }

  @Test func faultsApplyToMatchingRequestsInOrderThenServingResumes() async throws {
    let faults = try FaultPlan(parsing: "429:3x2,500,503@POST")
    try await withServer(FakeResponder(), faults: faults) { server, transport in
      var statuses: [Int] = []
      var resets: [String?] = []
      for _ in 0..<5 {
        let response = try await transport.send(HTTPRequest(method: .get, path: "/products"))
        statuses.append(response.status)
        resets.append(response.headers["X-RateLimit-Reset"])
      }
      #expect(statuses == [429, 429, 500, 200, 200])
      #expect(resets == ["3", "3", nil, nil, nil])
      let post = try await transport.send(
        HTTPRequest(method: .post, path: "/products", headers: jsonAPIHeaders, body: jsonBody("{}"))
      )
      #expect(post.status == 503)
      #expect(faults.pending.isEmpty)
      #expect(server.requests.count(of: "GET /products") == 5)
    }
  }

  @Test func injectedFailuresCarryAnImpCentralErrorDocument() async throws {
    let faults = FaultPlan([Rule(.serverError(status: 500)), Rule(.rateLimited(resetSeconds: 2))])
    try await withServer(FakeResponder(), faults: faults) { _, transport in
      for expected in ["500", "429"] {
        let response = try await transport.send(HTTPRequest(method: .get, path: "/products"))
        let error = try JSONValue.parse(response.body)["errors"]?.arrayValue?.first
        #expect(error?["status"]?.stringValue == expected)
        #expect(error?["title"]?.stringValue?.isEmpty == false)
        #expect(response.headers["Content-Type"] == "application/vnd.api+json")
      }
    }
  }

  @Test func droppedConnectionReachesURLSessionAsConnectionFailed() async throws {
    let responder = FakeResponder()
    let faults = FaultPlan([Rule(.drop, pathPrefix: "/devices")])
    try await withServer(responder, faults: faults) { _, transport in
      let warmup = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      #expect(warmup.status == 200)
      do {
        let response = try await transport.send(HTTPRequest(method: .get, path: "/devices"))
        Issue.record("expected a dropped connection, got \(response.status)")
      } catch {
        guard case .connectionFailed = error as? TransportError else {
          Issue.record("expected a connection failure, got \(error)")
          return
        }
      }
      let after = try await transport.send(HTTPRequest(method: .get, path: "/devices"))
      #expect(after.status == 200)
    }
    #expect(responder.requests.map(\.path) == ["/products", "/devices"])
  }

  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
  func droppedConnectionReachesCurlOnAReusedConnection() throws {
    let server = SandboxHTTPServer(
      responder: FakeResponder(), faults: FaultPlan([Rule(.drop, pathPrefix: "/devices")]))
    try server.start()
    defer { server.stop() }
    let base = server.baseURL.absoluteString
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    curl.arguments = [
      "-s", "-o", "/dev/null", "--max-time", "10", base + "/products", base + "/devices",
    ]
    try curl.run()
    curl.waitUntilExit()
    #expect(curl.terminationStatus == 18)  // curl's "transfer closed with data remaining"
    #expect(server.requests.total == 2)
  }
}
