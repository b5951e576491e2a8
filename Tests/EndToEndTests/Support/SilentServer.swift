import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback TCP server that accepts connections, reads what arrives and never answers.
final class SilentServer: Sendable {
  /// The port it listens on.
  let port: UInt16
  private let listener: Int32
  private let accepted = Connections()

  /// Listens on a free loopback port and accepts connections on a thread of its own.
  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, length) == 0 && listen(listener, 8) == 0
          && getsockname(listener, $0, &length) == 0
      }
    }
    guard bound else {
      close(listener)
      throw CannotListen(code: errno)
    }
    port = UInt16(bigEndian: address.sin_port)
    self.listener = listener
    Thread.detachNewThread { [accepted] in
      while true {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        accepted.list.withLock { $0.append(connection) }
      }
    }
  }

  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    for connection in accepted.list.withLock({ $0 }) { close(connection) }
  }

  /// How many connections it has accepted.
  var connectionCount: Int { accepted.list.withLock { $0.count } }

  /// The base URL of a pretend API on this server.
  var url: String { "http://127.0.0.1:\(port)/v5" }

  /// The accepted sockets, shared with the accepting thread.
  private final class Connections: Sendable {
    let list = Mutex<[Int32]>([])
  }

  /// The socket could not be set up.
  struct CannotListen: Error {
    var code: Int32
  }
}
