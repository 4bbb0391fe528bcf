package org.vpnlint.model;

import inet.ipaddr.IPAddressSeqRange;

/**
 * What a matching NAT rule does. EXCLUDE stops NAT processing for the packet ({@code exclude}, nft {@code return});
 * MASQUERADE takes the outbound interface's address; ADDRESS translates to {@code addresses} (one address or a
 * range; the model takes the lowest address of a range, where Linux takes a hashed one) or, when
 * {@code prefixMapLength} is set, maps the host bits 1:1 into that prefix (nft {@code snat ip prefix to}).
 * {@code port} is the translated port (range), or null to keep the port. A port-only translation (1.4) is
 * ADDRESS with {@code addresses} null: the address is kept.
 */
public record NatTranslation(Kind kind, IPAddressSeqRange addresses, Integer prefixMapLength, PortRange port) {

    public enum Kind {
        EXCLUDE,
        MASQUERADE,
        ADDRESS
    }

    public static final NatTranslation EXCLUDE = new NatTranslation(Kind.EXCLUDE, null, null, null);
    public static final NatTranslation MASQUERADE = new NatTranslation(Kind.MASQUERADE, null, null, null);
}
