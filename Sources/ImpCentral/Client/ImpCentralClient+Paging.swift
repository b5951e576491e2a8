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
    var seen = Set<String>()
    return try await gatherPages(progress: progress) { page throws(ImpCentralError) in
      try Endpoints.list(kind, filters: filters, page: page)
    } read: { document throws(ImpCentralError) in
      try document.resources().filter { seen.insert($0.id).inserted }
    }
  }

  /// Gathers the items of every page, in order, reading each page with `read`.
  ///
  /// Progress is told the count after each page.
  func gatherPages<Item>(
    progress: ListProgress?,
    operation: (PageRequest) throws(ImpCentralError) -> APIOperation,
    read: (CollectionDocument) throws(ImpCentralError) -> [Item]
  ) async throws(ImpCentralError) -> [Item] {
    var items: [Item] = []
    var page = 1
    while true {
      let request = PageRequest(number: page, size: Self.listPageSize)
      let document = try await fetchPage(try operation(request))
      items += try read(document)
      progress?(items.count)
      guard let next = try Self.nextPage(after: page, document) else { return items }
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
    after page: Int, _ document: CollectionDocument
  ) throws(ImpCentralError) -> Int? {
    guard let next = document.links.next, !document.data.isEmpty else { return nil }
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
