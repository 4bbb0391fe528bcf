package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CLI edit level ({@code [edit firewall name Foo]}): the path that relative commands start from.
 * {@code up} leaves one level of the VyOS schema, and a tag node with its value is one level
 * ({@code up} from {@code firewall name Foo rule 10} goes to {@code firewall name Foo}). Without the schema,
 * the word before the last one decides: when it is a known tag node name, both words are left.
 * In transcripts the {@code [edit ...]} echo lines then state the level exactly.
 */
final class EditLevel {
    private static final Set<String> TAG_NODE_NAMES = Set.of(
            "rule",
            "name",
            "ipv6-name",
            "modify",
            "ipv6-modify",
            "peer",
            "tunnel",
            "esp-group",
            "ike-group",
            "proposal",
            "profile",
            "ethernet",
            "bonding",
            "bridge",
            "dummy",
            "loopback",
            "vti",
            "wireguard",
            "openvpn",
            "l2tpv3",
            "pppoe",
            "vif",
            "vif-s",
            "vif-c",
            "switch",
            "address-group",
            "network-group",
            "port-group",
            "interface-group",
            "ipv6-address-group",
            "ipv6-network-group",
            "route",
            "route6",
            "interface-route",
            "interface-route6",
            "next-hop",
            "interface",
            "user",
            "host-name",
            "shared-network-name",
            "subnet",
            "prefix-list",
            "access-list",
            "route-map",
            "neighbor",
            "table",
            "zone",
            "from");

    private final List<PathWord> words = new ArrayList<>();

    List<PathWord> words() {
        return List.copyOf(words);
    }

    int depth() {
        return words.size();
    }

    void enter(List<PathWord> relativePath) {
        words.addAll(relativePath);
    }

    void top() {
        words.clear();
    }

    void up() {
        if (words.isEmpty()) return;
        words.remove(words.size() - 1);
        if (!words.isEmpty()
                && TAG_NODE_NAMES.contains(words.get(words.size() - 1).word())) {
            words.remove(words.size() - 1);
        }
    }

    /** An {@code [edit ...]} echo states the level; words that did not change keep their original places. */
    void restate(List<PathWord> echoed) {
        int same = 0;
        while (same < words.size()
                && same < echoed.size()
                && words.get(same).word().equals(echoed.get(same).word())) {
            same++;
        }
        words.subList(same, words.size()).clear();
        words.addAll(echoed.subList(same, echoed.size()));
    }

    /** The words inside an echo line such as {@code [edit firewall name Foo]}, placed where they were written. */
    static List<PathWord> fromEcho(String echo, ReadProblems problems, int line, int column) {
        List<PathWord> echoed = new ArrayList<>();
        String inside = echo.substring("[edit".length(), echo.length() - 1);
        int offset = "[edit".length();
        for (String word : inside.split(" ")) {
            offset++;
            if (!word.isEmpty()) echoed.add(new PathWord(word, problems.at(line, column + offset - 1)));
            offset += word.length();
        }
        return echoed;
    }
}
