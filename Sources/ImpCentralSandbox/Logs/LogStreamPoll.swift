/// What a log stream's reader finds when it looks in the database: the lines written
/// since it last looked for the devices the stream follows, other processes' lines on the
/// same file included.
///
/// Lines written in this process reach a stream at once, after their commit; lines another
/// process commits are only in the file, so each open reader polls for them. The row id
/// (`seq`) orders the lines: a reader remembers the newest row id it has looked past.
struct LogStreamPoll: Equatable {
  /// Whether the stream is still open: another process may have closed it (a newer
  /// stream of the account) or emptied the sandbox.
  var open: Bool
  /// The new lines of the stream's devices, oldest first.
  var lines: [LogLine]
  /// The row id up to which every line has now been looked at.
  var watermark: Int
  /// The newest row id in the log when the poll looked.
  var top: Int

  /// The most lines one poll hands over; the rest wait for the next.
  static let batchLimit = 5_000

  /// The newest row id in the device log (0 when it is empty): a new reader starts there.
  static func top(_ db: Database) throws -> Int {
    try db.first("SELECT coalesce(max(seq), 0) FROM device_logs") { $0.int(0) } ?? 0
  }

  /// Reads what stream `id` has not seen past `watermark`, in one indexed query per
  /// poll: each followed device's rows above the watermark.
  static func read(stream id: String, after watermark: Int, _ db: Database) throws
    -> LogStreamPoll
  {
    let open = try db.exists("SELECT 1 FROM log_streams WHERE id = ? AND closed = 0", [.text(id)])
    let top = try top(db)
    guard open, top > watermark else {
      return LogStreamPoll(open: open, lines: [], watermark: top, top: top)
    }
    let lines = try db.query(
      """
      SELECT l.seq, l.device_id, l.ts, l.log_type, l.type, l.msg
      FROM log_stream_devices sd JOIN device_logs l
        ON l.device_id = sd.device_id AND l.seq > ?2 AND l.seq <= ?3
      WHERE sd.stream_id = ?1 ORDER BY l.seq LIMIT ?4
      """, [.text(id), .int(watermark), .int(top), .int(batchLimit)]
    ) { row in
      LogLine(
        deviceID: row.text(1), ts: row.text(2), logType: row.text(3), type: row.text(4),
        msg: row.text(5), seq: row.int(0))
    }
    let reached = lines.count == batchLimit ? lines.last?.seq ?? top : top
    return LogStreamPoll(open: true, lines: lines, watermark: reached, top: top)
  }
}
