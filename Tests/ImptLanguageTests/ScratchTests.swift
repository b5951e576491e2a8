import Testing

@testable import ImptLanguage

@Test func scratch() {
  let inputs = [
    #"product create --name MyProduct --descr "My product""#,
    #"impt dg create --name MyFactoryDG --descr "Factory" --dg-type factory --product MyProduct --target MyProductionDG"#,
    "dg update --dg MyProductionDG --load-code-after-blessing false",
    "impt log get -device <device_id>",
    "device list --dg A | where online == false | sort name | select id name mac | first 10",
    "let rc = build info --build MyRC1",
    "echo \"offline: $n.x ${$x | count} $rc.tags[0]\"",
    "assert (device list | count) == 12 \"twelve\"",
    "if $x > 3 { echo big } else if $x == 2 { echo two } else { echo small }",
    "for d in device list --dg A | where online { device restart --device $d.id }",
    "try { dg delete --dg X } catch { echo $error.message }",
    "let x = {name: \"x\", n: 1, a:2, tags: [a, b]}",
    "product update --descr=\"x y\" --name=dev-$i -s -5 --flag=false",
    "dg info --dg {me}{MyProduct}{MyDG}",
    "webhook create --url http://x.y/z?a=b#frag --mime json",
    "(dg list | first).name",
    "device list | each { $it.name } | json",
    "use dg MyDG; use; use none",
    "help product create",
    "echo 'it''s'",
  ]
  for input in inputs {
    let result = Parser.parse(input, file: "t")
    print(input)
    print("  => " + result.script.dump)
    for d in result.diagnostics { print("  !! \(d.range.location) \(d.id): \(d.message)") }
  }
}
