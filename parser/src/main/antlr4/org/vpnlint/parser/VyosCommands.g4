/*
 * VyOS/EdgeOS command scripts: `set`/`delete` lines, `edit`/`up`/`top` navigation, `copy`/`rename`/`comment`,
 * and pasted CLI transcripts with `user@host# ` prompts and `[edit ...]` echo lines.
 *
 * One `line` is one command; what the command means is decided by the reader from its first word, so the
 * grammar stays generic. A `#` starts a comment only where a word would start: the `#` inside a pre-shared
 * key such as `JmEjBXdk9kUA96!r#Hkb` is part of the word.
 */
grammar VyosCommands;

@lexer::members {
    /** Prompts and `[edit]` echoes are recognised only at the start of a line. */
    private boolean atLineStart = true;

    @Override
    public Token emit() {
        Token token = super.emit();
        atLineStart = token.getType() == NEWLINE;
        return token;
    }
}

/** One line of the script; the reader pulls lines one at a time until the end of the file. */
line : (PROMPT | EDIT_ECHO)? word* COMMENT? (NEWLINE | EOF) ;

word : WORD | QUOTED | SINGLE_QUOTED | TYPOGRAPHIC_QUOTED | UNTERMINATED_QUOTE ;

PROMPT : PROMPT_NAME '@' PROMPT_NAME (':' ~[ \t\r\n]*?)? [#$] [ \t]* {atLineStart}? ;

EDIT_ECHO : '[edit' (' ' ~[\]\r\n]*)? ']' {atLineStart}? ;

COMMENT : '#' ~[\r\n]* ;

QUOTED : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;
UNTERMINATED_QUOTE : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* | '\'' ~['\r\n]* ;
SINGLE_QUOTED : '\'' ~['\r\n]* '\'' ;

/** Word-processor quotes pasted from a document: read as quotes, and reported. */
TYPOGRAPHIC_QUOTED : '\u201C' ~[\u201D\r\n]* '\u201D' | '\u2018' ~[\u2019\r\n]* '\u2019' ;

WORD : ~[ \t\f\r\n#"'\u00A0] ~[ \t\f\r\n\u00A0]* ;

NEWLINE : '\r'? '\n' | '\r' ;
WS : [ \t\f\u00A0]+ -> skip ;

fragment PROMPT_NAME : [A-Za-z0-9._-]+ ;
