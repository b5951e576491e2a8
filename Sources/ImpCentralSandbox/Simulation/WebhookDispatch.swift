import ImpCentral

/// Fires a group's webhooks for an event: records every firing and queues loopback ones
/// for delivery after the commit.
enum WebhookDispatch {
  /// Fires the `event` webhooks of group `groupID` with `payload`.
  static func fire(
    _ event: String, group groupID: String, payload: JSONValue, _ tx: Transaction
  ) throws {
    let hooks = try tx.db.query(
      """
      SELECT id, url, content_type FROM webhooks WHERE devicegroup_id = ? AND event = ?
      ORDER BY created_at, id
      """, [.text(groupID), .text(event)]
    ) { ($0.text(0), $0.text(1), $0.text(2)) }
    let payloadText = String(decoding: JSONWriter.data(payload), as: UTF8.self)
    for (id, url, contentType) in hooks {
      try tx.db.execute(
        """
        INSERT INTO webhook_firings (webhook_id, devicegroup_id, event, url, content_type,
          payload, fired_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(id), .text(groupID), .text(event), .text(url), .text(contentType),
          .text(payloadText), .text(tx.timestamp),
        ])
      let firing = WebhookFiring(
        sequence: tx.db.lastInsertRowID, webhookID: id, deviceGroupID: groupID, event: event,
        url: url, contentType: contentType, payload: payload, firedAt: tx.timestamp)
      if firing.isLoopback { tx.emit(.deliver(firing)) }
    }
  }

  /// Every recorded firing, oldest first.
  static func all(_ db: Database) throws -> [WebhookFiring] {
    try db.query(
      """
      SELECT seq, webhook_id, devicegroup_id, event, url, content_type, payload, fired_at
      FROM webhook_firings ORDER BY seq
      """
    ) { row in
      WebhookFiring(
        sequence: row.int(0), webhookID: row.text(1), deviceGroupID: row.text(2),
        event: row.text(3), url: row.text(4), contentType: row.text(5),
        payload: (try? JSONValue.parse(row.text(6))) ?? .null, firedAt: row.text(7))
    }
  }
}
