package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.parser.ConfigReader;

/** Reads a configuration text with the real reader and maps it: what the command line does with a file. */
final class Mapping {

    private Mapping() {}

    static MappedRouter map(String fileName, String text) {
        return RouterMapper.map(ConfigReader.read(fileName, text), null);
    }

    static MappedRouter map(String fileName, String text, Dialect override) {
        return RouterMapper.map(ConfigReader.read(fileName, text), override);
    }

    static List<Diagnostic> withCode(MappedRouter mapped, String code) {
        return mapped.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    static List<String> messages(MappedRouter mapped, String code) {
        return withCode(mapped, code).stream().map(Diagnostic::message).toList();
    }

    static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress();
    }

    static IPAddressSeqRange range(String low, String high) {
        return ip(low).spanWithRange(ip(high));
    }

    static IPAddressSeqRange prefixRange(String prefix) {
        return ip(prefix).toPrefixBlock().toSequentialRange();
    }
}
