package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The observable → verdict table of {@link Observation}, one row per test, on hand-made evidence. */
class ObservationTest {

    private static final PacketHeader SENT = PacketHeader.udp("192.168.10.100", 21000, "10.10.10.200", 5555);
    private static final PacketHeader MASQUERADED = PacketHeader.udp("192.0.2.1", 21000, "10.10.10.200", 5555);
    private static final HookCounters FORWARDED = new HookCounters(1, 0, 1, 1, 0, 0, 1);
    private static final SendResult SENT_OK = new SendResult(true, null);

    private static KernelScenario tunnel(TemplateMode mode) {
        return SiteToSite.routedScenario("lan to remote")
                .policy(SiteToSite.lanToRemotePolicy(mode))
                .probe(ProbePacket.fromLan(SENT))
                .build();
    }

    private static Evidence evidence(
            SendResult send,
            HookCounters hooks,
            Map<String, Long> xfrm,
            List<LarvalState> larval,
            PacketHeader arrived) {
        ArrivalLog wan = new ArrivalLog(arrived == null ? java.util.Set.of() : java.util.Set.of(arrived));
        return new Evidence(send, hooks, xfrm, larval, Map.of(Origin.WAN, wan));
    }

    @Test
    void aSocketErrorIsUnreachable() {
        Evidence evidence = evidence(
                new SendResult(false, "ENETUNREACH"), new HookCounters(0, 0, 0, 0, 0, 0, 0), Map.of(), List.of(), null);

        assertEquals(
                KernelVerdict.UNREACHABLE,
                Observation.classify(tunnel(TemplateMode.TUNNEL_REQUIRED), evidence)
                        .verdict());
    }

    @Test
    void noStatesIsADropForTheMissingSa() {
        Evidence evidence = evidence(
                SENT_OK,
                new HookCounters(1, 0, 0, 0, 0, 0, 0),
                Map.of("XfrmOutNoStates", 1L),
                List.of(new LarvalState(1, SENT)),
                null);

        Observation observation = Observation.classify(tunnel(TemplateMode.TUNNEL_REQUIRED), evidence);

        assertEquals(KernelVerdict.DROPPED_NO_STATE, observation.verdict());
        assertEquals(
                List.of(SiteToSite.lanToRemotePolicy(TemplateMode.TUNNEL_REQUIRED)), observation.matchedPolicies());
    }

    @Test
    void aSendRefusedWithEremoteAfterTheLookupFoundNoStateIsADropForTheMissingSaNotUnreachable() {
        Evidence evidence = evidence(
                new SendResult(false, "EREMOTE"),
                new HookCounters(0, 0, 0, 0, 1, 1, 0),
                Map.of("XfrmOutNoStates", 1L),
                List.of(new LarvalState(1, MASQUERADED)),
                null);

        assertEquals(
                KernelVerdict.DROPPED_NO_STATE,
                Observation.classify(tunnel(TemplateMode.TUNNEL_REQUIRED), evidence)
                        .verdict());
    }

    @Test
    void anInboundTemplateMismatchIsAPolicyDrop() {
        Evidence evidence = evidence(
                SENT_OK, new HookCounters(1, 0, 0, 0, 0, 0, 0), Map.of("XfrmInTmplMismatch", 1L), List.of(), null);

        assertEquals(
                KernelVerdict.DROPPED_BY_POLICY,
                Observation.classify(tunnel(TemplateMode.TUNNEL_REQUIRED), evidence)
                        .verdict());
    }

    @Test
    void arrivingUntranslatedInsideAnSaUpPolicyIsEncrypted() {
        Evidence evidence = evidence(SENT_OK, FORWARDED, Map.of(), List.of(new LarvalState(1, SENT)), SENT);

        assertEquals(
                KernelVerdict.ENCRYPTED_STANDIN,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }

    @Test
    void arrivingTranslatedOutsideThePolicyIsCleartextEvenThoughThePreSnatLookupMatched() {
        Evidence evidence = evidence(SENT_OK, FORWARDED, Map.of(), List.of(new LarvalState(1, SENT)), MASQUERADED);

        Observation observation = Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence);

        assertEquals(KernelVerdict.CLEARTEXT, observation.verdict());
        assertEquals(MASQUERADED, observation.headerOnArrival());
    }

    @Test
    void aTranslatedHeaderStillInsideThePolicyIsEncryptedThoughOnlyTheFirstFlowWasRecorded() {
        PacketHeader renumbered = PacketHeader.udp("192.168.10.200", 21000, "10.10.10.200", 5555);
        Evidence evidence = evidence(SENT_OK, FORWARDED, Map.of(), List.of(new LarvalState(1, SENT)), renumbered);

        assertEquals(
                KernelVerdict.ENCRYPTED_STANDIN,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }

    @Test
    void aPolicyThatTookNoPartInTheLookupsDoesNotMakeAnArrivalEncrypted() {
        Evidence evidence = evidence(SENT_OK, FORWARDED, Map.of(), List.of(), SENT);

        assertEquals(
                KernelVerdict.CLEARTEXT,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }

    @Test
    void enteringForwardWithoutLeavingItIsFiltered() {
        Evidence evidence = evidence(SENT_OK, new HookCounters(1, 0, 1, 0, 0, 0, 0), Map.of(), List.of(), null);

        assertEquals(
                KernelVerdict.FILTERED,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }

    @Test
    void neverReachingForwardWithoutAnXfrmCounterIsUnreachable() {
        Evidence evidence = evidence(SENT_OK, new HookCounters(1, 0, 0, 0, 0, 0, 0), Map.of(), List.of(), null);

        assertEquals(
                KernelVerdict.UNREACHABLE,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }

    @Test
    void leavingPostroutingWithoutArrivingAnywhereIsLost() {
        Evidence evidence = evidence(SENT_OK, FORWARDED, Map.of(), List.of(), null);

        assertEquals(
                KernelVerdict.LOST,
                Observation.classify(tunnel(TemplateMode.TRANSPORT_USE), evidence)
                        .verdict());
    }
}
