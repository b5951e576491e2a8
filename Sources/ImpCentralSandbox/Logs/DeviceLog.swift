/// Writes device log lines: into the history, trimmed to its limit, and out to the log
/// streams that follow the device (after the commit).
enum DeviceLog {
  /// Records `message` of `type` for `device` and queues it for its streams.
  static func write(_ device: Device, type: String, _ message: String, _ tx: Transaction) throws {
    var line = LogLine(
      deviceID: device.id, ts: tx.timestamp, logType: device.logType, type: type, msg: message)
    try tx.db.execute(
      "INSERT INTO device_logs (device_id, ts, type, msg, log_type) VALUES (?, ?, ?, ?, ?)",
      [
        .text(line.deviceID), .text(line.ts), .text(line.type), .text(line.msg),
        .text(line.logType),
      ])
    line.seq = tx.db.lastInsertRowID
    try tx.db.execute(
      """
      DELETE FROM device_logs WHERE device_id = ?1 AND seq <= (
        SELECT seq FROM device_logs WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2)
      """, [.text(device.id), .int(tx.configuration.logEntriesPerDevice)])
    let streams = try tx.db.query(
      """
      SELECT s.id FROM log_stream_devices sd JOIN log_streams s ON s.id = sd.stream_id
      WHERE sd.device_id = ? AND s.closed = 0
      """, [.text(device.id)]
    ) { $0.text(0) }
    for stream in streams { tx.emit(.stream(id: stream, .log(line))) }
  }

  /// Records a `status` line.
  static func status(_ device: Device, _ message: String, _ tx: Transaction) throws {
    try write(device, type: "status", message, tx)
  }
}
