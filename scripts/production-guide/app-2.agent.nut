// MyProduct application 2.0: agent side
server.log("MyProduct agent 2.0 ready");

device.on("reading", function(data) {
  server.log("reading: " + data.volts);
});
