import ImpCentral

extension CommandServices {
  /// Tells the session that a product or device group was deleted (or was already
  /// gone), so it stops offering it as the current one.
  ///
  /// TODO: forward to `entityDeleted(kind:id:)`, which the shell is adding to
  /// `CommandServices`; until that lands the session is not told.
  func forget(_ kind: ResourceKind, id: String) {}
}
