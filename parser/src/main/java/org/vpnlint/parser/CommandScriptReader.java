package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.vpnlint.model.SourceLocation;

/**
 * Reads a command script ({@code set}/{@code delete} lines, {@code edit}/{@code up}/{@code top} navigation,
 * {@code copy}/{@code rename}/{@code comment}) or a pasted CLI transcript into a word tree, by running the
 * commands against an empty configuration.
 *
 * <p>Without the VyOS schema a second {@code set} of a leaf adds a value instead of replacing it (the tree
 * cannot tell single-value from multi-value leaves; the dialect mapper can). {@code delete} removes the node
 * and, when that leaves its parent empty, the parent too (the last value of a leaf, the last rule of a
 * {@code rule} tag node).
 *
 * <p>In a transcript (a file with {@code user@host# } prompts), lines without a prompt are command output
 * and are skipped, unless they are configuration commands themselves (the output of
 * {@code show configuration commands}). Operational-mode prompts ({@code user@host:~$ }) change nothing.
 * A line starting with {@code #} is always a comment, even when it reads like a command ({@code # set ...}
 * is how a command is commented out).
 *
 * <p>Comment lines directly above {@code set}, {@code comment}, {@code copy} or {@code rename} belong to the
 * deepest node the command names; above {@code edit}, to the edited node once it exists; above any other
 * command (delete, top, commit, ...), or followed by a blank line, they are file-level comments.
 */
final class CommandScriptReader {
    private static final Set<String> CONFIGURATION_COMMANDS =
            Set.of("set", "delete", "edit", "up", "top", "exit", "copy", "rename", "comment");
    /**
     * Commands of a configuration session, or of the vbash script around it
     * ({@code source /opt/vyatta/etc/functions/script-template}), that do not change the candidate tree.
     */
    private static final Set<String> SESSION_COMMANDS = Set.of(
            "commit",
            "commit-confirm",
            "confirm",
            "save",
            "show",
            "compare",
            "run",
            "configure",
            "end_configure",
            "source");
    /** Commands that change the configuration in a way a script cannot show; the tree ignores them. */
    private static final Set<String> UNFOLLOWED_COMMANDS = Set.of("load", "merge", "discard", "rollback");

    private final ReadProblems problems;
    private final WordReading wordReading;
    private final ConfigNode root;
    private final CommentPlacement comments;
    private final EditLevel editLevel = new EditLevel();
    private final List<Elision> elisions = new ArrayList<>();
    private boolean transcript;
    private int commentedOutCommands;
    /** Comments written above an {@code edit} of a node that does not exist yet, and that node's path. */
    private List<String> commentsForEditedNode = List.of();

    private List<PathWord> editedNodePath = List.of();

    CommandScriptReader(ReadProblems problems) {
        this.problems = problems;
        this.wordReading = new WordReading(problems);
        this.root = new ConfigNode("", problems.at(1, 1));
        this.comments = new CommentPlacement(root);
    }

    ConfigTree read(String text) {
        VyosCommandsLexer lexer = new VyosCommandsLexer(CharStreams.fromString(text, problems.file()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorReporting(problems));
        UnbufferedTokenStream<Token> tokens = new UnbufferedTokenStream<>(lexer);
        VyosCommandsParser parser = new VyosCommandsParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorReporting(problems));
        // The grammar is LL(1), so SLL prediction (the fast one) never reports a false error.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        while (tokens.LA(1) != Token.EOF) line(parser.line());
        forgetEditedNode();
        comments.separated();
        Token end = tokens.LT(1);
        if (root.isLeafWord() && !problems.hasErrors()) {
            problems.note(
                    problems.at(end.getLine(), end.getCharPositionInLine() + 1),
                    "the file holds no configuration commands"
                            + (commentedOutCommands == 0
                                    ? ""
                                    : "; " + commentedOutCommands
                                            + " commented-out command lines (starting with '#') were not applied"));
        }
        return new ConfigTree(
                problems.file(), root, null, null, ConfigTree.SourceFormat.COMMANDS, problems.toList(), elisions);
    }

