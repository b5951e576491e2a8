extension Checker {
  /// Checks a pipeline and works out the type of its value.
  mutating func checkPipeline(_ pipeline: Pipeline) -> (bound: BoundPipeline, type: ValueType) {
    var stages: [BoundStage] = []
    var type: ValueType?
    var format: OutputFormat?
    for stage in pipeline.stages {
      let kind: BoundStageKind?
      switch stage.kind {
      case .value(let expression):
        let (bound, valueType) = bind(expression)
        (kind, type) = (.value(bound), valueType)
      case .filter(let filter):
        if type == nil { report(.needsInput(filter.keyword), at: stage.range) }
        let (bound, output) = checkFilter(filter, input: type ?? .any)
        (kind, type) = (.filter(bound), output)
      case .command(let call):
        let binding = bindCommand(call, input: type, range: stage.range)
        kind = binding.command.map(BoundStageKind.command)
        type = binding.type
        format = binding.format ?? format
      }
      if let kind { stages.append(BoundStage(kind: kind, range: stage.range)) }
    }
    let bound = BoundPipeline(stages: stages, range: pipeline.range, format: format)
    return (bound, type ?? .null)
  }

  private mutating func checkFilter(
    _ filter: Filter, input: ValueType
  ) -> (BoundFilter, ValueType) {
    let item = input.itemType
    let list = ValueType.list(item)
    switch filter {
    case .where(let condition):
      return (.where(withItem(item) { $0.checkCondition(condition) }), list)
    case .select(let fields):
      var record: [String: ValueType] = [:]
      for field in fields { record[field.text] = fieldType(of: item, path: field) }
      let output = ValueType.record(record)
      return (.select(fields), input.isList ? .list(output) : output)
    case .sort(let field, let descending):
      if let field { _ = fieldType(of: item, path: field) }
      return (.sort(field, descending: descending), list)
    case .first(let count):
      return (.first(count.map { checkCount($0, filter: "first") }), count == nil ? item : list)
    case .last(let count):
      return (.last(count.map { checkCount($0, filter: "last") }), count == nil ? item : list)
    case .get(let field):
      let type = fieldType(of: item, path: field)
      return (.get(field), input.isList ? .list(type) : type)
    case .each(let block):
      return (.each(withItem(item) { $0.checkBlock(block) }), .list(.any))
    case .count: return (.count, .number)
    case .uniq: return (.uniq, list)
    case .json: return (.json, .string)
    case .table: return (.table, .string)
    }
  }

  /// Runs `body` with `$it` and bare field names referring to items of type `item`.
  mutating func withItem<T>(_ item: ValueType, _ body: (inout Checker) -> T) -> T {
    let saved = itType
    itType = item
    defer { itType = saved }
    return body(&self)
  }

  private mutating func checkCount(_ count: Expression, filter: String) -> BoundExpression {
    let (bound, type) = bind(count)
    if let literal = count.literal {
      let valid: Bool =
        if case .number(let number) = literal { number >= 0 && number.rounded() == number } else {
          false
        }
      if !valid { report(.badCount(filter, found: literal.displayText), at: count.range) }
    } else if ![.any, .number, .null].contains(type) {
      report(.badCount(filter, found: type.phrase), at: count.range)
    }
    return bound
  }
}

extension ValueType {
  /// Whether the value is a list.
  var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
