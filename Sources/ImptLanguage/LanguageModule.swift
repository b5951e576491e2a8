/// The imptsh language: lexer, parser, checker, compiler and evaluator.
enum LanguageModule {}
