package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.vpnlint.model.SourceLocation;

/**
 * Reads the curly format (config.boot, {@code show} output, pasted fragments) into a word tree.
 *
 * <p>One element of the grammar (statement, brace, comment, line end, prompt) is read from the lexer's tokens at
 * a time; this class keeps the open blocks on its own stack. Each statement's words form a path below the innermost open block,
 * so {@code rule 10 {} opens nat → source → rule → 10. A line that lost its line breaks
 * ({@code inbound-interface any translation {}) is split into "name value" statements, since VyOS never
 * writes more than two words in one statement, and a warning says how it was read.
 *
 * <p>A prompt line ({@code vyos@vyos# show nat source}) starts a fragment rooted at the path it shows,
 * relative to the edit level of the transcript; the output of other commands is skipped.
 */
final class CurlyConfigReader {
    private final ReadProblems problems;
    private final WordReading wordReading;
    private final ConfigNode root;
    private final CommentPlacement comments;
    private final VersionFooter footer = new VersionFooter();
    private final EditLevel editLevel = new EditLevel();
    private final List<Elision> elisions = new ArrayList<>();

    /** Where the current fragment is rooted (empty for a whole file); its node is created when first needed. */
    private List<PathWord> fragmentPath = List.of();

    private ConfigNode fragmentNode;
    private OpenBlock innermost;
    /** How many blocks deep we are inside blocks that are not read (too deep, or opened without a name). */
    private int skippedBlocks;
    /** A statement without '{' whose block may still open on the next line (braces in Allman style). */
    private OpenBlock awaitingBrace;
    /** After a prompt command whose output is not configuration (commit, compare, ...). */
    private boolean ignoringOutput;

    private boolean lineHasContent;

    /** A block whose '}' has not been read yet. */
    private record OpenBlock(OpenBlock enclosing, ConfigNode node, int depth, SourceLocation openedAt) {}

    CurlyConfigReader(ReadProblems problems) {
        this.problems = problems;
        this.wordReading = new WordReading(problems);
        this.root = new ConfigNode("", problems.at(1, 1));
        this.comments = new CommentPlacement(root);
    }

