import CMicroHTTPD
import Foundation
import ImpCentral

/// Reads the headers and query items libmicrohttpd parsed from a request.
enum ConnectionValues {
  /// The request's header fields, in the order they arrived.
  static func headers(of connection: OpaquePointer) -> HTTPHeaders {
    var headers = HTTPHeaders()
    for (name, value) in pairs(of: connection, kind: .HEADER_KIND) {
      headers[name] = value.map { existing in
        headers[name].map { $0 + ", " + existing } ?? existing
      }
    }
    return headers
  }

  /// The value of the request header `name`, if present.
  static func header(_ name: String, of connection: OpaquePointer) -> String? {
    MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
  }

  /// The request's query items, decoded, in order (`page[size]` arrives either literally
  /// or as `page%5Bsize%5D`; both decode to the same name). libmicrohttpd has turned `+`
  /// into a space and left the `%XX` escapes, which are decoded here.
  static func query(of connection: OpaquePointer) -> [URLQueryItem] {
    pairs(of: connection, kind: .GET_ARGUMENT_KIND).map { name, value in
      URLQueryItem(
        name: PercentDecoding.decode(name), value: value.map(PercentDecoding.decode))
    }
  }

  private final class Collector {
    var pairs: [(String, String?)] = []
  }

  private static func pairs(
    of connection: OpaquePointer, kind: MHD_ValueKind
  ) -> [(String, String?)] {
    let collector = Collector()
    withExtendedLifetime(collector) {
      let cls = Unmanaged.passUnretained(collector).toOpaque()
      _ = MHD_get_connection_values(connection, kind, collect, cls)
    }
    return collector.pairs
  }

  private static let collect: MHD_KeyValueIterator = { cls, _, key, value in
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<Collector>.fromOpaque(cls).takeUnretainedValue()
    collector.pairs.append((String(cString: key), value.map { String(cString: $0) }))
    return .YES
  }
}
