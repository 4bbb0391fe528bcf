package org.vpnlint.oracle.ike;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.vpnlint.oracle.CommandResult;
import org.vpnlint.oracle.CommandRunner;

/**
 * One charon inside one network namespace, with its own strongswan.conf, log file and vici socket under a
 * scratch directory. {@code ip netns exec} and {@code sh -c 'mount ...; exec charon'} both exec, so the process
 * we start is charon itself and is stopped by that pid (TERM, then KILL). A private tmpfs on /run keeps charon's
 * compiled-in pid file apart from the host's and from the other charon; {@code ip netns exec} already runs in
 * its own mount namespace, so the mount does not leak. A shutdown hook kills any charon still running.
 */
final class CharonDaemon implements AutoCloseable {

    static final String CHARON = "/usr/lib/ipsec/charon";
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "vpnlint-charon-cleanup"));
    }

    private final String name;
    private final Path directory;
    private final Process process;
    private final CommandRunner commands = new CommandRunner();

    private CharonDaemon(String name, Path directory, Process process) {
        this.name = name;
        this.directory = directory;
        this.process = process;
    }

    /** Starts charon in {@code namespace} and waits until its vici socket accepts swanctl. */
    static CharonDaemon start(String name, String namespace, Path scratch) {
        Path directory = scratch.resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("strongswan.conf"), strongswanConf(directory));
            ProcessBuilder builder = new ProcessBuilder(
                            "ip", "netns", "exec", namespace, "sh", "-c", "mount -t tmpfs vlrun /run && exec " + CHARON)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("charon.stdout").toFile());
            builder.environment()
                    .put("STRONGSWAN_CONF", directory.resolve("strongswan.conf").toString());
            Process process = builder.start();
            RUNNING.add(process);
            CharonDaemon daemon = new CharonDaemon(name, directory, process);
            daemon.awaitVici();
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start charon " + name, e);
        }
    }

    private static String strongswanConf(Path directory) {
        return """
                charon {
                  load_modular = no
                  load = random nonce aes sha1 sha2 hmac kdf gmp openssl pem pkcs1 x509 pubkey kernel-netlink socket-default vici
                  install_routes = no
                  retransmit_tries = 2
                  retransmit_timeout = 0.5
                  retransmit_base = 1.4
                  filelog {
                    ike { path = %1$s/charon.log
                      default = 1
                      ike = 2
                      cfg = 2
                      time_format = %%T
                      flush_line = yes
                    }
                  }
                  plugins { vici { socket = unix://%1$s/charon.vici } }
                }
                swanctl { load = pem pkcs1 x509 pubkey openssl random }
                """.formatted(directory);
    }

    private String uri() {
        return "unix://" + directory.resolve("charon.vici");
    }

    private void awaitVici() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("charon " + name + " exited: " + stdout());
            if (Files.exists(directory.resolve("charon.vici"))
                    && commands.run("swanctl", "--stats", "--uri", uri()).succeeded()) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("charon " + name + " did not open its vici socket");
    }

    /** Loads connections and secrets from a swanctl.conf text. */
    void load(String swanctlConf) {
        Path file = directory.resolve("swanctl.conf");
        try {
            Files.writeString(file, swanctlConf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandResult result =
                commands.run("swanctl", "--load-all", "--noprompt", "--file", file.toString(), "--uri", uri());
        if (!result.succeeded() || result.stdout().contains("failed")) {
            throw new IllegalStateException(
                    "swanctl --load-all failed for " + name + ": " + result.stdout() + result.stderr());
        }
    }

    /** Initiates {@code child} of {@code connection} (or the IKE_SA alone when child is null) and waits. */
    CommandResult initiate(String connection, String child, int timeoutSeconds) {
        List<String> command = new java.util.ArrayList<>(List.of("swanctl", "--initiate"));
        if (child != null) command.addAll(List.of("--child", child));
        else command.addAll(List.of("--ike", connection));
        command.addAll(List.of("--timeout", Integer.toString(timeoutSeconds), "--uri", uri()));
        return new CommandRunner(java.time.Duration.ofSeconds(timeoutSeconds + 3L)).run(command, null);
    }

    String log() {
        return read("charon.log");
    }

    String stdout() {
        return read("charon.stdout");
    }

    private String read(String file) {
        try {
            Path path = directory.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
