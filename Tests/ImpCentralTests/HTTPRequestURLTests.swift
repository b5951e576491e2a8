import Foundation
import Testing

@testable import ImpCentral

private let base = URL(string: "https://api.electricimp.com/v5")!

@Test(
  "request URLs encode paths and queries",
  arguments: [
    ("/products", [], "https://api.electricimp.com/v5/products"),
    (
      "/products", [URLQueryItem(name: "page[size]", value: "100")],
      "https://api.electricimp.com/v5/products?page%5Bsize%5D=100"
    ),
    (
      "/deployments",
      [
        URLQueryItem(name: "filter[tags]", value: "rc,beta"),
        URLQueryItem(name: "page[number]", value: "2"),
      ],
      "https://api.electricimp.com/v5/deployments?filter%5Btags%5D=rc%2Cbeta&page%5Bnumber%5D=2"
    ),
    (
      "/devices", [URLQueryItem(name: "filter[name]", value: "a+b c&d=é")],
      "https://api.electricimp.com/v5/devices?filter%5Bname%5D=a%2Bb%20c%26d%3D%C3%A9"
    ),
    (
      "/logstream", [URLQueryItem(name: "flag", value: nil)],
      "https://api.electricimp.com/v5/logstream?flag"
    ),
    ("/devices/a b%2F?#", [], "https://api.electricimp.com/v5/devices/a%20b%252F%3F%23"),
  ] as [(String, [URLQueryItem], String)])
func requestURLEncodesPathAndQuery(path: String, query: [URLQueryItem], expected: String) {
  let url = RequestURL.make(base: base, path: path, query: query)
  #expect(url?.absoluteString == expected)
}

@Test func requestURLJoinsBaseWithTrailingSlash() {
  let url = RequestURL.make(
    base: URL(string: "http://127.0.0.1:8080/v5/")!, path: "/auth", query: [])
  #expect(url?.absoluteString == "http://127.0.0.1:8080/v5/auth")
}

@Test func urlRequestCarriesMethodHeadersBodyAndTimeout() throws {
  let transport = HTTPTransport(baseURL: base, requestTimeout: 12)
  let request = HTTPRequest(
    method: .patch, path: "/products/1", headers: ["Content-Type": "application/vnd.api+json"],
    body: Data("{}".utf8))
  let urlRequest = try transport.makeURLRequest(for: request, timeout: 12)
  #expect(urlRequest.httpMethod == "PATCH")
  #expect(urlRequest.value(forHTTPHeaderField: "content-type") == "application/vnd.api+json")
  #expect(urlRequest.httpBody == Data("{}".utf8))
  #expect(urlRequest.timeoutInterval == 12)
}

@Test func connectionFailureNamesHostAndPortButNotPathOrQuery() {
  let url = URL(string: "https://user:secret@api.example.com/v5/auth?token=abc")
  let error = HTTPTransport.transportError(from: URLError(.cannotConnectToHost), url: url)
  guard case .connectionFailed(let message) = error else {
    Issue.record("expected a connection failure, got \(error)")
    return
  }
  #expect(message.contains("'api.example.com:443'"))
  #expect(!message.contains("secret") && !message.contains("token") && !message.contains("auth"))
}

@Test(
  "URL errors map to transport errors",
  arguments: [
    (URLError.Code.cancelled, TransportError.cancelled),
    (.timedOut, .timedOut),
  ])
func urlErrorsMapToTransportErrors(code: URLError.Code, expected: TransportError) {
  #expect(HTTPTransport.transportError(from: URLError(code), url: nil) == expected)
}

@Test func unclassifiedFailureKeepsLibcurlsWordsUnlessTheyShowTheURL() {
  let url = URL(string: "http://127.0.0.1:8080/v5/devices?filter%5Bname%5D=x")
  let words = URLError(
    .unknown, userInfo: [NSLocalizedDescriptionKey: "Transfer closed with 10 bytes remaining"])
  #expect(
    HTTPTransport.transportError(from: words, url: url)
      == .connectionFailed(
        "cannot reach '127.0.0.1:8080': transfer closed with 10 bytes remaining"))
  let revealing = URLError(
    .unknown, userInfo: [NSLocalizedDescriptionKey: "bad thing at /v5/devices"])
  #expect(
    HTTPTransport.transportError(from: revealing, url: url)
      == .connectionFailed("cannot reach '127.0.0.1:8080': the connection failed"))
}
