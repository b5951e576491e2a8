// MyProduct factory firmware: agent side
server.log("factory agent 1.0 ready");
