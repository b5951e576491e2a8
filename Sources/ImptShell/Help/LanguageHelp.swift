/// Help on the constructs of the language, each with an example that runs on the sandbox.
enum LanguageHelp {
  /// The help for `word`, ending with a newline.
  static func text(for word: String) -> String {
    guard let entry = entries[word] else { return "no help on '\(word)'\n" }
    return "\(word): \(entry.0)\n\n  \(entry.1)\n"
  }

  private static let entries: [String: (String, String)] = [
    "let": (
      "name the result of a pipeline; read it back with $name, $name.field, $name[0]",
      "let rc = build info --build MyRC1; echo \"sha: $rc.sha\""
    ),
    "set": (
      "give a variable defined earlier a new value, even from inside a block",
      "let tag = \"RC7\"; if ($args | count) > 0 { set tag = $1 }"
    ),
    "if": (
      "run a block when a condition holds, else another",
      "if (device list --dg MyDG | count) == 0 { echo \"empty\" } else { echo \"busy\" }"
    ),
    "for": (
      "run a block once for each item of a pipeline",
      "for d in device list --offline { echo \"$d.name is offline\" }"
    ),
    "assert": (
      "stop with an error when a condition does not hold",
      "assert (device list --dg MyProductionDG | count) == 5 \"expected five devices\""
    ),
    "source": ("run another script file here, with the same variables", "source setup.imptsh"),
    "exit": ("stop the script (or the shell) with a status", "exit 3"),
    "sleep": ("wait some seconds; Ctrl-C stops the wait", "sleep 2"),
    "try": (
      "go on past a failure; the error is in $error inside catch",
      "try { dg delete --dg Old --confirmed } catch { echo \"kept: $error\" }"
    ),
    "echo": ("print text; double quotes interpolate $variables", "echo \"built $rc.id\""),
    "use": (
      "set the session's product or device group; 'use' shows them, 'use none' clears",
      "use dg MyProductionDG"
    ),
    "explain": (
      "show the API operations a line would perform, without changing anything",
      "explain dg delete --dg MyDevDG --force --confirmed"
    ),
    "help": (
      "show help: 'help' lists the topics; 'help GROUP', 'help GROUP VERB' or 'COMMAND --help' "
        + "describe commands; 'help WORD' describes the language",
      "help dg create"
    ),
    "record": (
      "at the prompt, write the successful lines to a new replayable script; secrets become "
        + "$env.IMPTSH_… references",
      "record start setup.imptsh  …  record stop"
    ),
    "where": (
      "keep the items that match: ==, !=, <, <=, >, >=, =~ (regex), and, or, not",
      "device list | where online == false and name =~ \"^fix\""
    ),
    "select": ("keep only some fields of each item", "device list | select id name mac"),
    "sort": ("sort by a field; -r for descending", "device list | sort -r last_enrolled_at"),
    "first": ("keep the first N items", "device list | first 10"),
    "last": ("keep the last N items", "build list --dg MyDG | last 3"),
    "count": ("count the items", "device list --dg MyProductionDG | count"),
    "get": ("take one field of each item", "device list | get mac_address"),
    "uniq": ("drop repeated items", "device list | get imp_type | uniq"),
    "each": (
      "run a block for each item, with the item as $it",
      "device list --offline | each { echo \"$it.id\" }"
    ),
    "json": ("show the value as JSON", "dg info --dg MyDG | json"),
    "table": ("show the value as a table", "device list | select id name | table"),
  ]
}
