import Testing

@testable import ImpCentralSandbox

@Suite struct SquirrelCodeTests {
  @Test func literalLogCallsAreFound() {
    let source = #"""
      // server.log("commented out")
      server.log("one"); server.error("two \"quoted\"");
      server.log(variable); /* server.log("block") */ server.log(@"verbatim ""x""");
      local c = '"'; server.log("after char");
      """#
    let calls = SquirrelCode.logCalls(source)
    #expect(calls.map(\.text) == ["one", "two \"quoted\"", "verbatim \"x\"", "after char"])
    #expect(calls.map(\.isError) == [false, true, false, false])
  }

  @Test(
    arguments: [
      ("function f() { return [1, (2)]; }", nil),
      ("local s = \"}\"; // {", nil),
      ("f(", SquirrelProblem(message: "'(' is never closed", line: 1, column: 2)),
      ("\n  a]", SquirrelProblem(message: "']' does not close any open '['", line: 2, column: 4)),
      (
        "x = \"abc",
        SquirrelProblem(message: "the string that starts here is never closed", line: 1, column: 5)
      ),
      (
        "/* open",
        SquirrelProblem(message: "the comment that starts here is never closed", line: 1, column: 1)
      ),
    ] as [(String, SquirrelProblem?)])
  func compileCheckFindsUnbalancedCode(source: String, problem: SquirrelProblem?) {
    #expect(SquirrelCode.problem(in: source) == problem)
  }

  @Test func shutdownHandlerIsDetected() {
    #expect(SquirrelCode.handlesShutdown("server.onshutdown(function(r) { server.restart(); });"))
    #expect(!SquirrelCode.handlesShutdown("server.log(\"onshutdown\")"))
  }
}
