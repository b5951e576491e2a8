import ImpCentral
import ImptLanguage
import Testing

@testable import ImptShell

@Suite struct TerminalRedactorTests {
  @Test(
    "masks the value of every secret spelling",
    arguments: [
      ("auth login --user me --pwd hunter2", "auth login --user me --pwd ***"),
      ("auth login --user me -w hunter2", "auth login --user me -w ***"),
      ("auth login --lk 0123abcd", "auth login --lk ***"),
      ("loginkey info -k 0123abcd", "loginkey info -k ***"),
      ("dg unassign --dg MyDG --unbond 4f2a", "dg unassign --dg MyDG --unbond ***"),
      ("dg unassign --dg MyDG -u 4f2a", "dg unassign --dg MyDG -u ***"),
      ("device unassign --device d1 -u 4f2a", "device unassign --device d1 -u ***"),
      ("auth login --user me --otp 123456", "auth login --user me --otp ***"),
      ("auth login --token eyJhbGciOi", "auth login --token ***"),
    ])
  func masksSecretSpellings(entry: String, expected: String) {
    #expect(HistoryRedactor.standard.redact(entry) == expected)
  }

  @Test(
    "masks secrets in any quoting and in the equals form",
    arguments: [
      (#"auth login --pwd "two words""#, "auth login --pwd ***"),
      ("auth login --pwd 'two words'", "auth login --pwd ***"),
      (#"auth login --pwd "a\"b c""#, "auth login --pwd ***"),
      ("auth login --pwd two\\ words", "auth login --pwd ***"),
      ("auth login --pwd=hunter2", "auth login --pwd=***"),
      (#"auth login --pwd="two words""#, "auth login --pwd=***"),
      ("auth login -w='two words'", "auth login -w=***"),
      (#"auth login "--pwd=hunter2""#, "auth login --pwd=***"),
      ("auth login '--pwd' hunter2", "auth login '--pwd' ***"),
      ("auth login --pwd \"line one\nline two\"", "auth login --pwd ***"),
    ])
  func masksQuotedAndEqualsForms(entry: String, expected: String) {
    #expect(HistoryRedactor.standard.redact(entry) == expected)
  }

  @Test(
    "masks every secret in an entry and keeps the rest as typed",
    arguments: [
      (
        "loginkey delete --lk k1  --pwd p1   --confirmed",
        "loginkey delete --lk ***  --pwd ***   --confirmed"
      ),
      ("impt auth login --user me --pwd p1", "impt auth login --user me --pwd ***"),
      ("auth login --pwd p1; auth login --lk k2", "auth login --pwd ***; auth login --lk ***"),
      ("let t = (auth login --pwd p1) | json", "let t = (auth login --pwd ***) | json"),
      ("  auth login --pwd p1  ", "  auth login --pwd ***  "),
    ])
  func masksEverySecretAndKeepsTheRest(entry: String, expected: String) {
    #expect(HistoryRedactor.standard.redact(entry) == expected)
  }

  @Test(
    "leaves entries without secrets exactly as typed",
    arguments: [
      #"product create --name MyProduct --descr "My product""#,
      "dg create --name MyDG --dg-type production --product MyProduct",
      "account info -u me",
      "auth login -u me --temp",
      "echo 'a --pwd b'",
      #"echo "--pwd is secret""#,
      "auth login --pwd",
      "product list | where name == x | first 3",
    ])
  func leavesOtherEntriesAlone(entry: String) {
    #expect(HistoryRedactor.standard.redact(entry) == entry)
  }

  @Test(
    "masks the value after a misspelt secret option and the value joined to a short one",
    arguments: [
      ("auth login --user sandbox --pdw SECRETtypo4", "auth login --user sandbox --pdw ***"),
      ("auth login --user me --pw hunter2", "auth login --user me --pw ***"),
      ("auth login --user me --password hunter2", "auth login --user me --password ***"),
      ("auth login --user me --passwd hunter2", "auth login --user me --passwd ***"),
      ("auth login --user me --PWD hunter2", "auth login --user me --PWD ***"),
      ("auth login --user me --pdw=hunter2", "auth login --user me --pdw=***"),
      ("auth login --lkk 0123abcd", "auth login --lkk ***"),
      ("dg unassign --dg X --unbnod 4f2a", "dg unassign --dg X --unbnod ***"),
      ("auth login --user me --opt 123456", "auth login --user me --opt ***"),
      ("auth login -u sandbox -wSECRETjoined3", "auth login -u sandbox -w***"),
      ("auth login -w'two words'", "auth login -w***"),
      ("loginkey info -k0123abcd", "loginkey info -k***"),
      ("dg unassign --dg X -u4f2a", "dg unassign --dg X -u***"),
    ])
  func masksMisspeltAndJoinedSecretOptions(entry: String, expected: String) {
    #expect(HistoryRedactor.standard.redact(entry) == expected)
    #expect(HistoryRedactor(catalogue: Self.catalogue).redact(entry) == expected)
  }

  @Test(
    "leaves options that merely look short alone",
    arguments: [
      "device list --dg MyDG", "dg info --id 12", "auth login -ume", "device list -x5",
      "build list --tag rc1",
    ])
  func leavesNearbyOptionsAlone(entry: String) {
    #expect(HistoryRedactor.standard.redact(entry) == entry)
  }

  @Test("keeps nothing of a blank entry", arguments: ["", "   ", "\n"])
  func dropsBlankEntries(entry: String) {
    #expect(HistoryRedactor.standard.redact(entry) == nil)
  }

  @Test("masks a command's short alias only in the commands where it is secret")
  func masksSharedShortAliasOnlyWhereSecret() {
    let redactor = HistoryRedactor(
      secretOptions: ["--pwd"], commandSecretOptions: ["dg unassign": ["-u"]])

    #expect(redactor.redact("dg unassign --dg X -u key") == "dg unassign --dg X -u ***")
    #expect(redactor.redact("auth login -u me --pwd p") == "auth login -u me --pwd ***")
    #expect(redactor.redact("account info -u me") == "account info -u me")
  }

  @Test("derives secret spellings from the catalogue")
  func derivesSecretsFromCatalogue() {
    let redactor = HistoryRedactor(catalogue: Self.catalogue)

    #expect(redactor.redact("dg unassign --dg X -u key") == "dg unassign --dg X -u ***")
    #expect(redactor.redact("account info -u me") == "account info -u me")
    #expect(redactor.redact("webhook create --secret s1") == "webhook create --secret ***")
    #expect(redactor.redact("explain webhook create -s s1") == "explain webhook create -s ***")
    #expect(redactor.redact("auth login --pwd p") == "auth login --pwd ***")
  }

  private static let catalogue: [CommandSpec] = [
    CommandSpec(
      group: "dg", verb: "unassign", summary: "unassign devices",
      options: [OptionSpec("unbond", short: "u", summary: "the unbond key", isSecret: true)],
      action: { _, _ in .null }),
    CommandSpec(
      group: "account", verb: "info", summary: "show an account",
      options: [OptionSpec("user", short: "u", summary: "the account")],
      action: { _, _ in .null }),
    CommandSpec(
      group: "webhook", verb: "create", summary: "create a webhook",
      options: [OptionSpec("secret", short: "s", summary: "a signing secret", isSecret: true)],
      action: { _, _ in .null }),
  ]
}