    private void line(VyosCommandsParser.LineContext line) {
        int lineNumber = line.getStart().getLine();
        if (line.EDIT_ECHO() != null) {
            Token echo = line.EDIT_ECHO().getSymbol();
            editLevel.restate(
                    EditLevel.fromEcho(echo.getText(), problems, echo.getLine(), echo.getCharPositionInLine() + 1));
            return;
        }
        List<PathWord> words = new ArrayList<>();
        for (VyosCommandsParser.WordContext word : line.word())
            words.add(wordReading.read(word.getStart(), shapeOf(word)));
        String comment = line.COMMENT() == null
                ? null
                : line.COMMENT().getText().substring(1).strip();
        Token prompt = line.PROMPT() == null ? null : line.PROMPT().getSymbol();
        if (prompt != null) transcript = true;
        if (words.isEmpty()) {
            if (comment != null && CONFIGURATION_COMMANDS.contains(comment.split(" ", 2)[0])) commentedOutCommands++;
            if (comment != null) comments.comment(comment, lineNumber);
            else if (prompt == null) comments.separated();
            return;
        }
        String command = words.get(0).word();
        if (words.size() == 1 && command.equalsIgnoreCase("[snip]")) {
            // a script's lines each start at the top (or the edit level), so the cut may be anywhere below it
            elisions.add(new Elision(words.get(0).location(), ConfigPaths.words(editLevel.words())));
            problems.note(
                    words.get(0).location(),
                    "part of the configuration was left out here ([SNIP]);"
                            + " what it held is unknown, so findings about it may be missing");
            return;
        }
        boolean operationalMode = prompt != null && prompt.getText().strip().endsWith("$");
        boolean commandOutput = prompt == null && transcript && !CONFIGURATION_COMMANDS.contains(command);
        if (operationalMode || commandOutput) return;
        apply(command, words.get(0).location(), words.subList(1, words.size()), lineNumber);
        if (comment != null) comments.comment(comment, lineNumber);
    }

    private void apply(String command, SourceLocation where, List<PathWord> arguments, int line) {
        switch (command) {
            case "set" -> set(where, arguments, line);
            case "delete" -> delete(where, arguments);
            case "edit" -> edit(where, arguments, line);
            case "up" -> {
                editLevel.up();
                forgetEditedNode();
                comments.separated();
            }
            case "top", "exit" -> {
                editLevel.top();
                forgetEditedNode();
                comments.separated();
            }
            case "copy", "rename" -> copy(command, where, arguments, line);
            case "comment" -> comment(where, arguments, line);
            default -> {
                comments.separated();
                otherCommand(command, where);
            }
        }
    }

    private void set(SourceLocation where, List<PathWord> arguments, int line) {
        if (arguments.isEmpty()) {
            problems.error(where, "'set' needs a configuration path, e.g. set nat source rule 10 exclude");
            return;
        }
        List<PathWord> path = ConfigPaths.concat(editLevel.words(), arguments);
        if (!withinDepth(where, path)) return;
        comments.statement(ConfigPaths.grow(root, path), line);
        if (!commentsForEditedNode.isEmpty()) {
            ConfigNode edited = ConfigPaths.find(root, editedNodePath);
            if (edited != null) {
                for (String text : commentsForEditedNode) edited.addComment(text);
                commentsForEditedNode = List.of();
            }
        }
    }

    private void delete(SourceLocation where, List<PathWord> arguments) {
        List<PathWord> path = ConfigPaths.concat(editLevel.words(), arguments);
        comments.separated();
        if (path.isEmpty()) {
            problems.error(where, "'delete' without a path would delete the whole configuration; it was not applied");
            return;
        }
        ConfigNode node = ConfigPaths.find(root, path);
        if (node == null) {
            problems.warning(
                    where, "nothing to delete: " + DisplayedPath.of(ConfigPaths.words(path)) + " is not configured");
            return;
        }
        ConfigNode parent = node.parent();
        parent.remove(node.word());
        if (parent.isLeafWord() && parent.parent() != null) parent.parent().remove(parent.word());
    }

    /**
     * {@code edit} names a node without creating it: comments above it belong to that node, now if it exists,
     * or as soon as a later command creates it.
     */
    private void edit(SourceLocation where, List<PathWord> arguments, int line) {
        List<PathWord> path = ConfigPaths.concat(editLevel.words(), arguments);
        if (!withinDepth(where, path)) return;
        editLevel.enter(arguments);
        forgetEditedNode();
        ConfigNode existing = ConfigPaths.find(root, path);
        if (existing != null) {
            comments.statement(existing, line);
        } else {
            commentsForEditedNode = comments.takeWaiting();
            editedNodePath = path;
        }
    }

    private void forgetEditedNode() {
        comments.toFileLevel(commentsForEditedNode);
        commentsForEditedNode = List.of();
    }

