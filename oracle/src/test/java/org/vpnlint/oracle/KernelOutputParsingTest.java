package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The observers read tool output; these samples are verbatim from nft 1.0.6, iproute2 6.1 and Linux 6.18. */
class KernelOutputParsingTest {

    @Test
    void hookCountersAreReadPerObserverChain() {
        String listing = """
                table inet vpnlint_observer {
                	chain prerouting_first {
                		type filter hook prerouting priority raw; policy accept;
                		ip dscp cs1 counter packets 1 bytes 41
                	}
                	chain input_first {
                		type filter hook input priority raw; policy accept;
                		ip dscp cs1 counter packets 0 bytes 0
                	}
                	chain forward_first {
                		type filter hook forward priority raw; policy accept;
                		ip dscp cs1 counter packets 1 bytes 41
                	}
                	chain forward_last {
                		type filter hook forward priority 300; policy accept;
                		ip dscp cs1 counter packets 1 bytes 41
                	}
                	chain output_first {
                		type filter hook output priority raw; policy accept;
                		ip dscp cs1 counter packets 0 bytes 0
                	}
                	chain output_last {
                		type filter hook output priority 300; policy accept;
                		ip dscp cs1 counter packets 0 bytes 0
                	}
                	chain postrouting_last {
                		type filter hook postrouting priority 300; policy accept;
                		ip dscp cs1 counter packets 0 bytes 0
                	}
                }
                """;

        assertEquals(new HookCounters(1, 0, 1, 1, 0, 0, 0), HookCounters.parse(listing));
    }

    @Test
    void arrivalsKeepPortsForUdpAndTcpOnly() {
        String listing = """
                table inet vpnlint_observer {
                	set seen {
                		type ipv4_addr . ipv4_addr . inet_proto
                		size 65535
                		flags dynamic
                		elements = { 192.0.2.1 . 10.10.10.200 . udp,
                			     10.10.0.1 . 10.10.0.2 . gre }
                	}
                	set seen_ports {
                		type ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service
                		size 65535
                		flags dynamic
                		elements = { 192.0.2.1 . 10.10.10.200 . udp . 21005 . 5555 }
                	}
                	chain prerouting_first {
                		type filter hook prerouting priority raw; policy accept;
                	}
                }
                """;

        assertEquals(
                Set.of(
                        PacketHeader.udp("192.0.2.1", 21005, "10.10.10.200", 5555),
                        PacketHeader.gre("10.10.0.1", "10.10.0.2")),
                ArrivalLog.parse(listing).headers());
    }

    @Test
    void emptyArrivalSetsMeanNothingArrived() {
        String listing = """
                table inet vpnlint_observer {
                	set seen {
                		type ipv4_addr . ipv4_addr . inet_proto
                		size 65535
                		flags dynamic
                	}
                	set seen_ports {
                		type ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service
                		size 65535
                		flags dynamic
                	}
                }
                """;

        assertTrue(ArrivalLog.parse(listing).isEmpty());
    }

    @Test
    void larvalStatesGiveTheReqidAndTheFlowOfEachMatchingLookup() {
        String states = """
                src 192.0.2.1 dst 192.0.2.254
                	proto esp spi 0x00000000 reqid 2 mode tunnel
                	replay-window 0\s
                	anti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000
                	sel src 192.0.2.1/32 dst 10.10.10.200/32 proto udp sport 21008 dport 5555 dev r1\s
                src 192.0.2.1 dst 192.0.2.254
                	proto esp spi 0x00000000 reqid 1 mode transport
                	replay-window 0\s
                	anti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000
                	sel src 10.10.0.1/32 dst 10.10.0.2/32 proto gre dev r1\s
                """;

        assertEquals(
                List.of(
                        new LarvalState(2, PacketHeader.udp("192.0.2.1", 21008, "10.10.10.200", 5555), "192.0.2.1"),
                        new LarvalState(1, PacketHeader.gre("10.10.0.1", "10.10.0.2"), "192.0.2.1")),
                LarvalState.parseAll(states));
    }

    @Test
    void xfrmCounterChangesListOnlyCountersThatMoved() {
        XfrmStat before = XfrmStat.parse("XfrmInTmplMismatch      \t3\nXfrmOutNoStates         \t7\n");
        XfrmStat after = XfrmStat.parse("XfrmInTmplMismatch      \t3\nXfrmOutNoStates         \t8\n");

        assertEquals(Map.of("XfrmOutNoStates", 1L), after.changesSince(before));
    }

    @Test
    void acquireSubscriberIsAnXfrmNetlinkSocketInGroupOne() {
        String withoutListener = """
                sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode
                00000000abe6cec9 6   0          00000000 0        0        0     2        0        33792
                """;
        String withListener = withoutListener
                + "00000000f2cbb69c 6   10675      00000001 0        0        0     2        0        33802\n";

        assertFalse(AcquireListener.hasAcquireSubscriber(withoutListener));
        assertTrue(AcquireListener.hasAcquireSubscriber(withListener));
    }

    @Test
    void selectorsMatchLikeTheKernelsSelectorMatch() {
        TrafficSelector greOnly =
                TrafficSelector.between("10.10.0.1/32", "10.10.0.2/32").onlyProtocol(IpProtocol.GRE);

        assertTrue(greOnly.contains(PacketHeader.gre("10.10.0.1", "10.10.0.2")));
        assertFalse(greOnly.contains(PacketHeader.udp("10.10.0.1", 1, "10.10.0.2", 2)));
        assertTrue(TrafficSelector.between("192.168.10.0/24", "0.0.0.0/0")
                .contains(PacketHeader.tcp("192.168.10.45", 1024, "198.51.100.7", 443)));
        assertFalse(TrafficSelector.between("192.168.10.0/24", "10.10.10.0/24")
                .contains(PacketHeader.udp("192.0.2.1", 1024, "10.10.10.200", 5555)));
    }

    @Test
    void senderOutputIsEitherSentOrAnErrnoName() {
        assertEquals(new SendResult(true, null), SendResult.parse("sent\n"));
        assertEquals(new SendResult(false, "ENETUNREACH"), SendResult.parse("error ENETUNREACH\n"));
    }
}
