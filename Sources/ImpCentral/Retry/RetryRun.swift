import Foundation

/// Sends one request under a retry policy, counting what it sends.
struct RetryRun {
  let policy: RetryPolicy
  let method: HTTPMethod
  let summary: String
  /// How many times the request went to the transport.
  private(set) var requestsSent = 0
  private var rateLimitRetries = 0
  private var rateLimitWaited = 0.0
  private var transientRetries = 0

  init(policy: RetryPolicy, method: HTTPMethod, summary: String) {
    self.policy = policy
    self.method = method
    self.summary = summary
  }

  /// Sends through `send` until an answer that should not be retried arrives.
  ///
  /// Returns that answer whatever its status; throws `transport.*` errors.
  mutating func send(
    _ send: () async throws -> HTTPResponse
  ) async throws(ImpCentralError) -> HTTPResponse {
    while true {
      if Task.isCancelled { throw Self.cancelled(nil) }
      let response: HTTPResponse
      do {
        requestsSent += 1
        response = try await send()
      } catch {
        try await afterFailure(error)
        continue
      }
      guard let wait = waitBeforeRetrying(response) else { return response }
      try await sleep(wait)
    }
  }

  /// Decides whether to retry after `response`, and how long to wait first.
  private mutating func waitBeforeRetrying(_ response: HTTPResponse) -> RetryNotice? {
    if response.status == 429 {
      let seconds = policy.rateLimitWait(response)
      guard rateLimitRetries < policy.maxRateLimitRetries,
        rateLimitWaited + seconds <= policy.maxRateLimitWait
      else { return nil }
      rateLimitRetries += 1
      rateLimitWaited += seconds
      return RetryNotice(
        reason: .rateLimited, seconds: seconds, retry: rateLimitRetries, operation: summary)
    }
    guard (500...599).contains(response.status) else { return nil }
    return nextTransientRetry()
  }

  /// Retries a failure in transit when the method allows, or throws its error.
  private mutating func afterFailure(_ error: any Error) async throws(ImpCentralError) {
    let mapped = Self.map(error, method: method, summary: summary)
    guard mapped.id != .cancelled, method.isIdempotent, let wait = nextTransientRetry() else {
      throw mapped
    }
    try await sleep(wait)
  }

  private mutating func nextTransientRetry() -> RetryNotice? {
    guard method.isIdempotent, transientRetries < policy.maxTransientRetries else { return nil }
    transientRetries += 1
    return RetryNotice(
      reason: .transientFailure, seconds: policy.backoff(forRetry: transientRetries),
      retry: transientRetries, operation: summary)
  }

  private func sleep(_ notice: RetryNotice) async throws(ImpCentralError) {
    if notice.seconds > policy.longWaitThreshold { policy.onLongWait?(notice) }
    do {
      try await policy.sleeper.sleep(seconds: notice.seconds)
    } catch {
      throw Self.cancelled(error)
    }
  }
}

extension RetryRun {
  /// The client error a transport failure stands for.
  static func map(_ error: any Error, method: HTTPMethod, summary: String) -> ImpCentralError {
    if let error = error as? ImpCentralError { return error }
    if error is CancellationError { return cancelled(error) }
    guard let failure = error as? TransportError else {
      return inTransit(.connectionFailed, "could not reach impCentral", method, summary, error)
    }
    switch failure {
    case .cancelled:
      return cancelled(error)
    case .timedOut:
      return inTransit(.timedOut, "impCentral did not answer in time", method, summary, error)
    case .connectionFailed(let detail):
      let text =
        detail.isEmpty ? "could not reach impCentral" : "could not reach impCentral: \(detail)"
      return inTransit(.connectionFailed, text, method, summary, error)
    case .status(let response):
      return ImpCentralError(response: response)
    }
  }

  static func cancelled(_ cause: (any Error)?) -> ImpCentralError {
    ImpCentralError(.cancelled, "the request was cancelled", cause: cause)
  }

  private static func inTransit(
    _ code: ImpCentralError.Code, _ text: String, _ method: HTTPMethod, _ summary: String,
    _ cause: any Error
  ) -> ImpCentralError {
    guard !method.isIdempotent else {
      return ImpCentralError(
        code, text, help: "Check the network connection and the API endpoint, then try again.",
        operation: summary, cause: cause)
    }
    return ImpCentralError(
      code, text + "; the request to \(summary) may or may not have taken effect",
      help: "Check the current state with a list or info command before trying again.",
      operation: summary, mayHaveTakenEffect: true, cause: cause)
  }
}
