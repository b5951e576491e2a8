import ImpCentral
import ImptLanguage

/// `product create|delete|info|list|update`.
enum ProductCommands {
  static let all = [create, delete, info, list, update]

  static let create = CommandSpec(
    group: "product", verb: "create", summary: "create a product",
    details: "A product holds the device groups of one thing you make.",
    options: [
      Opt.requiredName, Opt.descr,
      OptionSpec(
        "owner", short: "o", placeholder: "ACCOUNT",
        summary: "the account to own it, if not yours", identifies: .account),
    ],
    examples: [
      CommandExample(
        #"product create --name MyProduct --descr "My product""#, "a product with a description")
    ],
    effect: .write, result: .entity(.product),
    action: Action.run { arguments, services in
      let resolver = Resolver(client: services.client)
      let owner = try await arguments.identifier("owner").asyncMap(resolver.account)
      let draft = ProductDraft(
        name: try arguments.required("name"), description: arguments.string("descr"),
        ownerID: owner?.id)
      let product = try await services.client.createProduct(draft)
      services.note("created product '\(product.name)'")
      return product.value
    })

  static let list = CommandSpec(
    group: "product", verb: "list", summary: "list products",
    details: ListScope.unknownNamesNote(["owner"]),
    options: [Opt.owners()],
    examples: [
      CommandExample("product list", "every product you can see"),
      CommandExample("product list --owner me", "only your own products"),
    ],
    result: .list(.product),
    action: Action.run { arguments, services in
      let owners = try await ListScope(services).accounts(arguments.list("owner"))
      guard let owners else { return EntityValues.list(try await services.client.products()) }
      var products: [Product] = []
      for owner in owners {
        products += try await services.client.products(ProductFilter(ownerID: owner))
      }
      return EntityValues.list(products)
    })

  static let info = CommandSpec(
    group: "product", verb: "info", summary: "show a product",
    options: [Opt.product(), Opt.full],
    examples: [
      CommandExample(
        "product info --product MyProduct", "one product",
        setup: ["product create --name MyProduct"]),
      CommandExample(
        "product info --product MyProduct --full", "with its device groups",
        setup: ["product create --name MyProduct"]),
    ],
    result: .entity(.product), pipeOption: "product",
    action: Action.run { arguments, services in
      let product = try await Resolver(client: services.client)
        .product(try arguments.identifier("product").orMissing("product"))
      guard arguments.flag("full") else { return product.value }
      let groups = try await services.client.deviceGroups(
        DeviceGroupFilter(productID: product.id))
      return product.value.adding("device_groups", EntityValues.list(groups))
    })

  static let update = CommandSpec(
    group: "product", verb: "update", summary: "rename a product or change its description",
    options: [Opt.product(), Opt.name, Opt.descr],
    examples: [
      CommandExample(
        #"product update --product MyProduct --descr "Thermostat, 2027 model""#,
        "a new description", setup: ["product create --name MyProduct"])
    ],
    effect: .write, result: .entity(.product), pipeOption: "product",
    action: Action.run { arguments, services in
      let product = try await Resolver(client: services.client)
        .product(try arguments.identifier("product").orMissing("product"))
      let changes = ProductChanges(
        name: arguments.string("name"), description: arguments.string("descr"))
      let updated = try await services.client.updateProduct(id: product.id, changes)
      services.note("updated product '\(updated.name)'")
      return updated.value
    })

  static let delete = CommandSpec(
    group: "product", verb: "delete", summary: "delete a product",
    details: """
      A product with device groups cannot be deleted. --force deletes its device groups \
      too, unassigning their devices and unflagging their builds; --builds also deletes \
      every build made for the product, including those of groups already deleted.
      """,
    options: [
      Opt.product(),
      OptionSpec(
        "builds", short: "b", kind: .flag,
        summary: "also delete every build of the product"),
      Opt.force, Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "product delete --product MyProduct --confirmed", "an empty product",
        setup: ["product create --name MyProduct"]),
      CommandExample(
        "product delete --product MyProduct --force --builds --confirmed",
        "a product with everything in it",
        setup: [
          "product create --name MyProduct",
          "dg create --name MyDevDG --product MyProduct",
        ]),
    ],
    effect: .destructive, pipeOption: "product",
    action: Action.run { arguments, services in
      let resolver = Resolver(client: services.client)
      let product = try await resolver.product(
        try arguments.identifier("product").orMissing("product"))
      var plan = DeletePlan(products: [product])
      let collector = DeleteCollector(services: services)
      if arguments.flag("force") {
        let groups = try await services.client.deviceGroups(
          DeviceGroupFilter(productID: product.id))
        try await collector.addGroups(groups, of: product, to: &plan)
      }
      if arguments.flag("builds") {
        try await collector.addBuilds(
          of: product, unflag: arguments.flag("force"), to: &plan)
      }
      try await DeleteEngine(services: services).run(plan, arguments)
      return .null
    })
}
