package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.oracle.KernelOracle;
import org.vpnlint.oracle.Observation;
import org.vpnlint.oracle.Origin;

/** Replays cases through the model's concrete datapath and the kernel oracle, and compares them. */
final class DifferentialRun {

    /** A case with its kernel rendering and its model trace, ready to be observed. */
    record PreparedCase(DifferentialCase differentialCase, RenderedScenario rendered, PacketTrace trace) {}

    private final KernelOracle oracle;

    DifferentialRun(KernelOracle oracle) {
        this.oracle = oracle;
    }

    /** Renders and replays the case through the model; {@link UnsupportedCase} if the kernel cannot replay it. */
    static PreparedCase prepare(DifferentialCase differentialCase, ScenarioRenderer renderer) {
        RenderedScenario rendered = renderer.render(differentialCase);
        PacketTrace trace =
                Datapath.replay(differentialCase.router(), differentialCase.packet(), differentialCase.saStates());
        VerdictCorrespondence.expected(trace); // refuses model outcomes the kernel replay cannot show
        refuseBundleElsewhere(trace);
        return new PreparedCase(differentialCase, rendered, trace);
    }

    /**
     * The SA-up stand-in (docs/semantics/oracle-method.md#sa-up-stand-in) installs no SA, so the kernel builds no
     * bundle and FORWARD, OUTPUT and POSTROUTING see the inner route's interface. Where the model says a real
     * bundle's device (the tunnel's interface) differs from that route's, the two cannot be compared.
     */
    static void refuseBundleElsewhere(PacketTrace trace) {
        trace.steps().stream()
                .filter(TraceStep.PolicyMatch.class::isInstance)
                .map(TraceStep.PolicyMatch.class::cast)
                .filter(match -> match.bundleEgress() != null)
                .findFirst()
                .ifPresent(match -> {
                    throw new UnsupportedCase("an SA-up packet whose bundle leaves by " + match.bundleEgress()
                            + " while its route chose " + match.routeEgress()
                            + " (the stand-in policy builds no bundle)");
                });
    }

    CaseResult run(DifferentialCase differentialCase, ScenarioRenderer renderer) {
        return run(prepare(differentialCase, renderer));
    }

    CaseResult run(PreparedCase prepared) {
        Observation seen;
        try {
            seen = oracle.observe(prepared.rendered().scenario());
        } catch (RuntimeException kernelRefused) {
            // e.g. a policy or route the kernel rejects: a renderer bug, reported like a disagreement
            return new CaseResult(
                    prepared.differentialCase(),
                    prepared.rendered(),
                    prepared.trace(),
                    null,
                    List.of("the kernel replay failed: " + kernelRefused.getMessage()));
        }
        return new CaseResult(
                prepared.differentialCase(),
                prepared.rendered(),
                prepared.trace(),
                seen,
                VerdictCorrespondence.differences(prepared.trace(), seen, prepared.rendered()));
    }

    /**
     * Whether the kernel oracle can see where this packet goes: it reads arrivals only on the side opposite the
     * sender, so a packet routed back out of the interface it came in on (a lan packet DNATed to a lan host, a wan
     * packet to an address routed back to the wan) would look lost. Decided from the post-DNAT destination.
     */
    static boolean observable(PreparedCase prepared) {
        Origin origin = prepared.rendered().scenario().probe().origin();
        if (origin == Origin.ROUTER) return true;
        Optional<IPAddress> routedDestination = prepared.trace().steps().stream()
                .filter(TraceStep.Route.class::isInstance)
                .map(step -> ((TraceStep.Route) step).header().dst())
                .findFirst();
        if (routedDestination.isEmpty()) return true;
        IPAddress destination = routedDestination.get();
        boolean routerOwned = prepared.differentialCase()
                .router()
                .interfaceWithAddress(destination)
                .isPresent();
        boolean onLan = LayoutRenderer.onSubnet(
                InterfaceMapping.firstIpv4(prepared.rendered().interfaces().lan())
                        .orElseThrow(),
                destination);
        Origin towards = routerOwned ? Origin.ROUTER : onLan ? Origin.LAN : Origin.WAN;
        return towards != origin;
    }
}
