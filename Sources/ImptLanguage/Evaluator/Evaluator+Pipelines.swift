extension Evaluator {
  /// The value of a pipeline: each stage works on the value of the one before.
  mutating func evaluate(_ pipeline: BoundPipeline) async throws -> Value {
    var value: Value?
    for stage in pipeline.stages {
      switch stage.kind {
      case .value(let expression):
        value = try await evaluate(expression)
      case .filter(let filter):
        value = try await apply(filter, to: value ?? .null, at: stage.range)
      case .command(let command):
        value = try await run(command, input: value)
      }
    }
    return value ?? .null
  }

  private mutating func apply(_ filter: BoundFilter, to input: Value, at range: SourceRange)
    async throws -> Value
  {
    let items = input.items
    switch filter {
    case .where(let check): return .list(try await keep(items, where: check))
    case .select(let fields):
      let records = try items.map { try select(fields, of: $0) }
      return input.isList ? .list(records) : records.first ?? .null
    case .sort(let field, let descending):
      return .list(try sort(items, by: field, descending: descending))
    case .first(let count):
      guard let count else { return items.first ?? .null }
      return .list(Array(items.prefix(try await itemCount(count, filter: "first"))))
    case .last(let count):
      guard let count else { return items.last ?? .null }
      return .list(Array(items.suffix(try await itemCount(count, filter: "last"))))
    case .count: return .number(Double(items.count))
    case .get(let field):
      let values = try items.map { try value(of: field, in: $0) }
      return input.isList ? .list(values) : values.first ?? .null
    case .uniq: return .list(Self.unique(items))
    case .each(let block):
      // A block that only prints (`each { echo … }`) yields nothing to show afterwards.
      let results = try await each(items, block)
      return results.isEmpty && !items.isEmpty ? .null : .list(results)
    case .json: return .string(input.jsonText())
    case .table: return .string(TextTable(input).render())
    }
  }

  private mutating func keep(_ items: [Value], where check: BoundExpression) async throws
    -> [Value]
  {
    let saved = it
    defer { it = saved }
    var kept: [Value] = []
    for item in items {
      it = item
      if try await condition(check) { kept.append(item) }
    }
    return kept
  }

  private func select(_ fields: [FieldPath], of item: Value) throws -> Value {
    var names: [String] = []
    var values: [Value] = []
    for field in fields {
      names.append(field.text)
      values.append(try value(of: field, in: item))
    }
    return .record(Record(names: names, values: values))
  }

  /// The value of a field path in an item.
  func value(of field: FieldPath, in item: Value) throws -> Value {
    try follow(field.rest, from: try self.field(field.name, of: item, at: field.range))
  }

  private func sort(_ items: [Value], by field: FieldPath?, descending: Bool) throws -> [Value] {
    let keys = try field.map { field in try items.map { try value(of: field, in: $0) } } ?? items
    let order = keys.indices.sorted { left, right in
      let (a, b) = (keys[left], keys[right])
      if a.sortsBefore(b) { return !descending || b == .null }
      if b.sortsBefore(a) { return descending && a != .null }
      return left < right
    }
    return order.map { items[$0] }
  }

  private mutating func itemCount(_ count: BoundExpression, filter: String) async throws -> Int {
    let value = try await evaluate(count)
    guard case .number(let number) = value, number >= 0, number.rounded() == number,
      number < 1e15
    else { throw failure(.badCount(filter, found: value), at: count.range) }
    return Int(number)
  }

  private static func unique(_ items: [Value]) -> [Value] {
    var seen: Set<Value> = []
    return items.filter { seen.insert($0).inserted }
  }

  private mutating func each(_ items: [Value], _ block: [BoundStatement]) async throws -> [Value] {
    let saved = it
    defer { it = saved }
    var results: [Value] = []
    for item in items {
      try checkCancellation(at: block.first?.range ?? Self.emptyRange("<each>"))
      it = item
      let result = try await runBlock(block, showing: false)
      if result != .null { results.append(result) }
    }
    return results
  }
}

extension Value {
  /// Whether the value is a list.
  var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
