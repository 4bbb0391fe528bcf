/**
 * Reading VyOS/EdgeOS configurations into one word tree, whatever format they were written in.
 *
 * <p>{@link org.vpnlint.parser.ConfigReader} is the entry point. It detects the format (set/delete/edit
 * lines versus braces), lexes and parses with the ANTLR grammars {@code VyosCurly.g4} and
 * {@code VyosCommands.g4}, and builds a {@link org.vpnlint.parser.ConfigTree} of
 * {@link org.vpnlint.parser.ConfigNode}s. Both grammars are flat (one statement or one line per parser call)
 * and the readers keep nesting on their own stacks, so no input can exhaust the call stack, and tokens are
 * streamed so memory follows the tree, not the file.
 *
 * <p>Diagnostics: code {@code parse-error} (level error: the tree may be partial), {@code parse-warning}
 * (read, but maybe not as meant: typographic quotes, statements run together on one line, deleting what
 * does not exist), {@code parse-note} (elided {@code [SNIP]} parts, empty files, commands not followed).
 * Messages never contain the value after a secret keyword (pre-shared-secret, password, ...-key).
 *
 * <p>Limits: files over 16 MiB are refused unread; paths deeper than 256 words are skipped with one error;
 * after 200 diagnostics in one file the rest are only counted; input with NUL bytes, invalid UTF-8 or many
 * control characters is refused as "not a text configuration file".
 */
package org.vpnlint.parser;
