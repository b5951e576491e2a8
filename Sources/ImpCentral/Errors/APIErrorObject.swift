/// One entry of an impCentral error document's `errors` array.
///
/// `title` and `detail` are the service's own words and are kept verbatim.
public struct APIErrorObject: Sendable, Hashable {
  /// The HTTP status the entry reports (sent as a string; kept as a number).
  public var status: Int?
  /// The service's internal code, such as `CX005`; its prefix names the class.
  public var code: String?
  /// A short name for the problem: `Duplicate Resource`.
  public var title: String?
  /// What was wrong: `Products must have unique names.`
  public var detail: String?
  /// Anything else the service attached: compile-error rows, a two-factor login token.
  public var meta: JSONValue?

  /// Creates an error object.
  public init(
    status: Int? = nil, code: String? = nil, title: String? = nil, detail: String? = nil,
    meta: JSONValue? = nil
  ) {
    self.status = status
    self.code = code
    self.title = title
    self.detail = detail
    self.meta = meta
  }

  /// Reads an error object, tolerating a status sent as a number instead of a string.
  public init(json: JSONValue) {
    let status = json["status"]
    self.status = status?.stringValue.flatMap { Int($0) } ?? status?.intValue
    code = json["code"]?.stringValue
    title = json["title"]?.stringValue
    detail = json["detail"]?.stringValue
    meta = json["meta"].flatMap { $0.isNull ? nil : $0 }
  }

  /// The object in the wire form, with `status` as a string.
  public var json: JSONValue {
    var members: [String: JSONValue] = [:]
    if let status { members["status"] = .string(String(status)) }
    if let code { members["code"] = .string(code) }
    if let title { members["title"] = .string(title) }
    if let detail { members["detail"] = .string(detail) }
    if let meta { members["meta"] = meta }
    return .object(members)
  }

  /// `Title: Detail`, or whichever of the two is present.
  public var text: String? {
    switch (title, detail) {
    case (let title?, let detail?): "\(title): \(detail)"
    case (let title?, nil): title
    case (nil, let detail?): detail
    case (nil, nil): nil
    }
  }

  /// The compiler's rows when this is a compilation error: one per problem in the code.
  public var diagnostics: [CompileDiagnostic] {
    (meta?.arrayValue ?? []).compactMap(CompileDiagnostic.init(json:))
  }

  /// The two-factor login token a `POST /auth` refusal carries in `meta.login_token`.
  var loginToken: String? { meta?["login_token"]?.stringValue }
}

/// One problem the service's Squirrel compiler found in a deployment's code.
public struct CompileDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// Which code had the problem: `device_code` or `agent_code`.
  public var file: String
  /// The kind of problem, such as `error`.
  public var type: String?
  /// The line of the problem, from 1.
  public var row: Int?
  /// The column of the problem, from 1.
  public var column: Int?
  /// The compiler's message.
  public var text: String

  /// Creates a diagnostic.
  public init(file: String, type: String? = nil, row: Int?, column: Int?, text: String) {
    self.file = file
    self.type = type
    self.row = row
    self.column = column
    self.text = text
  }

  /// Reads a `meta` row; nil when it lacks a file or a text.
  public init?(json: JSONValue) {
    guard let file = json["file"]?.stringValue, let text = json["text"]?.stringValue else {
      return nil
    }
    self.init(
      file: file, type: json["type"]?.stringValue, row: json["row"]?.intValue,
      column: json["column"]?.intValue, text: text)
  }

  /// `device_code:3:5: error: the text`.
  public var description: String {
    let place = [file, row.map(String.init), column.map(String.init)]
      .compactMap { $0 }.joined(separator: ":")
    return "\(place): \(type ?? "error"): \(text)"
  }
}
