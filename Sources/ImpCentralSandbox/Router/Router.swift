import ImpCentral

/// Finds the endpoint for a request and runs its handler inside the request's transaction.
enum Router {
  /// Every endpoint of the API.
  static let routes: [Route] =
    AuthRoutes.routes + AccountRoutes.routes + LoginKeyRoutes.routes + ProductRoutes.routes
    + DeviceGroupRoutes.routes + DeviceGroupActions.routes + DeploymentRoutes.routes
    + DeviceRoutes.routes + WebhookRoutes.routes + LogStreamRoutes.routes

  /// The route for `request` and its path parameters; 400 for a control character in the
  /// path, 404 for an unknown path (an empty segment matches nothing), 405 for a known
  /// path with the wrong method.
  static func resolve(_ request: APIRequest) throws -> (Route, [String]) {
    try request.checkSegments()
    var allowed: [String] = []
    for route in routes {
      guard let parameters = route.match(request.segments) else { continue }
      if route.method == request.method { return (route, parameters) }
      allowed.append(route.method.rawValue)
    }
    guard allowed.isEmpty else {
      throw APIError.methodNotAllowed(request.method.rawValue, allowed: allowed)
    }
    throw APIError.unknownPath(request.path)
  }

  /// Authenticates when the route needs it, then runs the handler.
  static func run(
    _ route: Route, _ parameters: [String], _ request: APIRequest, _ tx: Transaction
  ) throws -> Reply {
    switch route.handler {
    case .open(let handler):
      return try handler(tx, request)
    case .authenticated(let handler):
      let caller = try Authentication.caller(request, tx)
      let context = RequestContext(
        tx: tx, request: request, parameters: parameters, caller: caller)
      return try handler(context)
    }
  }
}
