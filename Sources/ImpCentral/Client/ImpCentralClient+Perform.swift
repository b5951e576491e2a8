/// The one path every operation takes.
extension ImpCentralClient {
  /// Runs an operation: planned in a dry run if it writes, otherwise sent with the
  /// bearer token and the retry policy. Throws for any answer outside 2xx.
  func perform(_ operation: APIOperation) async throws(ImpCentralError) -> HTTPResponse {
    if case .dryRun(let recorder) = mode {
      if operation.isWrite {
        recorder.record(operation)
        return try await plan(operation)
      }
      if let answer = try plannedRead(operation) {
        notify(operation, .planned(status: answer.status), requestsSent: 0)
        return answer
      }
      return overlaid(try await send(operation), for: operation)
    }
    return try await send(operation)
  }

  private func plan(_ operation: APIOperation) async throws(ImpCentralError) -> HTTPResponse {
    let answer = try await plannedAnswer(to: operation)
    logger.debug(
      "impcentral.planned",
      ["http.method": operation.request.method.rawValue, "http.path": operation.redactedPath])
    notify(operation, .planned(status: answer.status), requestsSent: 0)
    return answer
  }

  /// Runs an operation of a companion API of the same service, carried by `transport`
  /// instead of the client's own, through the same path: the session's bearer token
  /// (renewed through the client's own transport), the retry policy, the observer and
  /// the errors. In a dry run a write is only recorded and answers an empty 204.
  ///
  /// A served sandbox's admin API (`/sandbox/v1`) is reached this way with the login of
  /// the session's `/v5` client.
  public func perform(
    _ operation: APIOperation, over transport: any Transport
  ) async throws(ImpCentralError) -> HTTPResponse {
    if case .dryRun(let recorder) = mode, operation.isWrite {
      recorder.record(operation)
      notify(operation, .planned(status: 204), requestsSent: 0)
      return HTTPResponse(status: 204)
    }
    return try await send(operation, over: transport)
  }

  private func send(
    _ operation: APIOperation, over transport: (any Transport)? = nil
  ) async throws(ImpCentralError) -> HTTPResponse {
    var run = RetryRun(
      policy: retryPolicy, method: operation.request.method, summary: operation.summary)
    let response: HTTPResponse
    do {
      response = try await exchange(operation, &run, over: transport ?? self.transport)
    } catch {
      log(operation, status: nil, requests: run.requestsSent)
      notify(operation, .failed(error.id), requestsSent: run.requestsSent)
      throw error.during(operation.summary)
    }
    log(operation, status: response.status, requests: run.requestsSent)
    notify(operation, .response(status: response.status), requestsSent: run.requestsSent)
    guard response.isSuccess else { throw Self.failure(response, operation) }
    return response
  }

  /// Sends the request, with a bearer token when the operation needs one, renewing the
  /// token once and retrying once after a 401.
  private func exchange(
    _ operation: APIOperation, _ run: inout RetryRun, over transport: any Transport
  ) async throws(ImpCentralError) -> HTTPResponse {
    let request = operation.request
    guard operation.usesBearerToken else {
      return try await run.send { try await transport.send(request) }
    }
    let renewer = self.renewer
    let token = try await Self.sessionCall { try await session.accessToken(renewer: renewer) }
    let first = try await run.send { try await transport.send(request.bearer(token)) }
    guard first.status == 401 else { return first }

    let renewed = try await Self.sessionCall {
      try await session.accessToken(afterRejecting: token, renewer: renewer)
    }
    return try await run.send { try await transport.send(request.bearer(renewed)) }
  }

  /// How the session renews: an exchange through this same path, observed like any other.
  private var renewer: AuthSession.Renewer {
    { [self] renewal in try await self.requestTokens(renewal) }
  }

  /// Tokens for a refresh token or login key, without installing them.
  func requestTokens(_ renewal: TokenRenewal) async throws(ImpCentralError) -> AuthTokens {
    let response = try await perform(try Endpoints.exchange(renewal))
    return try AuthTokens(json: try JSONAPIBody.parse(response.body), now: clock.now())
  }

  private static func sessionCall(
    _ body: () async throws -> Secret
  ) async throws(ImpCentralError) -> Secret {
    do {
      return try await body()
    } catch let error as ImpCentralError {
      throw error
    } catch {
      throw RetryRun.cancelled(error)
    }
  }

  private static func failure(_ response: HTTPResponse, _ operation: APIOperation)
    -> ImpCentralError
  {
    var error = ImpCentralError(response: response).during(operation.summary)
    if response.status >= 500, !operation.request.method.isIdempotent {
      error.mayHaveTakenEffect = true
      error.help =
        "The request to \(operation.summary) may or may not have taken effect; "
        + "check the current state before trying again."
    }
    return error
  }

  private func notify(
    _ operation: APIOperation, _ outcome: OperationEvent.Outcome, requestsSent: Int
  ) {
    observer?(OperationEvent(operation: operation, outcome: outcome, requestsSent: requestsSent))
  }

  private func log(_ operation: APIOperation, status: Int?, requests: Int) {
    var metadata = [
      "http.method": operation.request.method.rawValue,
      "http.path": operation.redactedPath,
      "http.requests": String(requests),
    ]
    metadata["http.status"] = status.map(String.init)
    logger.debug("impcentral.request", metadata)
  }
}

extension HTTPRequest {
  /// The request with `Authorization: Bearer <token>`.
  func bearer(_ token: Secret) -> HTTPRequest {
    var copy = self
    copy.headers["Authorization"] = "Bearer " + token.revealed
    return copy
  }
}
