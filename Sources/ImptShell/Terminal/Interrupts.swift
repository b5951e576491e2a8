import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C as a flag: SIGINT never kills the shell, it asks the running command to stop.
///
/// `install()` sets a SIGINT handler that only stores `true` in an atomic flag, which is
/// async-signal-safe. It is installed without `SA_RESTART`, so a blocking `read` in the
/// thread that receives the signal fails with `EINTR` instead of waiting on. Whoever acts
/// on the flag takes it: `interruptible` cancels the running command. (At the prompt the
/// line editor reads Ctrl-C as a key, so only a `kill -INT` from elsewhere lands here.)
public enum Interrupts {
  /// Set by the signal handler; a global so the C handler can reach it without context.
  private static let pending = Atomic<Bool>(false)

  /// Installs the SIGINT handler and clears the flag; installing again changes nothing else.
  public static func install() {
    pending.store(false, ordering: .sequentiallyConsistent)

    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in Interrupts.signal() }
    #else
      action.__sigaction_u.__sa_handler = { _ in Interrupts.signal() }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)

    // A parent that starts imptsh from one of its worker threads (libdispatch's block
    // most signals) hands down a mask with SIGINT blocked; unblock it on this thread so
    // Ctrl-C and `kill -INT` still reach the handler.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Records an interrupt, as the signal handler does.
  public static func signal() {
    pending.store(true, ordering: .sequentiallyConsistent)
  }

  /// Whether an interrupt arrived since it was last taken, without taking it.
  public static var isPending: Bool {
    pending.load(ordering: .sequentiallyConsistent)
  }

  /// Takes a pending interrupt: returns whether there was one and clears it.
  public static func take() -> Bool {
    pending.exchange(false, ordering: .sequentiallyConsistent)
  }

  /// Forgets an interrupt that arrived while nothing was running.
  public static func clear() {
    pending.store(false, ordering: .sequentiallyConsistent)
  }
}
