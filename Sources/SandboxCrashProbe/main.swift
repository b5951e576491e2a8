import Foundation
import ImpCentral
import ImpCentralSandbox

// Writes to a sandbox database in a loop until it is killed, printing every id the sandbox
// acknowledged, one line each, after the response came back. The crash-safety test kills it
// at random moments and checks that every printed id survived and no write is half done.
//
// usage: SandboxCrashProbe DATABASE

/// Writes `line` and a newline to standard output in one unbuffered write.
func acknowledge(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Sends one request and returns the status and parsed body.
func send(
  _ sandbox: Sandbox, _ method: HTTPMethod, _ path: String, _ body: JSONValue?, token: String
) -> (Int, JSONValue) {
  var request = HTTPRequest(method: method, path: path, body: body?.encoded())
  request.headers["Authorization"] = "Bearer \(token)"
  let response = sandbox.respond(to: request)
  return (response.status, (try? JSONValue.parse(response.body)) ?? .null)
}

/// Creates a resource and returns its id, or exits when the sandbox refuses.
func create(
  _ sandbox: Sandbox, _ path: String, _ data: JSONValue, token: String
) -> String {
  let (status, body) = send(sandbox, .post, path, ["data": data], token: token)
  guard status == 201, let id = body["data"]?["id"]?.stringValue else {
    FileHandle.standardError.write(Data("probe: \(path) answered \(status)\n".utf8))
    exit(1)
  }
  return id
}

func login(_ sandbox: Sandbox) -> String {
  let body: JSONValue = ["id": "sandbox", "password": "sandbox"]
  let response = sandbox.respond(
    to: HTTPRequest(method: .post, path: "/auth", body: body.encoded()))
  guard let token = (try? JSONValue.parse(response.body))?["access_token"]?.stringValue else {
    FileHandle.standardError.write(Data("probe: login failed\n".utf8))
    exit(1)
  }
  return token
}

func round(_ sandbox: Sandbox, _ token: String, _ tag: String) throws {
  let product = create(
    sandbox, "/products", ["type": "product", "attributes": ["name": .string(tag)]], token: token)
  acknowledge("product \(product)")
  let group = create(
    sandbox, "/devicegroups",
    [
      "type": "development_devicegroup", "attributes": ["name": .string(tag)],
      "relationships": ["product": ["type": "product", "id": .string(product)]],
    ], token: token)
  acknowledge("group \(group) \(product)")
  let deployment = create(
    sandbox, "/deployments",
    [
      "type": "deployment",
      "attributes": ["device_code": #"server.log("probe");"#, "agent_code": ""],
      "relationships": ["devicegroup": ["type": "development_devicegroup", "id": .string(group)]],
    ], token: token)
  acknowledge("deployment \(deployment) \(group)")
  let devices = try sandbox.addDevices(count: 20, namePrefix: tag)
  acknowledge("devices \(tag) \(devices.count)")
  let keys = JSONValue.array(devices.map { ["type": "device", "id": .string($0.id)] })
  let (status, _) = send(
    sandbox, .post, "/devicegroups/\(group)/relationships/devices", ["data": keys], token: token)
  guard status == 204 else { exit(1) }
  acknowledge("assigned \(group) \(devices.count)")
}

guard CommandLine.arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: SandboxCrashProbe DATABASE\n".utf8))
  exit(2)
}
let sandbox = try Sandbox(path: CommandLine.arguments[1], deliverer: NoWebhookDeliverer())
let token = login(sandbox)
let run = ProcessInfo.processInfo.processIdentifier
for number in 0... {
  try round(sandbox, token, "probe-\(run)-\(number)")
}
