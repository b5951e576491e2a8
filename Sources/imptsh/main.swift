import ImptShell

print("imptsh \(ShellModule.version)")
