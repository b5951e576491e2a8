import Foundation

/// Deployments, devices and webhooks.
extension Endpoints {
  /// `POST /deployments`.
  static func createDeployment(
    _ draft: DeploymentDraft
  ) throws(ImpCentralError) -> APIOperation {
    try deviceGroupRef(draft.deviceGroup)
    return try create(
      .deployment, type: "deployment", attributes: draft.attributes,
      relationships: ["devicegroup": draft.deviceGroup], target: nil,
      summary: "create deployment for \(groupNoun(draft.deviceGroup.type)) "
        + short(draft.deviceGroup.id))
  }

  /// `PATCH /deployments/{id}`.
  static func updateDeployment(
    id: String, _ changes: DeploymentChanges
  ) throws(ImpCentralError) -> APIOperation {
    try update(.deployment, type: "deployment", id: id, attributes: changes.attributes)
  }

  /// `PATCH /devices/{id}` with a new name.
  static func updateDevice(id: String, name: String) throws(ImpCentralError) -> APIOperation {
    try update(.device, type: "device", id: id, attributes: ["name": .string(name)])
  }

  /// `GET /devices/{id}/logs?page…`: one page of a device's historical log.
  static func deviceLogs(
    id: String, page: PageRequest
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "device id")
    return APIOperation(
      verb: .list, resource: .logEntry, target: id, access: .read,
      summary: "get the logs of device \(short(id)) (page \(page.number), size \(page.size))",
      request: request(.get, path("/devices", id, "logs"), query: try page.queryItems()))
  }

  /// `POST /webhooks`.
  static func createWebhook(_ draft: WebhookDraft) throws(ImpCentralError) -> APIOperation {
    try deviceGroupRef(draft.deviceGroup)
    return try create(
      .webhook, type: "webhook", attributes: draft.attributes,
      relationships: ["devicegroup": draft.deviceGroup], target: draft.url,
      summary: "create \(draft.event.rawValue) webhook for \(groupNoun(draft.deviceGroup.type)) "
        + short(draft.deviceGroup.id))
  }

  /// `PATCH /webhooks/{id}`.
  static func updateWebhook(
    id: String, _ changes: WebhookChanges
  ) throws(ImpCentralError) -> APIOperation {
    try update(.webhook, type: "webhook", id: id, attributes: changes.attributes)
  }

  /// Refuses a device-group reference with an empty id or a type that is not one of the
  /// seven device-group types.
  private static func deviceGroupRef(_ ref: ResourceRef) throws(ImpCentralError) {
    try ArgumentChecks.id(ref.id, "device group id")
    _ = try DeviceGroupType(validating: ref.type, argument: "devicegroup")
  }
}

/// Log streams.
extension Endpoints {
  /// `POST /logstream?format=…`.
  static func createLogStream(format: LogStreamFormat) -> APIOperation {
    APIOperation(
      verb: .create, resource: .logStream, target: nil, access: .session,
      summary: "open a log stream (\(format.rawValue))",
      request: request(
        .post, "/logstream", query: [URLQueryItem(name: "format", value: format.rawValue)]))
  }

  /// `PUT /logstream/{stream}/{device}` or `DELETE` of the same path.
  static func logStreamDevice(
    _ device: String, stream: String, add: Bool
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(stream, "log stream id")
    try ArgumentChecks.id(device, "device id")
    let summary =
      add
      ? "add device \(short(device)) to log stream \(short(stream))"
      : "remove device \(short(device)) from log stream \(short(stream))"
    return APIOperation(
      verb: add ? .subscribe : .unsubscribe, resource: .logStream, target: stream,
      access: .session, summary: summary,
      request: request(add ? .put : .delete, path("/logstream", stream, segment(device))))
  }

  /// `GET /logstream/{stream}?format=…`: the event stream; the id is the capability, so
  /// no bearer token and no JSON:API content type go with it.
  static func logStreamEvents(
    _ stream: String, format: LogStreamFormat
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(stream, "log stream id")
    var headers = HTTPHeaders()
    headers["Accept"] = "text/event-stream"
    return APIOperation(
      verb: .openEvents, resource: .logStream, target: stream, access: .session,
      summary: "read the events of log stream \(short(stream))",
      request: HTTPRequest(
        method: .get, path: path("/logstream", stream),
        query: [
          URLQueryItem(name: "format", value: format.rawValue)
        ], headers: headers),
      usesBearerToken: false)
  }
}
