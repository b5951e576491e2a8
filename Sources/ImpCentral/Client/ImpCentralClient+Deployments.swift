/// Deployments, devices and webhooks.
extension ImpCentralClient {
  /// Every deployment matching the filter: `GET /deployments`, all pages.
  public func deployments(
    _ filter: DeploymentFilter = DeploymentFilter(), progress: ListProgress? = nil
  ) async throws -> [Deployment] {
    try await listAll(Deployment.self, filters: try filter.queryItems(), progress: progress)
  }

  /// A deployment: `GET /deployments/{id}`.
  public func deployment(id: String) async throws -> Deployment {
    try await resource(try Endpoints.get(.deployment, id: id))
  }

  /// Creates a deployment for a device group: `POST /deployments`.
  ///
  /// Code that does not compile fails with `api.validation`; the compiler's rows are in
  /// the error's `diagnostics`.
  public func createDeployment(_ draft: DeploymentDraft) async throws -> Deployment {
    try await resource(try Endpoints.createDeployment(draft))
  }

  /// Changes a deployment's description, flag or tags: `PATCH /deployments/{id}`.
  public func updateDeployment(id: String, _ changes: DeploymentChanges) async throws
    -> Deployment
  {
    try await resource(try Endpoints.updateDeployment(id: id, changes))
  }

  /// Deletes a deployment: `DELETE /deployments/{id}`.
  public func deleteDeployment(id: String) async throws {
    try await discard(try Endpoints.delete(.deployment, id: id))
  }

  /// Every device matching the filter: `GET /devices`, all pages.
  public func devices(
    _ filter: DeviceFilter = DeviceFilter(), progress: ListProgress? = nil
  ) async throws -> [Device] {
    try await listAll(Device.self, filters: try filter.queryItems(), progress: progress)
  }

  /// A device by id, MAC address or agent id: `GET /devices/{id}`.
  public func device(id: String) async throws -> Device {
    try await resource(try Endpoints.get(.device, id: id))
  }

  /// Renames a device: `PATCH /devices/{id}`.
  public func updateDevice(id: String, name: String) async throws -> Device {
    try await resource(try Endpoints.updateDevice(id: id, name: name))
  }

  /// Removes a device from the account: `DELETE /devices/{id}`.
  public func deleteDevice(id: String) async throws {
    try await discard(try Endpoints.delete(.device, id: id))
  }

  /// Restarts a device, or conditionally restarts it:
  /// `POST /devices/{id}/restart` or `/conditional_restart`.
  public func restartDevice(id: String, conditional: Bool = false) async throws {
    try await discard(try Endpoints.restart(.device, id: id, conditional: conditional))
  }

  /// Every webhook matching the filter: `GET /webhooks`, all pages.
  public func webhooks(
    _ filter: WebhookFilter = WebhookFilter(), progress: ListProgress? = nil
  ) async throws -> [Webhook] {
    try await listAll(Webhook.self, filters: try filter.queryItems(), progress: progress)
  }

  /// A webhook: `GET /webhooks/{id}`.
  public func webhook(id: String) async throws -> Webhook {
    try await resource(try Endpoints.get(.webhook, id: id))
  }

  /// Creates a webhook on a device group: `POST /webhooks`.
  public func createWebhook(_ draft: WebhookDraft) async throws -> Webhook {
    try await resource(try Endpoints.createWebhook(draft))
  }

  /// Changes a webhook's URL or content type: `PATCH /webhooks/{id}`.
  public func updateWebhook(id: String, _ changes: WebhookChanges) async throws -> Webhook {
    try await resource(try Endpoints.updateWebhook(id: id, changes))
  }

  /// Deletes a webhook: `DELETE /webhooks/{id}`.
  public func deleteWebhook(id: String) async throws {
    try await discard(try Endpoints.delete(.webhook, id: id))
  }
}
