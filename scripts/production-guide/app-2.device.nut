// MyProduct application 2.0: device side
server.log("MyProduct application 2.0 running");

function reportTemperature() {
  local reading = hardware.voltage();
  agent.send("reading", { "volts": reading, "version": 2 });
  imp.wakeup(30, reportTemperature);
}

server.onshutdown(function(reason) {
  server.log("application 2.0 shutting down for an update");
  server.restart();
});

reportTemperature();
