/*
 * The curly format of VyOS and EdgeOS: config.boot, `show configuration` output and fragments of it,
 * possibly pasted together with the `user@host# show nat source` prompt lines that produced them.
 *
 * The grammar is deliberately flat: one `element` is one statement, brace, comment or line end, and the
 * reader pulls elements one at a time and keeps the nesting on its own stack. So nesting depth costs no
 * recursion (a 20,000-level brace bomb cannot overflow the stack), unbalanced braces are reported with the
 * place the block was opened, and memory stays bounded however long the file is.
 */
grammar VyosCurly;

@lexer::members {
    /** Prompts are recognised only at the start of a line or after a closing brace (pastes that lost their line breaks). */
    private boolean promptAllowed = true;

    @Override
    public Token emit() {
        Token token = super.emit();
        promptAllowed = token.getType() == NEWLINE || token.getType() == RBRACE;
        return token;
    }
}

/**
 * The whole file. The reader (CurlyConfigReader) does not run the generated parser: every token starts an element,
 * so it reads `element` straight from the lexer's tokens, one at a time, without a parse tree. These parser rules
 * document the shape it reads, and must stay in step with it.
 */
configuration : element* EOF ;

element
    : statement
    | prompt
    | RBRACE
    | LBRACE
    | COMMENT
    | UNTERMINATED_COMMENT
    | NEWLINE
    | EDIT_ECHO
    ;

/** `rule 10 {`, `address 192.0.2.1`, `exclude`, `description "Allow SSH"`: words, then perhaps an opening brace. */
statement : word+ LBRACE? ;

/** `vyos@vyos# show nat source`: the words say where the fragment that follows is rooted. */
prompt : PROMPT word* LBRACE? ;

word : WORD | QUOTED | SINGLE_QUOTED | TYPOGRAPHIC_QUOTED | UNTERMINATED_QUOTE ;

PROMPT : PROMPT_NAME '@' PROMPT_NAME (':' ~[ \t\r\n]*?)? [#$] [ \t]* {promptAllowed}? ;

EDIT_ECHO : '[edit' (' ' ~[\]\r\n]*)? ']' {promptAllowed}? ;

LBRACE : '{' ;
RBRACE : '}' ;

COMMENT : '/*' .*? '*/' | '//' ~[\r\n]* ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;

QUOTED : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;
UNTERMINATED_QUOTE : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* ;
SINGLE_QUOTED : '\'' ~['\r\n]* '\'' ;

/** Word-processor quotes pasted from a document: read as quotes, and reported. */
TYPOGRAPHIC_QUOTED : '\u201C' ~[\u201D\r\n]* '\u201D' | '\u2018' ~[\u2019\r\n]* '\u2019' ;

WORD : ~[ \t\f\r\n{}"\u00A0] ~[ \t\f\r\n{}\u00A0]* ;

NEWLINE : '\r'? '\n' | '\r' ;
WS : [ \t\f\u00A0]+ -> skip ;

fragment PROMPT_NAME : [A-Za-z0-9._-]+ ;
