// MyProduct factory firmware: runs on the BlinkUp fixtures and on devices under test
server.log("factory firmware 1.0 running");

const SSID = "FactoryWiFi";

if (imp.configparams.factory_imp == hardware.getdeviceid()) {
  server.log("fixture ready: blinking up devices under test");
  server.factoryblinkup(SSID, "", hardware.pin1, BLINKUP_ACTIVEHIGH);
} else {
  server.log("device under test: tests passed, blessing");
  server.bless(true, function(blessed) {
    server.log(blessed ? "blessing succeeded" : "blessing failed");
  });
}
