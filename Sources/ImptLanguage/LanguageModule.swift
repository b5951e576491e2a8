/// The imptsh language: lexer, parser, checker and evaluator.
///
/// Source flows one way: `Lexer` → `Parser` (a `Script` of statements, every node with
/// its `SourceRange`) → `Checker` (binds commands to the `Catalogue`, reports every
/// mistake, gives a `BoundScript`) → `Evaluator` (run by `Interpreter`, which asks an
/// `InterpreterHost` for everything outside the language).
///
/// ## The language in brief
///
/// A line of impt is a line of imptsh, with or without a leading `impt`:
/// `product create --name MyProduct --descr "My product"`. Options are `--long VALUE`,
/// `--long=VALUE`, or impt's one-letter alias `-n VALUE`. A value option takes the next
/// word even when it starts with `-` (`--descr -5`), unless that word is an option of the
/// command. A flag is on when given and takes `true` or `false` after it
/// (`--confirmed false`); a toggle (`[true|false]` in impt) is unset unless given. Every
/// command also takes `--help` (`-h`) and `--output MODE` (`-z`).
///
/// Words: `#` starts a comment; `;` and newlines separate statements; a line that ends
/// inside quotes, braces, brackets or parentheses, after `|`, or with `\` continues.
/// Double quotes interpolate `$name`, `$name.field`, `$list[0]` and `${PIPELINE}` and
/// know the escapes `\n \t \r \0 \\ \" \$ \' \u{…}`; single quotes keep text as written.
/// A bare word may hold `$x` too (`dev-$i`), and words written together join
/// (`--name="a b"`). `{me}{Product}{Group}` is one word, as impt's hierarchical names are.
///
/// Values: `null`, `true`, `false`, numbers, text, lists `[1, 2]`, records
/// `{name: "x", n: 1}`, and entities (records that know their impCentral kind; their fields
/// are in `EntitySchema`). `let x = PIPELINE` defines a variable in the current block;
/// `$x`, `$x.field`, `$x[0]` (negative from the end) and `$x.tags[0]` read it. A field of a
/// list is the list of that field of each item. `$env.NAME`, `$1…`, `$0` (the script),
/// `$args`, `$status` (0 or 1, the last statement's) are set by imptsh; `$it` is the piped
/// item inside filters, `$error` the failure inside `catch` (`id`, `message`, `file`,
/// `line`, `column`). A pipeline in parentheses is a value anywhere a value stands.
///
/// Pipes: `where COND`, `select F…`, `sort [-r] [F]`, `first [N]`, `last [N]` (without N
/// one item, with N a list), `count`, `get F`, `uniq`, `each { … }` (the block's last
/// value for each item; nulls dropped), `json` (JSON text), `table` (a text table). In a
/// condition a bare name is a field of the piped item (`where online`), text must be
/// quoted, operators need spaces around them: `== != < <= > >= =~ !~` (regular
/// expressions), `and`, `or`, `not`, parentheses for grouping. An ordering with null is
/// false, null equals only null, and an entity equals its id.
///
/// A command that follows `|` takes the piped value through its `pipeOption`: when that
/// option is repeatable the command runs once with every item in it
/// (`dg list | device list`); otherwise it runs once per item (`device list | where
/// not online | device restart`), and the results are gathered into one list.
///
/// Control: `if COND { } else if COND { } else { }`, `for x in PIPELINE { }`,
/// `assert COND "message"`, `try { } catch { }`, `source FILE`, `exit [N]`,
/// `echo VALUES…`. Session: `use`, `use none`, `use product NAME`, `use dg NAME`,
/// `explain PIPELINE`, `record start FILE`, `record stop`, `help [GROUP [VERB]]`.
///
/// A script that does not parse or check runs nothing (status 2). A failing statement
/// stops the script with status 1 and a diagnostic at its place, unless a `try` encloses
/// it; `exit N` stops with N.
enum LanguageModule {}
