import Foundation
import ImpCentral
import ImptLanguage

/// Shows how far a long listing has got, on one line of the terminal that the next
/// output replaces: `fetching devices: 700 so far…`.
///
/// It appears from the third page of a list on, so short lists never flicker, and only
/// when standard error is a terminal.
public final class ListingProgress: @unchecked Sendable {
  // Safe: `shown` is only read and written while holding `lock`.
  private let lock = NSLock()
  private var shown = false
  private let colors: Colors

  /// Creates the progress line, dimmed when colour is on.
  public init(colors: Colors) {
    self.colors = colors
  }

  /// Looks at one operation of the client: a later page of a list updates the line.
  public func observe(_ event: OperationEvent) {
    let operation = event.operation
    guard operation.verb == .list,
      let page = operation.request.queryValue("page[number]").flatMap(Int.init), page >= 3
    else { return }
    let size = operation.request.queryValue("page[size]").flatMap(Int.init) ?? 100
    let noun = operation.resource?.plural ?? "items"
    let text = colors.dim("fetching \(noun): \(page * size) so far…")
    lock.withLock {
      shown = true
      FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
  }

  /// Removes the line, if one is shown, so other output starts at the left margin.
  public func clear() {
    lock.withLock {
      guard shown else { return }
      shown = false
      FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
  }
}

/// Standard output and error that first clear a progress line.
public struct ProgressAwareOutput: OutputSink {
  let base: any OutputSink
  let progress: ListingProgress

  /// Wraps `base`.
  public init(_ base: any OutputSink, progress: ListingProgress) {
    self.base = base
    self.progress = progress
  }

  public func out(_ text: String) {
    progress.clear()
    base.out(text)
  }

  public func err(_ text: String) {
    progress.clear()
    base.err(text)
  }
}
