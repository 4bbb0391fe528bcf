package org.vpnlint.oracle.differential;

import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.model.Router;
import org.vpnlint.oracle.KernelOracle;

/**
 * One packet through the kernel configured as the old and as the new version of a router, each compared with the
 * model's trace on that version ({@link VerdictCorrespondence}). The kernel of each version gets its own oracle, so
 * that the second replay of a packet does not meet the conntrack entry of the first.
 */
final class ChangeReplay {

    /** The packet on both versions; each side holds the model trace and the kernel observation. */
    record BothVersions(CaseResult before, CaseResult after) {

        boolean agrees() {
            return before.agrees() && after.agrees();
        }

        String report() {
            return (before.agrees() ? "" : "old version:\n" + before.report())
                    + (after.agrees() ? "" : "new version:\n" + after.report());
        }
    }

    private final DifferentialRun oldKernel;
    private final DifferentialRun newKernel;
    private final ScenarioRenderer renderer = new ScenarioRenderer(CaseGenerator.HOSTS);

    ChangeReplay(KernelOracle oldKernel, KernelOracle newKernel) {
        this.oldKernel = new DifferentialRun(oldKernel);
        this.newKernel = new DifferentialRun(newKernel);
    }

    /**
     * Replays the packet of the traces (the same packet and SA states on both versions) in the kernel.
     *
     * @throws UnsupportedCase when the kernel cannot replay it on either version, or could not see where it went
     */
    BothVersions replay(ChangePairs.ChangedRouter pair, PacketTrace before, PacketTrace after, int icmpIdentifier) {
        return replay(
                pair.name(),
                new ConfigText.Version(pair.beforeText(), pair.before().router()),
                new ConfigText.Version(pair.afterText(), pair.after().router()),
                before,
                after,
                icmpIdentifier);
    }

    /** The same for two versions given by their text and router. */
    BothVersions replay(
            String name,
            ConfigText.Version oldVersion,
            ConfigText.Version newVersion,
            PacketTrace before,
            PacketTrace after,
            int icmpIdentifier) {
        DifferentialRun.PreparedCase oldCase =
                prepare(name + " old", oldVersion.text(), oldVersion.router(), before, icmpIdentifier);
        DifferentialRun.PreparedCase newCase =
                prepare(name + " new", newVersion.text(), newVersion.router(), after, icmpIdentifier);
        return new BothVersions(oldKernel.run(oldCase), newKernel.run(newCase));
    }

    private DifferentialRun.PreparedCase prepare(
            String name, String config, Router router, PacketTrace trace, int icmpIdentifier) {
        ConcretePacket packet = trace.packet();
        if (packet.ingress().kind() == Ingress.Kind.INTERFACE
                && router.interfaceWithAddress(packet.src()).isPresent()) {
            // Linux drops a packet arriving with one of its own addresses as the source (a martian, checked when
            // the route is looked up); the model does not: such a witness would test the harness, not the change
            throw new UnsupportedCase("a packet from the router's own address arriving on " + packet.ingress());
        }
        DifferentialCase differentialCase =
                new DifferentialCase(name, config, router, trace.saStates(), packet, icmpIdentifier);
        RenderedScenario rendered = renderer.render(differentialCase);
        VerdictCorrespondence.expected(trace); // refuses model outcomes the kernel replay cannot show
        DifferentialRun.PreparedCase prepared = new DifferentialRun.PreparedCase(differentialCase, rendered, trace);
        if (!DifferentialRun.observable(prepared)) throw new UnsupportedCase("a packet routed back towards its sender");
        return prepared;
    }
}