    ConfigTree read(String text) {
        VyosCurlyLexer lexer = new VyosCurlyLexer(CharStreams.fromString(text, problems.file()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorReporting(problems));
        Tokens tokens = new Tokens(lexer);
        while (tokens.peek().getType() != Token.EOF) element(tokens);
        Token end = tokens.peek();
        finish(problems.at(end.getLine(), end.getCharPositionInLine() + 1));
        List<Elision> placedElisions = FragmentRoot.moved(elisions, FragmentRoot.place(root, problems));
        return new ConfigTree(
                problems.file(),
                root,
                footer.componentVersions(),
                footer.releaseVersion(),
                ConfigTree.SourceFormat.CURLY,
                problems.toList(),
                placedElisions);
    }

    /**
     * The lexer's tokens with one of look-ahead. The grammar's {@code element} is read straight from them instead
     * of by the generated parser: every token starts an element, so parsing can never fail, and the parse tree the
     * parser built for each element was a fifth of reading a 43,000-line router.
     */
    private static final class Tokens {
        private final VyosCurlyLexer lexer;
        private Token next;

        Tokens(VyosCurlyLexer lexer) {
            this.lexer = lexer;
            this.next = lexer.nextToken();
        }

        Token peek() {
            return next;
        }

        Token take() {
            Token taken = next;
            if (taken.getType() != Token.EOF) next = lexer.nextToken();
            return taken;
        }

        /** {@code word*}: the words that follow. */
        List<Token> words() {
            List<Token> words = new ArrayList<>();
            while (isWord(next.getType())) words.add(take());
            return words;
        }

        /** {@code LBRACE?}: the opening brace that follows, or null. */
        Token brace() {
            return next.getType() == VyosCurlyLexer.LBRACE ? take() : null;
        }
    }

    /** {@code word : WORD | QUOTED | SINGLE_QUOTED | TYPOGRAPHIC_QUOTED | UNTERMINATED_QUOTE}. */
    private static boolean isWord(int type) {
        return type == VyosCurlyLexer.WORD
                || type == VyosCurlyLexer.QUOTED
                || type == VyosCurlyLexer.SINGLE_QUOTED
                || type == VyosCurlyLexer.TYPOGRAPHIC_QUOTED
                || type == VyosCurlyLexer.UNTERMINATED_QUOTE;
    }

    /** One {@code element}: a statement, a prompt, or one brace, comment, line end or edit echo. */
    private void element(Tokens tokens) {
        Token first = tokens.peek();
        int type = first.getType();
        if (type != VyosCurlyLexer.NEWLINE) lineHasContent = true;
        // Only line ends and comments may stand between a statement and the '{' of its block.
        if (type != VyosCurlyLexer.NEWLINE && type != VyosCurlyLexer.COMMENT && type != VyosCurlyLexer.LBRACE) {
            awaitingBrace = null;
        }
        if (isWord(type)) {
            // statement : word+ LBRACE?
            List<Token> words = tokens.words();
            statement(words, tokens.brace());
        } else if (type == VyosCurlyLexer.PROMPT) {
            // prompt : PROMPT word* LBRACE?
            tokens.take();
            List<Token> words = tokens.words();
            prompt(first, words, tokens.brace());
        } else {
            tokens.take();
            switch (type) {
                case VyosCurlyLexer.NEWLINE -> lineEnd();
                case VyosCurlyLexer.COMMENT -> comment(first);
                case VyosCurlyLexer.RBRACE -> closeBrace(first);
                case VyosCurlyLexer.LBRACE -> strayOpenBrace(first);
                case VyosCurlyLexer.EDIT_ECHO ->
                    editLevel.restate(EditLevel.fromEcho(
                            first.getText(), problems, first.getLine(), first.getCharPositionInLine() + 1));
                case VyosCurlyLexer.UNTERMINATED_COMMENT ->
                    problems.error(
                            locationOf(first),
                            "the comment opened with '/*' here is never closed with '*/'; the rest of the file was not read");
                default -> problems.error(locationOf(first), "this part of the line could not be read");
            }
        }
    }

    private void lineEnd() {
        if (!lineHasContent) comments.separated();
        lineHasContent = false;
    }

    /** A statement's word tokens and its opening brace (null when it opens no block). */
    private void statement(List<Token> wordTokens, Token brace) {
        boolean opensBlock = brace != null;
        if (skippedBlocks > 0 || ignoringOutput) {
            if (opensBlock && skippedBlocks > 0) skippedBlocks++;
            return;
        }
        List<PathWord> words = readWords(wordTokens);
        if (!opensBlock && isElisionMark(words)) {
            elisions.add(new Elision(words.get(0).location(), currentNode().path()));
            problems.note(
                    words.get(0).location(),
                    "part of the configuration was left out here ([SNIP]);"
                            + " what it held is unknown, so findings about it may be missing");
            return;
        }
        if (isEmptyShowOutput(words)) return;
        List<List<PathWord>> parts = splitIntoStatements(words);
        int lastLine = (opensBlock ? brace : wordTokens.get(wordTokens.size() - 1)).getLine();
        for (int i = 0; i < parts.size(); i++) {
            boolean opensHere = opensBlock && i == parts.size() - 1;
            OpenBlock added = add(parts.get(i), opensHere);
            if (added == null) return;
            comments.statement(added.node(), lastLine);
            if (opensHere) innermost = added;
            else awaitingBrace = added;
        }
    }

    /** Adds a statement's words below the innermost block; null when that would nest too deep (reported). */
    private OpenBlock add(List<PathWord> words, boolean opensBlock) {
        int depth = currentDepth() + words.size();
        if (depth > ConfigReader.MAX_DEPTH) {
            problems.error(
                    words.get(0).location(),
                    "the configuration is nested deeper than " + ConfigReader.MAX_DEPTH
                            + " levels here; this statement"
                            + (opensBlock ? " and everything inside its block is" : " is")
                            + " skipped");
            if (opensBlock) skippedBlocks = 1;
            return null;
        }
        ConfigNode node = ConfigPaths.grow(currentNode(), words);
        return new OpenBlock(innermost, node, depth, words.get(0).location());
    }

    /** VyOS writes one statement as "name", "name value" or "name value {": longer runs lost their line breaks. */
    private List<List<PathWord>> splitIntoStatements(List<PathWord> words) {
        if (words.size() <= 2) return List.of(words);
        List<List<PathWord>> parts = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) parts.add(words.subList(i, Math.min(i + 2, words.size())));
        List<List<String>> shown = new ArrayList<>();
        for (List<PathWord> part : parts) shown.add(ConfigPaths.words(part));
        problems.warning(
                words.get(0).location(),
                "several statements are written on one line without line breaks;" + " they were read as "
                        + DisplayedPath.ofStatements(shown));
        return parts;
    }

    private static boolean isElisionMark(List<PathWord> words) {
        return words.size() == 1 && words.get(0).word().equalsIgnoreCase("[snip]");
    }

    /** VyOS prints this sentence instead of a fragment when the shown path has nothing below it. */
    private static boolean isEmptyShowOutput(List<PathWord> words) {
        return words.size() > 3
                && words.get(0).word().equals("Configuration")
                && words.get(1).word().equals("under")
                && words.get(2).word().equals("specified");
    }

    private void closeBrace(Token brace) {
        if (ignoringOutput) return;
        if (skippedBlocks > 0) {
            skippedBlocks--;
            return;
        }
        if (innermost == null) {
            problems.error(locationOf(brace), "unexpected '}': no block is open here");
            return;
        }
        innermost.node().endsAt(brace.getLine(), brace.getCharPositionInLine() + 2);
        comments.blockClosed(innermost.node(), brace.getLine());
        innermost = innermost.enclosing();
    }

    private void strayOpenBrace(Token brace) {
        if (ignoringOutput) return;
        if (skippedBlocks > 0) {
            skippedBlocks++;
        } else if (awaitingBrace != null) {
            innermost = awaitingBrace;
        } else {
            problems.error(
                    locationOf(brace), "'{' without a node name before it; everything inside this block is skipped");
            skippedBlocks = 1;
        }
        awaitingBrace = null;
    }

