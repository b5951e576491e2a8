import ImpCentral

/// What an authenticated handler works with: the transaction, the request, the path
/// parameters and the calling account.
struct RequestContext {
  let tx: Transaction
  let request: APIRequest
  /// The path parameters in order: `/devicegroups/{id}/restart` has one.
  let parameters: [String]
  let caller: Account

  var db: Database { tx.db }

  /// The API base for absolute links.
  var base: String { tx.configuration.baseURL }

  /// Path parameter number `index`; the router guarantees it exists.
  func parameter(_ index: Int) -> String {
    parameters.indices.contains(index) ? parameters[index] : ""
  }
}
