import ImpCentral

/// The filters and page a collection request asks for, checked against the collection.
struct ListQuery {
  /// What values a filter accepts.
  enum FilterKind {
    /// Any non-empty id.
    case id
    /// An id, or the literal `null` for "none".
    case idOrNull
    /// One of the seven device-group types.
    case groupType
    /// `true`, `false` or `any`.
    case flagged
    /// A comma-separated list of deployment tags.
    case tags
  }

  /// The default page size, and the largest one allowed.
  static let defaultSize = 20
  static let maximumSize = 100

  /// The filters given, by name without the `filter[…]` wrapping.
  var filters: [String: String] = [:]
  var number = 1
  var size = defaultSize

  /// Rows to skip before this page.
  var offset: Int { (number - 1) * size }

  /// Rows to fetch: one more than the page holds, to learn whether a next page exists.
  var fetchLimit: Int { size + 1 }

  /// Reads `request`'s query, allowing the filters in `allowed`.
  init(_ request: APIRequest, allowed: [String: FilterKind]) throws {
    for (name, value) in request.query {
      if let filter = Self.bracketed(name, prefix: "filter") {
        try addFilter(filter, value, allowed: allowed)
      } else if let member = Self.bracketed(name, prefix: "page") {
        try setPage(member, value)
      } else if name == "sort" || name == "include" || name.hasPrefix("filter") {
        throw APIError.invalidParameter(
          "The query parameter '\(name)' is not supported on this collection.")
      }
    }
  }

  private mutating func addFilter(
    _ name: String, _ value: String, allowed: [String: FilterKind]
  ) throws {
    guard let kind = allowed[name] else {
      let names = allowed.keys.sorted().map { "filter[\($0)]" }
      throw APIError.invalidFilter(
        "The filter 'filter[\(name)]' is not supported here; supported filters: "
          + "\(names.isEmpty ? "none" : names.joined(separator: ", ")).")
    }
    guard filters[name] == nil else {
      throw APIError.invalidFilter("The filter 'filter[\(name)]' is given more than once.")
    }
    try Self.check(value, kind: kind, name: name)
    filters[name] = value
  }

  private static func check(_ value: String, kind: FilterKind, name: String) throws {
    let valid: Bool
    switch kind {
    case .id, .idOrNull: valid = !value.isEmpty && value.count <= 200
    case .groupType: valid = DeviceGroupType(apiType: value) != nil
    case .flagged: valid = ["true", "false", "any"].contains(value)
    case .tags: valid = !value.isEmpty && value.split(separator: ",").allSatisfy(Tags.isValid)
    }
    guard valid else {
      throw APIError.invalidFilter(
        "The value '\(value)' is not valid for 'filter[\(name)]'; \(expectation(kind)).")
    }
  }

  private static func expectation(_ kind: FilterKind) -> String {
    switch kind {
    case .id: "expected an id"
    case .idOrNull: "expected an id or null"
    case .groupType:
      "expected one of " + DeviceGroupType.allCases.map(\.apiType).joined(separator: ", ")
    case .flagged: "expected true, false or any"
    case .tags: "expected tags separated by commas"
    }
  }

  /// The largest page number accepted, so offsets stay far from overflow.
  static let maximumNumber = 1_000_000_000

  private mutating func setPage(_ member: String, _ value: String) throws {
    guard member == "number" || member == "size" else {
      throw APIError.invalidPage(
        "The parameter 'page[\(member)]' is not supported; use page[number] and page[size].")
    }
    let range = member == "size" ? 1...Self.maximumSize : 1...Self.maximumNumber
    guard let number = Int(value), range.contains(number) else {
      throw APIError.invalidPage(
        "The value '\(value)' is not valid for 'page[\(member)]'; expected a whole number "
          + "from \(range.lowerBound) to \(range.upperBound).")
    }
    if member == "number" { self.number = number } else { size = number }
  }

  /// `filter[owner.id]` gives `owner.id` for the prefix `filter`.
  private static func bracketed(_ name: String, prefix: String) -> String? {
    guard name.hasPrefix(prefix + "["), name.hasSuffix("]") else { return nil }
    return String(name.dropFirst(prefix.count + 1).dropLast())
  }
}