    /** {@code copy rule 10 to rule 20} and {@code rename rule 10 to rule 5}, relative to the edit level. */
    private void copy(String command, SourceLocation where, List<PathWord> arguments, int line) {
        int to = ConfigPaths.words(arguments).indexOf("to");
        if (to < 1 || to == arguments.size() - 1) {
            problems.error(
                    where, "expected '" + command + " <path> to <path>', e.g. " + command + " rule 10 to rule 20");
            return;
        }
        List<PathWord> from = ConfigPaths.concat(editLevel.words(), arguments.subList(0, to));
        List<PathWord> into = ConfigPaths.concat(editLevel.words(), arguments.subList(to + 1, arguments.size()));
        comments.separated();
        ConfigNode source = ConfigPaths.find(root, from);
        if (source == null) {
            problems.warning(
                    where,
                    "nothing to " + command + ": " + DisplayedPath.of(ConfigPaths.words(from)) + " is not configured");
            return;
        }
        if (!withinDepth(where, into)) return;
        if (ConfigPaths.find(root, into) != null) {
            problems.warning(
                    where,
                    DisplayedPath.of(ConfigPaths.words(into)) + " already exists; the " + command + " was not applied");
            return;
        }
        PathWord newWord = into.get(into.size() - 1);
        ConfigNode copied = new ConfigNode(newWord.word(), newWord.location());
        for (String text : source.comments()) copied.addComment(text);
        for (ConfigNode child : source.children()) copied.put(child.copyAs(child.word()));
        if (command.equals("rename")) source.parent().remove(source.word());
        ConfigPaths.grow(root, into.subList(0, into.size() - 1)).put(copied);
        comments.statement(copied, line);
    }

    /** {@code comment firewall name Foo rule 10 "Allow SSH"}: the last word is the text. */
    private void comment(SourceLocation where, List<PathWord> arguments, int line) {
        if (arguments.size() < 2) {
            problems.error(
                    where, "expected 'comment <path> \"text\"', e.g. comment nat source rule 10 \"office uplink\"");
            return;
        }
        List<PathWord> path = ConfigPaths.concat(editLevel.words(), arguments.subList(0, arguments.size() - 1));
        ConfigNode node = ConfigPaths.find(root, path);
        if (node == null) {
            problems.warning(
                    where, "cannot comment " + DisplayedPath.of(ConfigPaths.words(path)) + ": it is not configured");
            comments.separated();
            return;
        }
        String text = arguments.get(arguments.size() - 1).word();
        if (!text.isEmpty()) node.addComment(text);
        comments.statement(node, line);
    }

    private void otherCommand(String command, SourceLocation where) {
        if (SESSION_COMMANDS.contains(command)) return;
        if (UNFOLLOWED_COMMANDS.contains(command)) {
            problems.note(
                    where,
                    "'" + command + "' is not followed: the tree holds what the commands in this file set,"
                            + " not what '" + command + "' would change");
            return;
        }
        if (transcript) return;
        String known = "a command script holds set, delete, edit, up, top, exit, copy, rename and comment lines";
        String meant = likelyMeant(command);
        problems.error(
                where,
                meant == null
                        ? "unknown command at the start of this line; " + known
                        : "unknown command '" + command + "' (did you mean '" + meant + "'?); " + known);
    }

    /**
     * The configuration command a mistyped word was probably meant to be, or null. Only a near miss is
     * named in the message: any other word at the start of a line may be part of a key that was wrapped.
     */
    private static String likelyMeant(String typed) {
        for (String command : CONFIGURATION_COMMANDS) {
            if (!typed.equals(command) && editDistance(typed, command) <= 2 && typed.length() > 2) return command;
        }
        return null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private boolean withinDepth(SourceLocation where, List<PathWord> path) {
        if (path.size() <= ConfigReader.MAX_DEPTH) return true;
        problems.error(
                where,
                "this path is " + path.size() + " words long; vpnlint reads paths up to " + ConfigReader.MAX_DEPTH
                        + " levels deep, so the command was skipped");
        return false;
    }

    private static WordReading.Shape shapeOf(VyosCommandsParser.WordContext word) {
        return switch (word.getStart().getType()) {
            case VyosCommandsParser.QUOTED -> WordReading.Shape.DOUBLE_QUOTED;
            case VyosCommandsParser.SINGLE_QUOTED -> WordReading.Shape.SINGLE_QUOTED;
            case VyosCommandsParser.TYPOGRAPHIC_QUOTED -> WordReading.Shape.TYPOGRAPHIC_QUOTED;
            case VyosCommandsParser.UNTERMINATED_QUOTE -> WordReading.Shape.UNTERMINATED_QUOTE;
            default -> WordReading.Shape.BARE;
        };
    }
}
