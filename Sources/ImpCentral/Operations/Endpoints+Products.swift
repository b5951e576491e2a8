/// Products and device groups.
extension Endpoints {
  /// `POST /products`.
  static func createProduct(_ draft: ProductDraft) throws(ImpCentralError) -> APIOperation {
    if let owner = draft.ownerID { try ArgumentChecks.id(owner, "owner id") }
    return try create(
      .product, type: "product", attributes: draft.attributes,
      relationships: draft.relationships, target: draft.name,
      summary: "create product '\(draft.name)'")
  }

  /// `PATCH /products/{id}`.
  static func updateProduct(
    id: String, _ changes: ProductChanges
  ) throws(ImpCentralError) -> APIOperation {
    try update(.product, type: "product", id: id, attributes: changes.attributes)
  }

  /// `POST /devicegroups`.
  static func createDeviceGroup(
    _ draft: DeviceGroupDraft
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(draft.productID, "product id")
    let summary =
      "create \(draft.type.name) device group '\(draft.name)' in product "
      + short(draft.productID)
    return try create(
      .deviceGroup, type: draft.type.apiType, attributes: draft.attributes,
      relationships: draft.relationships, target: draft.name, summary: summary)
  }

  /// `PATCH /devicegroups/{id}`; the group's type is always sent.
  static func updateDeviceGroup(
    id: String, type: DeviceGroupType, _ changes: DeviceGroupChanges
  ) throws(ImpCentralError) -> APIOperation {
    var operation = try update(
      .deviceGroup, type: type.apiType, id: id, attributes: changes.attributes,
      relationships: changes.relationships)
    operation.summary = operation.summary.replacingOccurrences(
      of: "update device group", with: "update \(type.name) device group")
    return operation
  }

  /// `POST /devicegroups/{id}/restart` or `/conditional_restart`, without a body.
  static func restartDeviceGroup(
    id: String, conditional: Bool
  ) throws(ImpCentralError) -> APIOperation {
    try restart(.deviceGroup, id: id, conditional: conditional)
  }

  /// `POST /devices/{id}/restart` or `/conditional_restart`, without a body.
  static func restart(
    _ kind: ResourceKind, id: String, conditional: Bool
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "\(kind.noun) id")
    let action = conditional ? "conditional_restart" : "restart"
    return APIOperation(
      verb: conditional ? .conditionalRestart : .restart, resource: kind, target: id,
      access: .write,
      summary: (conditional ? "conditionally restart " : "restart ") + "\(kind.noun) \(short(id))",
      request: request(.post, path(collection(kind), id, action)))
  }

  /// `POST /devicegroups/{id}/relationships/devices`: assign or move devices.
  static func assignDevices(
    _ devices: [String], toDeviceGroup group: String
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(group, "device group id")
    try ArgumentChecks.ids(devices, "device id")
    return APIOperation(
      verb: .assign, resource: .deviceGroup, target: group, access: .write,
      summary: "assign \(deviceList(devices)) to device group \(short(group))",
      request: request(
        .post, path("/devicegroups", group, "relationships", "devices"),
        body: JSONAPIBody.linkage(devices.map { ResourceRef(type: "device", id: $0) })))
  }

  /// `DELETE /devicegroups/{id}/relationships/devices`, with the unbond key for
  /// production groups.
  static func unassignDevices(
    _ devices: [String], fromDeviceGroup group: String, unbondKey: Secret?
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(group, "device group id")
    try ArgumentChecks.ids(devices, "device id")
    if let unbondKey { try ArgumentChecks.secret(unbondKey, "unbond key") }
    let headers = unbondKey.map { [("X-Electricimp-Key", $0.revealed)] } ?? []
    let unbond = unbondKey == nil ? "" : " with the unbond key"
    return APIOperation(
      verb: .unassign, resource: .deviceGroup, target: group, access: .write,
      summary: "unassign \(deviceList(devices)) from device group \(short(group))\(unbond)",
      request: request(
        .delete, path("/devicegroups", group, "relationships", "devices"),
        body: JSONAPIBody.linkage(devices.map { ResourceRef(type: "device", id: $0) }),
        headers: headers))
  }

  /// `PUT /devicegroups/{id}/relationships/min_supported_deployment`.
  static func setMinSupportedDeployment(
    _ deployment: String, forDeviceGroup group: String
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(group, "device group id")
    try ArgumentChecks.id(deployment, "deployment id")
    return APIOperation(
      verb: .setMinSupported, resource: .deviceGroup, target: group, access: .write,
      summary:
        "set the minimum supported deployment of device group \(short(group)) "
        + "to \(short(deployment))",
      request: request(
        .put, path("/devicegroups", group, "relationships", "min_supported_deployment"),
        body: JSONAPIBody.linkage(ResourceRef(type: "deployment", id: deployment))))
  }

  private static func deviceList(_ devices: [String]) -> String {
    devices.count == 1 ? "device \(short(devices[0]))" : "\(devices.count) devices"
  }
}
