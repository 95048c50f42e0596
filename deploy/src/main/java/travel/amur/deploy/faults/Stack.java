package travel.amur.deploy.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running local stack as the drill acts on it: {@code deploy/local/run.sh kill|restart} for Amur's processes,
 * {@code pg_ctlcluster} for the machine's PostgreSQL, and each instance's actuator for readiness and for how many
 * messages it has consumed.
 */
final class Stack {

    private static final Pattern CONSUMED = Pattern.compile("^amur_messages_consumed_total\\{[^}]*} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    /** One application instance: its run.sh name and port. */
    record Instance(String name, int port) {

        boolean consumesKafka() {
            return !name.equals("gateway");
        }
    }

    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Stack(Path root) {
        this.root = root;
    }

    /** The instances run.sh started: each service once per replica, and the gateway. */
    List<Instance> instances() {
        int replicas = replicas();
        List<Instance> all = new ArrayList<>();
        String[] services = {"flight-service", "visa-service", "itinerary-service"};
        int[] ports = {8081, 8082, 8083};
        for (int s = 0; s < services.length; s++) {
            for (int i = 1; i <= replicas; i++) {
                all.add(new Instance(i == 1 ? services[s] : services[s] + "-" + i, ports[s] + 100 * (i - 1)));
            }
        }
        all.add(new Instance("gateway", 8080));
        return all;
    }

    int replicas() {
        try {
            return Integer.parseInt(Files.readString(root.resolve(".local/run/replicas")).trim());
        } catch (IOException | NumberFormatException e) {
            return 1;
        }
    }

    void kill(String name, String signal) {
        run(List.of(root.resolve("deploy/local/run.sh").toString(), "kill", name, signal));
    }

    void restart(String name) {
        run(List.of(root.resolve("deploy/local/run.sh").toString(), "restart", name));
    }

    /** Whether the machine's own PostgreSQL cluster serves the stack (the drill can then stop and start it). */
    boolean hasPostgresCluster() {
        return postgresVersion() != null;
    }

    void stopPostgres(String mode) {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", mode));
    }

    void startPostgres() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"));
    }

    boolean ready(Instance instance) {
        return status("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness") == 200;
    }

    boolean allReady() {
        return instances().stream().allMatch(this::ready);
    }

    /** Messages the instance has consumed since it started, or -1 if it does not answer. */
    double consumed(Instance instance) {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + instance.port() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return -1;
            }
            double total = 0;
            Matcher matcher = CONSUMED.matcher(metrics.body());
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
            }
            return total;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String postgresVersion() {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
