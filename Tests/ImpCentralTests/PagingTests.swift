import Foundation
import Testing

@testable import ImpCentral

@Suite struct PagingTests {
  /// A service with three pages of products; page 3 repeats one item of page 2, as the
  /// live service has been seen to do.
  private static func threePages(_ request: HTTPRequest) -> FakeTransport.Reply {
    let number = Int(request.queryValue("page[number]") ?? "") ?? 0
    let pages: [Int: ([JSONValue], Int?)] = [
      1: ([Fixtures.product(id: "p1", name: "A"), Fixtures.product(id: "p2", name: "B")], 2),
      2: ([Fixtures.product(id: "p3", name: "C"), Fixtures.product(id: "p4", name: "D")], 3),
      3: ([Fixtures.product(id: "p4", name: "D"), Fixtures.product(id: "p5", name: "E")], nil),
    ]
    guard let (items, next) = pages[number] else { return Fixtures.empty(400) }
    return Fixtures.reply(
      200, Fixtures.page(items, collection: "/products", number: number, next: next))
  }

  @Test func listFollowsNextAcrossThreePagesDroppingDuplicates() async throws {
    let transport = FakeTransport(handler: Self.threePages)
    let client = makeClient(transport)
    let counts = Collector<Int>()

    let products = try await client.products(
      ProductFilter(ownerID: "o1"), progress: { counts.add($0) })

    #expect(products.map(\.id) == ["p1", "p2", "p3", "p4", "p5"])
    #expect(counts.all == [2, 4, 5])
    #expect(
      transport.requests.map { $0.queryPairs }
        == [1, 2, 3].map {
          ["filter[owner.id]=o1", "page[number]=\($0)", "page[size]=100"]
        })
  }

  @Test func listFollowsThePageNumberTheLinkNames() async throws {
    let transport = FakeTransport([
      Fixtures.reply(
        200,
        Fixtures.page(
          [Fixtures.product(id: "a", name: "A")], collection: "/products", number: 1, next: 5)),
      Fixtures.reply(
        200,
        Fixtures.page(
          [Fixtures.product(id: "b", name: "B")], collection: "/products", number: 5, next: nil)),
    ])
    let client = makeClient(transport)
    let products = try await client.products()
    #expect(products.map(\.id) == ["a", "b"])
    #expect(transport.requests.map { $0.queryValue("page[number]") } == ["1", "5"])
  }

  @Test func nextLinkWithoutALaterPageIsAnError() async {
    let backwards = Fixtures.page(
      [Fixtures.product(id: "a", name: "A")], collection: "/products", number: 1, next: 1)
    let noNumber: JSONValue = [
      "data": [Fixtures.product(id: "a", name: "A")],
      "links": ["self": "https://x/v5/products", "next": "https://x/v5/products?cursor=abc"],
    ]
    for body in [backwards, noNumber] {
      let transport = FakeTransport([Fixtures.reply(200, body)])
      let error = await captureError { _ = try await makeClient(transport).products() }
      #expect(error?.id == .unexpectedResponse)
      #expect(error?.message.contains("'next' link") == true)
      #expect(transport.requests.count == 1)
    }
  }

  @Test func emptyPageEndsTheListEvenWithANextLink() async throws {
    let transport = FakeTransport([
      Fixtures.reply(200, Fixtures.page([], collection: "/products", number: 1, next: 2))
    ])
    let products = try await makeClient(transport).products()
    #expect(products.isEmpty)
    #expect(transport.requests.count == 1)
  }

  @Test func listWithoutLinksIsOnePage() async throws {
    let transport = FakeTransport([
      Fixtures.reply(200, ["data": [Fixtures.product(id: "a", name: "A")]])
    ])
    #expect(try await makeClient(transport).products().count == 1)
  }

  @Test func listWithoutDataIsUnexpected() async {
    let transport = FakeTransport([Fixtures.reply(200, ["links": [:]])])
    let error = await captureError { _ = try await makeClient(transport).products() }
    #expect(error?.id == .unexpectedResponse)
    #expect(error?.operation == "list products (page 1, size 100)")
  }

  @Test func allDeviceLogsFollowPagesNewestFirst() async throws {
    let first: JSONValue = [
      "data": [
        ["ts": "2026-01-01T00:00:04.000Z", "type": "status", "msg": "4"],
        ["ts": "2026-01-01T00:00:03.000Z", "type": "status", "msg": "3"],
      ],
      "links": ["next": "https://x/v5/devices/d/logs?page%5Bnumber%5D=2&page%5Bsize%5D=100"],
    ]
    let second: JSONValue = [
      "data": [
        ["ts": "2026-01-01T00:00:01.000Z", "type": "status", "msg": "1"],
        ["ts": "2026-01-01T00:00:02.000Z", "type": "status", "msg": "2"],
      ],
      "links": [:],
    ]
    let transport = FakeTransport([Fixtures.reply(200, first), Fixtures.reply(200, second)])
    let entries = try await makeClient(transport).allDeviceLogs(id: "d")
    #expect(entries.map(\.msg) == ["4", "3", "2", "1"])
  }

  @Test func logPageReportsTheNextPage() async throws {
    let body: JSONValue = [
      "data": [["ts": "2026-01-01T00:00:04.000Z", "type": "status", "msg": "4"]],
      "links": ["next": "https://x/v5/devices/d/logs?page%5Bnumber%5D=4&page%5Bsize%5D=1"],
    ]
    let transport = FakeTransport([Fixtures.reply(200, body)])
    let page = try await makeClient(transport).deviceLogs(
      id: "d", page: PageRequest(number: 3, size: 1))
    #expect(page.nextPage == 4)
  }

  @Test(arguments: [1, 20, 100])
  func pageSizesWithinBoundsAreSent(size: Int) async throws {
    let (client, transport) = echoClient()
    _ = try await client.deviceLogs(id: "d", page: PageRequest(number: 1, size: size))
    #expect(transport.last?.queryValue("page[size]") == String(size))
  }
}
