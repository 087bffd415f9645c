package dev.warden.cli;

import dev.warden.Wiring;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the gateway (embedded defaults unless --config is given).")
final class ServeCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        var loader = ConfigLoader.create(env);
        Wiring wiring;
        try {
            var report = config == null ? loader.embeddedDefaultsWithReport() : loader.loadWithReport(config);
            if (config == null) {
                // The embedded defaults list every provider Warden knows; most are off on purpose until their
                // key is set, so one line says which instead of a warning per provider.
                if (!report.skippedDeployments().isEmpty()) {
                    System.err.println("warden: providers off until their key variable is set: "
                            + String.join(", ", report.skippedDeployments()) + " (see docs/configuration.md)");
                }
            } else {
                report.formattedWarnings().forEach(warning -> System.err.println("warden: note: " + warning));
            }
            wiring = Wiring.start(report.config(), System.out);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // The database, the secret file or the port: say which, once, without a stack trace.
            System.err.println("warden: cannot start: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("warden-shutdown").unstarted(() -> {
            wiring.close();
            stopped.countDown();
        }));
        System.err.println(wiring.banner(config == null));
        stopped.await();
        return 0;
    }
}
