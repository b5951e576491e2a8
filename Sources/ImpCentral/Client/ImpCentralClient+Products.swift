/// Products and device groups.
extension ImpCentralClient {
  /// Every product matching the filter: `GET /products`, all pages.
  public func products(
    _ filter: ProductFilter = ProductFilter(), progress: ListProgress? = nil
  ) async throws -> [Product] {
    try await listAll(Product.self, filters: try filter.queryItems(), progress: progress)
  }

  /// A product: `GET /products/{id}`.
  public func product(id: String) async throws -> Product {
    try await resource(try Endpoints.get(.product, id: id))
  }

  /// Creates a product: `POST /products`.
  public func createProduct(_ draft: ProductDraft) async throws -> Product {
    try await resource(try Endpoints.createProduct(draft))
  }

  /// Changes a product: `PATCH /products/{id}`.
  public func updateProduct(id: String, _ changes: ProductChanges) async throws -> Product {
    try await resource(try Endpoints.updateProduct(id: id, changes))
  }

  /// Deletes a product, which must have no device groups: `DELETE /products/{id}`.
  public func deleteProduct(id: String) async throws {
    try await discard(try Endpoints.delete(.product, id: id))
  }

  /// Every device group matching the filter: `GET /devicegroups`, all pages.
  public func deviceGroups(
    _ filter: DeviceGroupFilter = DeviceGroupFilter(), progress: ListProgress? = nil
  ) async throws -> [DeviceGroup] {
    try await listAll(DeviceGroup.self, filters: try filter.queryItems(), progress: progress)
  }

  /// A device group: `GET /devicegroups/{id}`.
  public func deviceGroup(id: String) async throws -> DeviceGroup {
    try await resource(try Endpoints.get(.deviceGroup, id: id))
  }

  /// Creates a device group: `POST /devicegroups`.
  public func createDeviceGroup(_ draft: DeviceGroupDraft) async throws -> DeviceGroup {
    try await resource(try Endpoints.createDeviceGroup(draft))
  }

  /// Changes a device group of the given type: `PATCH /devicegroups/{id}`.
  public func updateDeviceGroup(
    id: String, type: DeviceGroupType, _ changes: DeviceGroupChanges
  ) async throws -> DeviceGroup {
    try await resource(try Endpoints.updateDeviceGroup(id: id, type: type, changes))
  }

  /// Deletes a device group: `DELETE /devicegroups/{id}`.
  public func deleteDeviceGroup(id: String) async throws {
    try await discard(try Endpoints.delete(.deviceGroup, id: id))
  }

  /// Restarts every device of a group, or conditionally restarts them:
  /// `POST /devicegroups/{id}/restart` or `/conditional_restart`.
  public func restartDeviceGroup(id: String, conditional: Bool = false) async throws {
    try await discard(try Endpoints.restartDeviceGroup(id: id, conditional: conditional))
  }

  /// Assigns devices (by id, MAC address or agent id) to a group, moving them from any
  /// other: `POST /devicegroups/{id}/relationships/devices`.
  public func assignDevices(_ devices: [String], toDeviceGroup id: String) async throws {
    try await discard(try Endpoints.assignDevices(devices, toDeviceGroup: id))
  }

  /// Removes devices from a group; a production group needs the account's unbond key:
  /// `DELETE /devicegroups/{id}/relationships/devices`.
  ///
  /// When every device was already unassigned the error's `isBatchOfNotFound` is true.
  public func unassignDevices(
    _ devices: [String], fromDeviceGroup id: String, unbondKey: Secret? = nil
  ) async throws {
    try await discard(
      try Endpoints.unassignDevices(devices, fromDeviceGroup: id, unbondKey: unbondKey))
  }

  /// Sets a group's minimum supported deployment:
  /// `PUT /devicegroups/{id}/relationships/min_supported_deployment`.
  public func setMinSupportedDeployment(
    _ deploymentID: String, forDeviceGroup id: String
  ) async throws {
    try await discard(try Endpoints.setMinSupportedDeployment(deploymentID, forDeviceGroup: id))
  }
}