    private void comment(Token token) {
        String text = token.getText();
        String inside = text.startsWith("//") ? text.substring(2) : text.substring(2, text.length() - 2);
        inside = inside.strip();
        if (footer.accept(inside) || skippedBlocks > 0 || ignoringOutput) return;
        comments.comment(inside, token.getLine());
    }

    private void prompt(Token prompt, List<Token> wordTokens, Token brace) {
        SourceLocation where = locationOf(prompt);
        closeFragment(where, "before the next prompt line");
        List<PathWord> words = readWords(wordTokens);
        if (!words.isEmpty() && words.get(0).word().equals("run")) words.remove(0);
        String command = words.isEmpty() ? "" : words.get(0).word();
        List<PathWord> arguments = words.isEmpty() ? List.of() : words.subList(1, words.size());
        ignoringOutput = true;
        switch (command) {
            case "show" -> show(arguments, brace != null);
            case "edit" -> editLevel.enter(arguments);
            case "up" -> editLevel.up();
            case "top", "exit" -> editLevel.top();
            default -> {}
        }
    }

    /** {@code show nat source}: the output that follows is the configuration below nat → source. */
    private void show(List<PathWord> arguments, boolean braceOnSameLine) {
        List<PathWord> path = new ArrayList<>(arguments);
        int pipe = ConfigPaths.words(path).indexOf("|");
        if (pipe >= 0) path.subList(pipe, path.size()).clear();
        if (!path.isEmpty() && path.get(0).word().equals("configuration")) {
            path.remove(0);
            if (!path.isEmpty() && path.get(0).word().equals("commands")) return;
        }
        ignoringOutput = false;
        if (braceOnSameLine) {
            // A paste that lost its line breaks: "show nat destination rule 10 { ..." opens the block directly.
            startFragment(editLevel.words());
            if (path.isEmpty()) return;
            OpenBlock opened = add(path, true);
            if (opened != null) innermost = opened;
        } else {
            startFragment(ConfigPaths.concat(editLevel.words(), path));
        }
    }

    private void startFragment(List<PathWord> path) {
        if (path.size() > ConfigReader.MAX_DEPTH) {
            problems.error(
                    path.get(0).location(),
                    "the shown path is deeper than " + ConfigReader.MAX_DEPTH
                            + " levels; the output below it is skipped");
            ignoringOutput = true;
            return;
        }
        fragmentPath = List.copyOf(path);
        fragmentNode = null;
    }

    private ConfigNode currentNode() {
        if (innermost != null) return innermost.node();
        if (fragmentNode == null) fragmentNode = ConfigPaths.grow(root, fragmentPath);
        return fragmentNode;
    }

    private int currentDepth() {
        return innermost != null ? innermost.depth() : fragmentPath.size();
    }

    private void finish(SourceLocation end) {
        closeFragment(end, "(the file ends here)");
        comments.separated();
        if (root.isLeafWord() && !problems.hasErrors())
            problems.note(end, "the file holds no configuration statements");
    }

    /** Reports the innermost block still open when a fragment ends, and forgets the open blocks. */
    private void closeFragment(SourceLocation where, String context) {
        if (innermost != null) {
            int enclosing = 0;
            for (OpenBlock block = innermost.enclosing(); block != null; block = block.enclosing()) enclosing++;
            SourceLocation opened = innermost.openedAt();
            problems.error(
                    where,
                    "expected '}' to close " + DisplayedPath.of(innermost.node().path()) + " opened at "
                            + opened.line() + ":" + opened.column() + " " + context
                            + (enclosing == 0
                                    ? ""
                                    : "; " + enclosing + " enclosing block" + (enclosing == 1 ? " is" : "s are")
                                            + " not closed either"));
        }
        innermost = null;
        skippedBlocks = 0;
        awaitingBrace = null;
        comments.separated();
    }

    private SourceLocation locationOf(Token token) {
        return problems.at(token.getLine(), token.getCharPositionInLine() + 1);
    }

    private List<PathWord> readWords(List<Token> wordTokens) {
        List<PathWord> words = new ArrayList<>(wordTokens.size());
        for (Token word : wordTokens) words.add(wordReading.read(word, shapeOf(word)));
        return words;
    }

    private static WordReading.Shape shapeOf(Token word) {
        return switch (word.getType()) {
            case VyosCurlyLexer.QUOTED -> WordReading.Shape.DOUBLE_QUOTED;
            case VyosCurlyLexer.SINGLE_QUOTED -> WordReading.Shape.SINGLE_QUOTED;
            case VyosCurlyLexer.TYPOGRAPHIC_QUOTED -> WordReading.Shape.TYPOGRAPHIC_QUOTED;
            case VyosCurlyLexer.UNTERMINATED_QUOTE -> WordReading.Shape.UNTERMINATED_QUOTE;
            default -> WordReading.Shape.BARE;
        };
    }
}
