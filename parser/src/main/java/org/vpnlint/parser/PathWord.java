package org.vpnlint.parser;

import org.vpnlint.model.SourceLocation;

/** One word of a statement as read (quotes removed), with the place it was written (start and end). */
record PathWord(String word, SourceLocation location) {}
