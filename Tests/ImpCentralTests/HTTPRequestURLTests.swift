import CCurl
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

@Test func requestURLOfTransportJoinsItsBaseWithTheRequest() throws {
  let transport = HTTPTransport(baseURL: base, requestTimeout: 12)
  let request = HTTPRequest(
    method: .get, path: "/devices", query: [URLQueryItem(name: "page[size]", value: "5")])
  let url = try transport.url(for: request)
  #expect(url.absoluteString == "https://api.electricimp.com/v5/devices?page%5Bsize%5D=5")
}

@Test func connectionFailureNamesHostAndPortButNotPathOrQuery() {
  let url = URL(string: "https://user:secret@api.example.com/v5/auth?token=abc")
  let error = HTTPTransport.transportError(
    code: CURLE_COULDNT_CONNECT, detail: "Failed to connect: Connection refused", url: url)
  #expect(
    error == .connectionFailed("cannot reach 'api.example.com:443': the connection was refused"))
}

@Test(
  "libcurl result codes map to transport errors",
  arguments: [
    (CURLE_OPERATION_TIMEDOUT, TransportError.timedOut),
    (CURLE_ABORTED_BY_CALLBACK, .cancelled),
    (
      CURLE_COULDNT_RESOLVE_HOST,
      .connectionFailed("cannot reach 'api.example.com:443': the host name is unknown")
    ),
    (
      CURLE_GOT_NOTHING,
      .connectionFailed(
        "cannot reach 'api.example.com:443': the connection closed without a response")
    ),
    (
      CURLE_PEER_FAILED_VERIFICATION,
      .connectionFailed(
        "cannot reach 'api.example.com:443': the secure connection could not be established")
    ),
  ])
func curlCodesMapToTransportErrors(code: CURLcode, expected: TransportError) {
  let url = URL(string: "https://api.example.com/v5/products")
  #expect(HTTPTransport.transportError(code: code, detail: "", url: url) == expected)
}

@Test func unclassifiedFailureKeepsLibcurlsWordsUnlessTheyShowTheURL() {
  let url = URL(string: "http://127.0.0.1:8080/v5/devices?filter%5Bname%5D=x")
  #expect(
    HTTPTransport.transportError(
      code: CURLE_PARTIAL_FILE, detail: "Transfer closed with 10 bytes remaining", url: url)
      == .connectionFailed(
        "cannot reach '127.0.0.1:8080': transfer closed with 10 bytes remaining"))
  #expect(
    HTTPTransport.transportError(
      code: CURLE_PARTIAL_FILE, detail: "bad thing at /v5/devices", url: url)
      == .connectionFailed("cannot reach '127.0.0.1:8080': network error 18"))
}
