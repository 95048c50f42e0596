package travel.amur.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the local stack's components have used so far, from the kernel's accounting of each process and its
 * children ({@link ProcessHandle.Info#totalCpuDuration()}): the components whose pid files {@code run.sh} keeps,
 * PostgreSQL (every {@code postgres} process on the machine, shared or embedded) and this load client.
 */
final class ProcessCpu {

    private final Path pids;

    ProcessCpu(Path pids) {
        this.pids = pids;
    }

    /** CPU time used by each component so far, by name. */
    Map<String, Duration> sample() {
        Map<String, Duration> used = new LinkedHashMap<>();
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                files.filter(file -> file.getFileName().toString().endsWith(".pid")).sorted().forEach(file -> {
                    String name = file.getFileName().toString().replace(".pid", "");
                    if (!name.startsWith("postgres")) {
                        ProcessHandle.of(Long.parseLong(read(file))).ifPresent(process ->
                                used.put(name, cpuOf(process)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        used.put("postgresql", ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                        .orElse(false))
                .map(ProcessCpu::own).reduce(Duration.ZERO, Duration::plus));
        used.put("load client", own(ProcessHandle.current()));
        return used;
    }

    /** What each component used between two samples, in CPU milliseconds per booking. */
    static Map<String, Double> perBooking(Map<String, Duration> before, Map<String, Duration> after, int bookings) {
        Map<String, Double> each = new LinkedHashMap<>();
        after.forEach((name, used) -> each.put(name,
                used.minus(before.getOrDefault(name, Duration.ZERO)).toNanos() / 1e6 / Math.max(1, bookings)));
        return each;
    }

    private static Duration cpuOf(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).map(ProcessCpu::own)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration own(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
