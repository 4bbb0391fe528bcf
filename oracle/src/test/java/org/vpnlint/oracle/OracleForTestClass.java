package org.vpnlint.oracle;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link KernelOracle} shared by the tests of a class: the class is skipped where the kernel cannot be used
 * ({@link KernelAccess#assumeAvailable}), and the oracle is closed after the last test, so its namespaces are
 * deleted and its processes ended. Register it as {@code @RegisterExtension static final OracleForTestClass ORACLE}.
 */
public final class OracleForTestClass implements BeforeAllCallback, AfterAllCallback {

    private KernelOracle oracle;

    @Override
    public void beforeAll(ExtensionContext context) {
        KernelAccess.assumeAvailable();
        oracle = new KernelOracle();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (oracle != null) oracle.close();
        oracle = null;
    }

    public Observation observe(KernelScenario scenario) {
        return oracle.observe(scenario);
    }
}
