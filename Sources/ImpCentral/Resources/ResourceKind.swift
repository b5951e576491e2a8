/// The kinds of impCentral entity imptsh works with.
///
/// `apiType` is the JSON:API `type` of a resource; device groups have seven concrete types
/// (see `DeviceGroupType`) that all belong to the kind `.deviceGroup`.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Codable {
  case account
  case product
  case deviceGroup = "devicegroup"
  case deployment
  case device
  case webhook
  case loginKey = "login_key"
  case refreshToken = "refresh_token"
  case logEntry = "log"
  case logStream = "logstream"

  /// The name people use for one of these: `Device Group`, `Login Key`.
  public var displayName: String {
    switch self {
    case .account: "Account"
    case .product: "Product"
    case .deviceGroup: "Device Group"
    case .deployment: "Deployment"
    case .device: "Device"
    case .webhook: "Webhook"
    case .loginKey: "Login Key"
    case .refreshToken: "Refresh Token"
    case .logEntry: "Log Entry"
    case .logStream: "Log Stream"
    }
  }

  /// The kind in lowercase, for messages: `device group`.
  public var noun: String { displayName.lowercased() }

  /// The plural noun, for messages: `device groups`.
  public var plural: String { noun + "s" }

  /// The collection path under the API base: `/devicegroups`.
  public var collectionPath: String? {
    switch self {
    case .account: "/accounts"
    case .product: "/products"
    case .deviceGroup: "/devicegroups"
    case .deployment: "/deployments"
    case .device: "/devices"
    case .webhook: "/webhooks"
    case .loginKey: "/accounts/me/login_keys"
    case .refreshToken: "/accounts/me/refresh_tokens"
    case .logEntry: nil
    case .logStream: "/logstream"
    }
  }

  /// The kind a JSON:API `type` string denotes, including the seven device-group types.
  public init?(apiType: String) {
    if DeviceGroupType(apiType: apiType) != nil {
      self = .deviceGroup
    } else {
      self.init(rawValue: apiType)
    }
  }
}

/// The seven types of device group.
///
/// `name` is what people type (`--dg-type pre-factory`); `apiType` is the resource type
/// the API uses (`pre_factoryfixture_devicegroup`).
public enum DeviceGroupType: String, Sendable, Hashable, CaseIterable, Codable {
  case development
  case preFactory = "pre-factory"
  case preDUT = "pre-dut"
  case preProduction = "pre-production"
  case factory
  case dut
  case production

  /// The name used on the command line.
  public var name: String { rawValue }

  /// The JSON:API resource type.
  public var apiType: String {
    switch self {
    case .development: "development_devicegroup"
    case .preFactory: "pre_factoryfixture_devicegroup"
    case .preDUT: "pre_dut_devicegroup"
    case .preProduction: "pre_production_devicegroup"
    case .factory: "factoryfixture_devicegroup"
    case .dut: "dut_devicegroup"
    case .production: "production_devicegroup"
    }
  }

  /// The type with the given command-line name.
  public init?(name: String) {
    self.init(rawValue: name)
  }

  /// The type with the given JSON:API resource type.
  public init?(apiType: String) {
    guard let match = Self.allCases.first(where: { $0.apiType == apiType }) else { return nil }
    self = match
  }

  /// Whether this is a fixture type, which needs a production target and a DUT target.
  public var isFixture: Bool { self == .factory || self == .preFactory }

  /// Whether this is a production or pre-production type.
  public var isProductionFamily: Bool { self == .production || self == .preProduction }

  /// The type a fixture group's production target must have.
  public var productionTargetType: DeviceGroupType? {
    switch self {
    case .factory: .production
    case .preFactory: .preProduction
    default: nil
    }
  }

  /// The type a fixture group's DUT target must have.
  public var dutTargetType: DeviceGroupType? {
    switch self {
    case .factory: .dut
    case .preFactory: .preDUT
    default: nil
    }
  }
}
