package travel.amur.deploy.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Books trips at a steady rate through the gateway and times each from {@code POST .../book} to the CONFIRMED event on
 * its server-sent event stream, and reports the CPU time each component spent per booking. Itineraries are drafted
 * before the clock starts; afterwards the run waits for the bookings still under way (bounded) and cancels every one
 * that was confirmed (a draft never booked is discarded), and the visa policy the bookings need is extended for the
 * run and put back after it, so the stack is left as it was found (but for the cancelled and rejected itineraries,
 * which are the agency's records).
 *
 * <p>Usage: {@code BookingBenchmark <gateway-url> <demo-keys.env> <rate per second> <seconds> [warm-up seconds]}; the
 * warm-up runs at the same rate, unmeasured, so that the services' JIT compilers have done their work
 * ({@code deploy/bench/booking.sh} builds the class path and runs it).
 */
public final class BookingBenchmark {

    private static final String TRIAL = "/api/visa/policies/CN-RU-VISA-FREE-TRIAL";

    private BookingBenchmark() {
    }

    /** How long the bookings still under way after a phase are waited for: past the saga's own deadline (5 min). */
    private static final Duration BACKLOG_BOUND = Duration.ofMinutes(6);
    private static final int MAX_STREAM_ATTEMPTS = 30;

    /** What one phase of bookings measured. */
    private record Outcome(int bookings, double seconds, int confirmed, int rejected, long notEnded,
            Histogram latencies, List<String> drafts, Map<String, Double> cpuPerBooking) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        Properties keys = AmurClient.demoKeys(Path.of(args.length > 1 ? args[1] : "deploy/local/demo-keys.env"));
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        // The ops key has a budget of its own large enough for a benchmark (see the gateway's local profile).
        AmurClient client = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_OPS"));

        String trialEnd = client.get(TRIAL).expect(200).body().path("entryTo").asString();
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                client.patchPatiently(TRIAL, Map.of("entryTo", trialEnd), Duration.ofMinutes(3)).expect(200);
            }
        };
        // Ctrl-C or a failed run must not leave the policy extended.
        Runtime.getRuntime().addShutdownHook(new Thread(restore));
        client.patch(TRIAL, Map.of("entryTo", LocalDate.now().plusYears(2).toString())).expect(200);
        boolean sustained;
        try {
            if (warmUpSeconds > 0) {
                System.out.printf("warming up: %.1f bookings/s for %d s (not measured)%n", rate, warmUpSeconds);
                settleAndCancel(client, phase(client, rate, warmUpSeconds));
            }
            Outcome outcome = phase(client, rate, seconds);
            report(rate, outcome);
            settleAndCancel(client, outcome);
            sustained = outcome.notEnded() == 0;
        } finally {
            restore.run();
        }
        if (!sustained) {
            System.out.println("SOME BOOKINGS DID NOT END: the rate is above what this machine sustains");
            System.exit(1);
        }
    }

    private static Outcome phase(AmurClient client, double rate, int seconds) throws InterruptedException {
        int bookings = (int) Math.ceil(rate * seconds);
        System.out.printf("drafting %d itineraries (one traveller, Yuzhno-Sakhalinsk - Harbin and back)...%n", bookings);
        List<String> drafts = draft(client, bookings);
        ProcessCpu cpu = new ProcessCpu(Path.of(System.getProperty("amur.pids", ".local/run")));
        Map<String, Duration> cpuBefore = cpu.sample();
        Recorder latencies = new Recorder(3);
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(drafts.size());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + 200_000_000L;
        for (int i = 0; i < drafts.size(); i++) {
            String id = drafts.get(i);
            long due = start + i * intervalNanos;
            pacer.schedule(() -> book(client, id, latencies, confirmed, rejected, finished),
                    due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuPerBooking = ProcessCpu.perBooking(cpuBefore, cpu.sample(), confirmed.get()
                + rejected.get());
        pacer.shutdownNow();
        return new Outcome(drafts.size(), elapsed, confirmed.get(), rejected.get(), finished.getCount(),
                latencies.getIntervalHistogram(), drafts, cpuPerBooking);
    }

    private static void report(double rate, Outcome outcome) {
        Histogram histogram = outcome.latencies();
        System.out.printf("%nbookings: %d at %.1f/s over %.1f s; confirmed %d, rejected %d, not ended %d%n",
                outcome.bookings(), rate, outcome.seconds(), outcome.confirmed(), outcome.rejected(),
                outcome.notEnded());
        System.out.printf("book -> CONFIRMED (ms): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (n=%d)%n",
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0,
                histogram.getTotalCount());
        System.out.print("CPU ms per ended booking:");
        outcome.cpuPerBooking().forEach((name, ms) -> System.out.printf("  %s %.1f", name, ms));
        System.out.println();
    }

    /**
     * Leaves the stack as it was found, even above capacity: waits (at most {@link #BACKLOG_BOUND}, past the saga's
     * deadline) until none of the phase's bookings is still PENDING, then cancels every one that ended CONFIRMED,
     * whenever it did, and discards the drafts whose booking was never made. A REJECTED booking holds nothing.
     */
    private static void settleAndCancel(AmurClient client, Outcome outcome) throws InterruptedException {
        Set<String> ours = new HashSet<>(outcome.drafts());
        long giveUp = System.nanoTime() + BACKLOG_BOUND.toNanos();
        List<String> pending = owned(client, "PENDING", ours);
        while (!pending.isEmpty() && System.nanoTime() < giveUp) {
            System.out.printf("waiting for %d bookings still under way...%n", pending.size());
            Thread.sleep(2000);
            pending = owned(client, "PENDING", ours);
        }
        List<String> confirmed = owned(client, "CONFIRMED", ours);
        System.out.printf("cancelling %d confirmed bookings to give the seats back%s...%n", confirmed.size(),
                pending.isEmpty() ? "" : " (" + pending.size() + " STILL PENDING after " + BACKLOG_BOUND + ")");
        // Through a passing outage too (a restart, a full pool): a booking left confirmed keeps its seats for good.
        confirmed.forEach(id -> client.postPatiently("/api/itineraries/" + id + "/cancel", Map.of(), null,
                Duration.ofMinutes(2)).expect(200));
        List<String> neverBooked = owned(client, "DRAFT", ours);
        if (!neverBooked.isEmpty()) {
            System.out.printf("discarding %d drafts never booked...%n", neverBooked.size());
            neverBooked.forEach(id -> client.deletePatiently("/api/itineraries/" + id, Duration.ofMinutes(2)));
        }
    }

    /** The phase's itineraries now in that status, read page by page. */
    private static List<String> owned(AmurClient client, String status, Set<String> ours) {
        List<String> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            var items = client.get("/api/itineraries?status=" + status + "&size=100&page=" + page).expect(200).body();
            items.forEach(item -> {
                if (ours.contains(item.path("id").asString())) {
                    found.add(item.path("id").asString());
                }
            });
            if (items.size() < 100) {
                return found;
            }
        }
    }

    private static void book(AmurClient client, String id, Recorder latencies, AtomicInteger confirmed,
            AtomicInteger rejected, CountDownLatch finished) {
        follow(client, id, new long[1], latencies, confirmed, rejected, finished, 1);
    }

    /**
     * Opens the itinerary's stream, books once it is open, and follows it to the end. A stream refused or broken
     * (a cold platform answers 503 now and then) is opened again a second later, as a client would; a booking
     * never made would leave its draft behind.
     */
    private static void follow(AmurClient client, String id, long[] booked, Recorder latencies,
            AtomicInteger confirmed, AtomicInteger rejected, CountDownLatch finished, int attempt) {
        AtomicInteger seen = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        client.watch(id, status -> {
            if (seen.getAndIncrement() == 0 && status.equals("DRAFT")) {
                // The stream is open (its first event is the current status): now book, and time from here.
                booked[0] = System.nanoTime();
                client.postAsync("/api/itineraries/" + id + "/book", Map.of(), UUID.randomUUID().toString());
                return false;
            }
            if (!status.equals("CONFIRMED") && !status.equals("REJECTED")) {
                return false;
            }
            ended.set(true);
            latencies.recordValue(Math.max(0, (System.nanoTime() - booked[0]) / 1000));
            (status.equals("CONFIRMED") ? confirmed : rejected).incrementAndGet();
            finished.countDown();
            return true;
        }).handle((done, failure) -> {
            if (!ended.get() && attempt < MAX_STREAM_ATTEMPTS) {
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> follow(client, id, booked,
                        latencies, confirmed, rejected, finished, attempt + 1));
            }
            return null;
        });
    }

    private static List<String> draft(AmurClient client, int count) {
        List<String[]> pairs = new ArrayList<>();
        LocalDate last = LocalDate.now().plusDays(350);
        for (LocalDate day = LocalDate.now().plusDays(7); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                String out = client.flight("UUS", "HRB", day);
                String back = client.flight("HRB", "UUS", day.plusDays(3));
                if (out != null && back != null) {
                    pairs.add(new String[] {out, back});
                }
            }
        }
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] pair = pairs.get(i % pairs.size());
            drafts.add(client.post("/api/itineraries", AmurClient.trip(pair[0], pair[1],
                    List.of(AmurClient.traveller("Bench", "Traveller" + i, "ORDINARY", "1985-03-02")), null), null)
                    .expect(201).body().path("id").asString());
        }
        return drafts;
    }
}
