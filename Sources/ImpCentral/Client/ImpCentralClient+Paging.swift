import Foundation

/// Gathering whole collections page by page.
extension ImpCentralClient {
  /// The page size lists are fetched with.
  static let listPageSize = PageRequest.maximumSize

  /// Every resource of a collection: pages of 100 fetched while the answer has a `next`
  /// link, following the page number that link names, with duplicates dropped by id.
  func listAll(
    _ kind: ResourceKind, filters: [URLQueryItem] = [], progress: ListProgress?
  ) async throws(ImpCentralError) -> [ResourceObject] {
    var items: [ResourceObject] = []
    var seen = Set<String>()
    var page = 1
    while true {
      let request = PageRequest(number: page, size: Self.listPageSize)
      let document = try await fetchPage(try Endpoints.list(kind, filters: filters, page: request))
      let resources = try document.resources()
      for resource in resources where seen.insert(resource.id).inserted {
        items.append(resource)
      }
      progress?(items.count)
      guard let next = try Self.nextPage(after: page, document, isEmpty: resources.isEmpty)
      else { return items }
      page = next
    }
  }

  /// Every resource of a collection, read as `T`.
  func listAll<T: APIResource>(
    _ type: T.Type, filters: [URLQueryItem] = [], progress: ListProgress?
  ) async throws(ImpCentralError) -> [T] {
    try Self.typed(try await listAll(T.kind, filters: filters, progress: progress))
  }

  /// One page of a collection document.
  func fetchPage(_ operation: APIOperation) async throws(ImpCentralError) -> CollectionDocument {
    do {
      return try CollectionDocument(body: try await perform(operation).body)
    } catch {
      throw error.during(operation.summary)
    }
  }

  /// The page to fetch after `page`, or nil when the list is complete.
  ///
  /// An empty page ends the list even with a `next` link, so a faulty service cannot
  /// keep the client looping; a `next` link without a later page number is an error.
  static func nextPage(
    after page: Int, _ document: CollectionDocument, isEmpty: Bool
  ) throws(ImpCentralError) -> Int? {
    guard let next = document.links.next, !isEmpty else { return nil }
    guard let number = document.links.nextPageNumber, number > page else {
      throw .unexpected(
        "impCentral sent a 'next' link that names no page after \(page): '\(next)'")
    }
    return number
  }

  /// Reads resource objects as `T`, mapping any failure to `api.unexpectedResponse`.
  static func typed<T: APIResource>(_ objects: [ResourceObject]) throws(ImpCentralError) -> [T] {
    var result: [T] = []
    result.reserveCapacity(objects.count)
    for object in objects { result.append(try typed(object)) }
    return result
  }

  /// Reads one resource object as `T`.
  static func typed<T: APIResource>(_ object: ResourceObject) throws(ImpCentralError) -> T {
    do {
      return try T(object)
    } catch let error as ImpCentralError {
      throw error
    } catch {
      throw .unexpected("could not read a \(T.kind.noun) from impCentral: \(error)")
    }
  }

  /// Performs an operation whose answer is one resource, read as `T`.
  func resource<T: APIResource>(
    _ operation: APIOperation, as type: T.Type = T.self
  ) async throws(ImpCentralError) -> T {
    do {
      return try Self.typed(try ResourceDocument(body: try await perform(operation).body).data)
    } catch {
      throw error.during(operation.summary)
    }
  }

  /// Performs an operation whose answer carries no content worth reading.
  func discard(_ operation: APIOperation) async throws(ImpCentralError) {
    _ = try await perform(operation)
  }
}
