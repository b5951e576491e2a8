import ImpCentral

/// One operation of the admin API: method, path, whether it needs a login, what it does.
struct AdminRoute: Sendable {
  var method: HTTPMethod
  /// The path under `/sandbox/v1`: `/devices`; `/` for the capability document.
  var path: String
  /// What the operation does, for the capability document.
  var summary: String
  /// The body members it reads, for the capability document.
  var fields: [String]
  var needsLogin = true
  var handler: @Sendable (AdminCall) throws -> HTTPResponse

  /// Every operation, in the order the capability document lists them.
  static let all: [AdminRoute] = [
    AdminRoute(
      method: .get, path: "/", summary: "describe this admin API", fields: [],
      needsLogin: false, handler: AdminRoutes.capabilities),
    AdminRoute(
      method: .post, path: "/devices", summary: "add new unassigned devices to the account",
      fields: ["count", "name_prefix", "imp_type", "online"], handler: AdminRoutes.addDevices),
    AdminRoute(
      method: .post, path: "/factory",
      summary: "run the factory line of a fixture group, blessing new devices",
      fields: ["fixture_group_id", "count"], handler: AdminRoutes.runFactory),
    AdminRoute(
      method: .post, path: "/blinkup", summary: "activate a blessed device as its end user",
      fields: ["device_id"], handler: AdminRoutes.blinkup),
    AdminRoute(
      method: .post, path: "/logs", summary: "make a device log a line",
      fields: ["device_id", "text", "type"], handler: AdminRoutes.emitLog),
    AdminRoute(
      method: .post, path: "/online", summary: "take a device on- or offline",
      fields: ["device_id", "online"], handler: AdminRoutes.setOnline),
    AdminRoute(
      method: .get, path: "/webhooks",
      summary: "list the webhook calls made for the account's device groups", fields: [],
      handler: AdminRoutes.webhooks),
    AdminRoute(
      method: .post, path: "/reset",
      summary: "empty the whole sandbox back to its seeded accounts; every login ends",
      fields: [], handler: AdminRoutes.reset),
  ]

  /// The route for the request, or a 404 or 405 error document.
  static func find(_ request: APIRequest) throws -> AdminRoute {
    try request.checkSegments()
    let path = "/" + request.segments.joined(separator: "/")
    let candidates = all.filter { $0.path == path }
    guard !candidates.isEmpty else { throw AdminFailure.unknownOperation(request.path) }
    guard let route = candidates.first(where: { $0.method == request.method }) else {
      throw APIError.methodNotAllowed(
        request.method.rawValue, allowed: candidates.map(\.method.rawValue))
    }
    return route
  }
}
