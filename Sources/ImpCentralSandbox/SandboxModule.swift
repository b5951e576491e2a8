/// The sandbox: an emulator of the impCentral API v5 on SQLite.
enum SandboxModule {}
