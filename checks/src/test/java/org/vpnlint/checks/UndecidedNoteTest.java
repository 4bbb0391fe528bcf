package org.vpnlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UndecidedNoteTest {

    private static List<String> rules(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "rule " + i).toList();
    }

    @Test
    void tenRulesAreAllNamed() {
        assertEquals(String.join(", ", rules(10)), UndecidedNote.someRules(rules(10)));
    }

    @Test
    void theEleventhRuleIsCounted() {
        assertEquals(String.join(", ", rules(10)) + ", … and 1 more rule", UndecidedNote.someRules(rules(11)));
    }

    @Test
    void hundredsOfUnreadConditionsAreCounted() {
        List<String> unread = rules(300).stream()
                .map(r -> "'" + r + " limit' could not be read")
                .toList();
        assertEquals(
                String.join("; ", unread.subList(0, 10)) + "; … and 290 more unread conditions",
                UndecidedNote.someUnread(unread));
    }
}
