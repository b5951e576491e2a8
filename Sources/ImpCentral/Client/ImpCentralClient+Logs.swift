/// Historical logs and log streams.
extension ImpCentralClient {
  /// One page of a device's historical log, newest entry first:
  /// `GET /devices/{id}/logs?page[number]&page[size]` (size 1 to 100).
  public func deviceLogs(id: String, page: PageRequest) async throws -> LogPage {
    let document = try await fetchPage(try Endpoints.deviceLogs(id: id, page: page))
    let entries = Self.newestFirst(try document.data.map(LogEntry.init(json:)))
    return LogPage(entries: entries, nextPage: document.links.nextPageNumber)
  }

  /// A device's whole historical log, newest entry first, gathered page by page.
  public func allDeviceLogs(id: String, progress: ListProgress? = nil) async throws
    -> [LogEntry]
  {
    try await gatherPages(progress: progress) { page throws(ImpCentralError) in
      try Endpoints.deviceLogs(id: id, page: page)
    } read: { document throws(ImpCentralError) in
      Self.newestFirst(try document.data.map(LogEntry.init(json:)))
    }
  }

  /// Orders a page newest first; entries whose time does not parse keep their place
  /// relative to each other.
  private static func newestFirst(_ entries: [LogEntry]) -> [LogEntry] {
    let indexed = entries.enumerated().map { ($0.offset, $0.element) }
    return indexed.sorted { lhs, rhs in
      switch (lhs.1.date, rhs.1.date) {
      case (let left?, let right?) where left != right: left > right
      default: lhs.0 < rhs.0
      }
    }.map(\.1)
  }

  /// Opens a log stream: `POST /logstream?format=…`. Add devices to it, then read its
  /// events with `logStreamEvents`.
  public func createLogStream(format: LogStreamFormat = .json) async throws -> LogStream {
    try await resource(Endpoints.createLogStream(format: format))
  }

  /// Adds a device (by id, MAC address or agent id) to a log stream:
  /// `PUT /logstream/{stream}/{device}`.
  public func addDevice(_ device: String, toLogStream stream: String) async throws {
    try await discard(try Endpoints.logStreamDevice(device, stream: stream, add: true))
  }

  /// Removes a device from a log stream: `DELETE /logstream/{stream}/{device}`.
  public func removeDevice(_ device: String, fromLogStream stream: String) async throws {
    try await discard(try Endpoints.logStreamDevice(device, stream: stream, add: false))
  }

  /// The events of a log stream, read as they arrive: `GET /logstream/{id}?format=…`,
  /// sent without a bearer token.
  ///
  /// Stop reading (or cancel the reading task) to close the stream. A refusal to open it
  /// throws here; a failure later ends the sequence with an `ImpCentralError`.
  public func logStreamEvents(
    _ stream: String, format: LogStreamFormat = .json
  ) async throws -> AsyncThrowingStream<LogStreamEvent, any Error> {
    let operation = try Endpoints.logStreamEvents(stream, format: format)
    let source: AsyncThrowingStream<ServerSentEvent, any Error>
    do {
      source = try await transport.events(operation.request)
    } catch {
      let failure = Self.eventsFailure(error, operation)
      notify(operation, failure.status.map { .response(status: $0) } ?? .failed(failure.id))
      throw failure
    }
    notify(operation, .response(status: 200))
    return Self.decoded(source, format: format, operation: operation)
  }

  private static func decoded(
    _ source: AsyncThrowingStream<ServerSentEvent, any Error>, format: LogStreamFormat,
    operation: APIOperation
  ) -> AsyncThrowingStream<LogStreamEvent, any Error> {
    AsyncThrowingStream { continuation in
      let reader = Task {
        do {
          for try await event in source {
            continuation.yield(LogStreamEvent(event, format: format))
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: eventsFailure(error, operation))
        }
      }
      continuation.onTermination = { _ in reader.cancel() }
    }
  }

  private static func eventsFailure(_ error: any Error, _ operation: APIOperation)
    -> ImpCentralError
  {
    RetryRun.map(error, method: .get, summary: operation.summary).during(operation.summary)
  }

  private func notify(_ operation: APIOperation, _ outcome: OperationEvent.Outcome) {
    observer?(OperationEvent(operation: operation, outcome: outcome, requestsSent: 1))
  }
}
