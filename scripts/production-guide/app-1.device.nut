// MyProduct application 1.0: device side
server.log("MyProduct application 1.0 running");

function reportTemperature() {
  local reading = hardware.voltage();
  agent.send("reading", { "volts": reading });
  imp.wakeup(60, reportTemperature);
}

server.onshutdown(function(reason) {
  server.log("application 1.0 shutting down for an update");
  server.restart();
});

reportTemperature();
