// MyProduct application 1.0: agent side
server.log("MyProduct agent 1.0 ready");

device.on("reading", function(data) {
  server.log("reading: " + data.volts);
});
