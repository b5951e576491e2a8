import Testing

@testable import ImptLanguage

@Test func scratch() async {
  let scripts = [
    "device list --dg MyProductionDG | where online == false | sort name | select id name mac | first 10",
    "let n = device list | where online | count\necho \"online: $n\"",
    "device list --dg MyProductionDG | where not online | device restart",
    "assert (device list | count) == 12 \"twelve devices\"",
    "product create --nmae X",
    "dg info",
    "use dg MyProductionDG\ndg info | get name",
    "try { fail now } catch { echo $error.id $error.message }\necho $status",
    "device list | where name =~ \"^g\" | json",
    "device list | where rssi > -60 | table",
  ]
  for script in scripts {
    let (outcome, journal) = await run(script)
    print("== " + script)
    print("status \(outcome.status) commands \(journal.commandNames)")
    for value in journal.shown { print(TextTable(value).render()) }
    for line in journal.echoed { print("echo: " + line) }
    print(DiagnosticRenderer(style: .caret).render(outcome.diagnostics) { _ in script }, terminator: "")
  }
}
