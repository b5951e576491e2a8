import ImpCentral
import ImptLanguage

/// `build deploy|run|copy|get|info|list|update|delete|cleanup`.
enum BuildCommands {
  static let all = [deploy, run, copy, get, info, list, update, delete, cleanup]

  /// The setup lines that give examples a product with a development group.
  static let groupSetup = [
    "product create --name MyProduct", "dg create --name MyDevDG --product MyProduct",
  ]

  /// The setup lines that give examples a group with one build tagged `MyRC1`.
  static let buildSetup = groupSetup + ["build deploy --dg MyDevDG --tag MyRC1"]

  static let info = CommandSpec(
    group: "build", verb: "info", summary: "show a build",
    details: """
      Without --build, shows the current build of the session's device group \
      ('use dg NAME').
      """,
    options: [Opt.build()],
    examples: [
      CommandExample("build info --build MyRC1", "a build named by its tag", setup: buildSetup),
      CommandExample(
        "build info", "the current build of the session's group",
        setup: buildSetup + ["use dg MyDevDG"]),
    ],
    result: .entity(.deployment), pipeOption: "build",
    action: Action.run { arguments, services in
      try await BuildSupport(services).build(arguments).value
    })

  static let list = CommandSpec(
    group: "build", verb: "list", summary: "list builds",
    details: """
      The same filter repeated means any of its values; different filters must all hold. \
      --flagged with --unflagged, or --zombie with --non-zombie, cancel out. A zombie \
      build is one whose device group was deleted.
      """ + " " + ListScope.unknownNamesNote(["owner", "product", "dg"]),
    options: [
      Opt.owners(), Opt.products(), Opt.dgs(), Opt.dgTypeFilter(),
      OptionSpec(
        "sha", short: "s", kind: .textList, placeholder: "SHA",
        summary: "only builds of code with this SHA-256 (repeat for several)"),
      OptionSpec(
        "tag", short: "t", kind: .textList, placeholder: "TAG",
        summary: "only builds with this tag (repeat for several)"),
      OptionSpec("flagged", short: "f", kind: .flag, summary: "only flagged builds"),
      OptionSpec("unflagged", short: "u", kind: .flag, summary: "only unflagged builds"),
      OptionSpec(
        "zombie", short: "m", kind: .flag, summary: "only builds whose device group is gone"),
      OptionSpec(
        "non-zombie", short: "n", kind: .flag,
        summary: "only builds that still have a device group"),
    ],
    examples: [
      CommandExample("build list", "every build"),
      CommandExample(
        "build list --dg MyDevDG --flagged", "the flagged builds of a group",
        setup: groupSetup + ["build deploy --dg MyDevDG --flagged"]),
      CommandExample(
        "build list --product MyProduct --zombie", "builds left by deleted groups",
        setup: buildSetup + ["dg delete --dg MyDevDG --confirmed"]),
    ],
    result: .list(.deployment),
    action: Action.run { arguments, services in
      EntityValues.list(try await BuildListing(services).builds(arguments))
    })
}

extension Combinations {
  /// Every filter of `filters` once for each of `values`, with `set` applied; `filters`
  /// unchanged when `values` is nil (the option was not given).
  ///
  /// `[f]` with `["a", "b"]` → `[f.a, f.b]`; with `[]` → `[]`, so no request is made.
  static func expand<Filter>(
    _ filters: [Filter], _ values: [String]?, _ set: (inout Filter, String) -> Void
  ) -> [Filter] {
    guard let values else { return filters }
    return filters.flatMap { filter in
      values.map { value in
        var copy = filter
        set(&copy, value)
        return copy
      }
    }
  }

  /// The items in their first-seen order, each id once.
  static func unique<Item: APIResource>(_ items: [Item]) -> [Item] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0.id).inserted }
  }

  /// The value of a pair of opposite flags: nil when neither or both are given.
  static func either(_ arguments: Arguments, _ yes: String, _ no: String) -> Bool? {
    let (isYes, isNo) = (arguments.flag(yes), arguments.flag(no))
    return isYes == isNo ? nil : isYes
  }
}
