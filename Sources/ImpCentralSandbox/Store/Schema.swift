/// The sandbox's tables, created when a database is new.
enum Schema {
  /// The version this build writes to `PRAGMA user_version`.
  static let version = 1

  /// Creates every table and index.
  static let statements = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      tier TEXT NOT NULL,
      salt TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      otp_hash TEXT,
      unbond_key_hash TEXT,
      production_enabled INTEGER NOT NULL,
      login_key_limit INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);

    CREATE TABLE login_tokens (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL);

    CREATE TABLE access_tokens (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL);

    CREATE TABLE refresh_tokens (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);
    CREATE INDEX refresh_tokens_order ON refresh_tokens(account_id, created_at, id);

    CREATE TABLE login_keys (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      description TEXT NOT NULL,
      usages INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);
    CREATE INDEX login_keys_order ON login_keys(account_id, created_at, id);

    CREATE TABLE products (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      creator_id TEXT NOT NULL REFERENCES accounts(id),
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (owner_id, name));
    CREATE INDEX products_order ON products(owner_id, created_at, id);

    CREATE TABLE devicegroups (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL REFERENCES products(id),
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      creator_id TEXT NOT NULL REFERENCES accounts(id),
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      region TEXT,
      env_vars TEXT,
      load_code_after_blessing INTEGER,
      production_target_id TEXT REFERENCES devicegroups(id),
      dut_target_id TEXT REFERENCES devicegroups(id),
      current_deployment_id TEXT REFERENCES deployments(id),
      min_supported_deployment_id TEXT REFERENCES deployments(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (product_id, name));
    CREATE INDEX devicegroups_order ON devicegroups(owner_id, created_at, id);
    CREATE INDEX devicegroups_product ON devicegroups(product_id, created_at, id);
    CREATE INDEX devicegroups_production_target ON devicegroups(production_target_id);
    CREATE INDEX devicegroups_dut_target ON devicegroups(dut_target_id);

    CREATE TABLE deployments (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      devicegroup_id TEXT REFERENCES devicegroups(id),
      product_id TEXT NOT NULL,
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      creator_id TEXT NOT NULL REFERENCES accounts(id),
      flagger_id TEXT,
      device_code TEXT NOT NULL,
      agent_code TEXT NOT NULL,
      description TEXT NOT NULL,
      origin TEXT,
      flagged INTEGER NOT NULL,
      tags TEXT NOT NULL,
      sha TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);
    CREATE INDEX deployments_order ON deployments(owner_id, created_at, id);
    CREATE INDEX deployments_group ON deployments(devicegroup_id, seq);
    CREATE INDEX deployments_product ON deployments(product_id);

    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      devicegroup_id TEXT REFERENCES devicegroups(id),
      name TEXT,
      mac_address TEXT NOT NULL UNIQUE,
      agent_id TEXT UNIQUE,
      device_online INTEGER NOT NULL,
      device_state_changed_at TEXT NOT NULL,
      agent_running INTEGER NOT NULL,
      agent_state_changed_at TEXT,
      last_enrolled_at TEXT NOT NULL,
      imp_type TEXT NOT NULL,
      ip_address TEXT,
      free_memory INTEGER NOT NULL,
      rssi INTEGER NOT NULL,
      swversion TEXT NOT NULL,
      plan_id TEXT NOT NULL,
      blessed INTEGER NOT NULL DEFAULT 0,
      deployment_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);
    CREATE INDEX devices_order ON devices(owner_id, created_at, id);
    CREATE INDEX devices_group ON devices(devicegroup_id, created_at, id);

    CREATE TABLE webhooks (
      id TEXT PRIMARY KEY,
      devicegroup_id TEXT NOT NULL REFERENCES devicegroups(id),
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      creator_id TEXT NOT NULL REFERENCES accounts(id),
      url TEXT NOT NULL,
      event TEXT NOT NULL,
      content_type TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL);
    CREATE INDEX webhooks_order ON webhooks(owner_id, created_at, id);
    CREATE INDEX webhooks_group ON webhooks(devicegroup_id, event);

    CREATE TABLE webhook_firings (
      seq INTEGER PRIMARY KEY,
      webhook_id TEXT NOT NULL,
      devicegroup_id TEXT NOT NULL,
      event TEXT NOT NULL,
      url TEXT NOT NULL,
      content_type TEXT NOT NULL,
      payload TEXT NOT NULL,
      fired_at TEXT NOT NULL);

    CREATE TABLE device_logs (
      seq INTEGER PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      ts TEXT NOT NULL,
      type TEXT NOT NULL,
      msg TEXT NOT NULL,
      log_type TEXT NOT NULL);
    CREATE INDEX device_logs_device ON device_logs(device_id, seq);

    CREATE TABLE log_streams (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      closed INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL);
    CREATE INDEX log_streams_account ON log_streams(account_id, closed, seq);

    CREATE TABLE log_stream_devices (
      stream_id TEXT NOT NULL REFERENCES log_streams(id) ON DELETE CASCADE,
      device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      added_seq INTEGER NOT NULL,
      PRIMARY KEY (stream_id, device_id));
    CREATE INDEX log_stream_devices_device ON log_stream_devices(device_id);
    """

  /// Empties every table, children before parents.
  static let resetStatements = """
    UPDATE devicegroups SET production_target_id = NULL, dut_target_id = NULL,
      current_deployment_id = NULL, min_supported_deployment_id = NULL;
    DELETE FROM log_stream_devices; DELETE FROM log_streams; DELETE FROM device_logs;
    DELETE FROM webhook_firings; DELETE FROM webhooks; DELETE FROM devices;
    DELETE FROM deployments; DELETE FROM devicegroups; DELETE FROM products;
    DELETE FROM login_tokens; DELETE FROM access_tokens; DELETE FROM refresh_tokens;
    DELETE FROM login_keys; DELETE FROM accounts; DELETE FROM meta;
    """
}
