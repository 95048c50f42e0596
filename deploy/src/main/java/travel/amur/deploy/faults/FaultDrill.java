package travel.amur.deploy.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import travel.amur.deploy.bench.AmurClient;

/**
 * A steady booking load through the gateway while each component of the running local stack in turn is killed and
 * brought back: every service instance, the gateway and the Kafka broker by SIGKILL, PostgreSQL by an immediate stop
 * for 10 s; then (full form) all of them again by SIGTERM. Afterwards it checks what a customer and the books say:
 * every book request accepted, every booking ended, at least 99 % CONFIRMED and none rejected because of a fault, no
 * 500 seen by a client, every flight's inventory equal to its holds, every outbox empty, no new dead letter. Prints the
 * bookings, the outcomes by reason, what the clients were answered, and how long each fault took to recover from.
 *
 * <p>Usage: {@code FaultDrill <checkout> <gateway-url> <demo-keys.env> <short|full> [bookings per second]}
 * ({@code deploy/faults.sh} builds the class path and runs it against a stack {@code deploy/local/run.sh} started).
 */
public final class FaultDrill {

    private static final String TRIAL = "/api/visa/policies/CN-RU-VISA-FREE-TRIAL";

    private FaultDrill() {
    }

    /** One fault: which component, and how it goes away (KILL, TERM; for PostgreSQL an immediate or fast stop). */
    record Fault(String component, String signal) {

        String label() {
            return component + " " + (component.equals("postgres")
                    ? (signal.equals("KILL") ? "stopped immediately for 10 s" : "stopped (fast) for 10 s")
                    : "SIG" + signal);
        }
    }

    /** How one fault went. */
    record Recovery(Fault fault, double readyAfter, double consumingAfter) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        String gateway = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
        Properties keys = AmurClient.demoKeys(Path.of(args.length > 2 ? args[2] : "deploy/local/demo-keys.env"));
        boolean full = args.length > 3 && args[3].equals("full");
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : full ? 3 : 2;
        String pgHost = env("AMUR_PG_HOST", "127.0.0.1");
        int pgPort = Integer.parseInt(env("AMUR_PG_PORT", "5432"));
        String kafka = "127.0.0.1:" + env("AMUR_KAFKA_PORT", "9092");

        Stack stack = new Stack(root);
        Ledger ledger = new Ledger(pgHost, pgPort, kafka);
        List<Fault> faults = schedule(stack, full);
        Duration settle = Duration.ofSeconds(full ? 15 : 8);
        // The ops key has a budget of its own large enough for a drill (the gateway's local profile).
        AmurClient ops = new AmurClient(gateway, keys.getProperty("AMUR_DEMO_KEY_OPS"));
        BookingLoad load = new BookingLoad(gateway, keys.getProperty("AMUR_DEMO_KEY_OPS"));

        System.out.printf("fault drill (%s): %d faults, %.1f bookings/s, %d instance(s) of each service%n",
                full ? "full" : "short", faults.size(), rate, stack.replicas());
        faults.forEach(fault -> System.out.println("  - " + fault.label()));
        String trialEnd = ops.get(TRIAL).expect(200).body().path("entryTo").asString();
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                ops.patchPatiently(TRIAL, Map.of("entryTo", trialEnd), Duration.ofMinutes(3)).expect(200);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(restore));
        ops.patch(TRIAL, Map.of("entryTo", LocalDate.now().plusYears(2).toString())).expect(200);
        boolean passed;
        try {
            long deadLettersBefore = ledger.deadLetters();
            // Drafts are kept 30 s of load ahead of the bookings, so that a fault slows drafting, not booking.
            int ahead = (int) Math.ceil(rate * 30);
            System.out.printf("drafting %d itineraries ahead of the load...%n", ahead);
            load.prepare(ahead);

            load.start(rate);
            sleep(settle);
            List<Recovery> recoveries = new ArrayList<>();
            for (Fault fault : faults) {
                recoveries.add(inject(stack, fault));
                awaitAllReady(stack);
                sleep(settle);
            }
            load.stop();
            System.out.printf("%nload stopped: %d bookings started%s%n", load.started(), load.skipped() == 0 ? ""
                    : " (" + load.skipped() + " ticks without a draft ready: the drafter fell behind)");

            Map<String, JsonNode> ended = load.outcomes(Duration.ofMinutes(7));
            List<String> confirmed = ended.entrySet().stream()
                    .filter(e -> e.getValue().path("status").asString().equals("CONFIRMED")).map(Map.Entry::getKey)
                    .toList();
            Map<String, Integer> rejectedBy = new TreeMap<>();
            ended.values().stream().filter(itinerary -> itinerary.path("status").asString().equals("REJECTED"))
                    .forEach(itinerary -> rejectedBy.merge(reasons(itinerary), 1, Integer::sum));
            long stuck = ledger.sagasStillRunning(load.accepted());

            load.cancel(confirmed);
            System.out.printf("discarded %d drafts never booked%n", load.discardUnbooked());
            Map<String, Long> outboxes = ledger.drained(Duration.ofMinutes(1));
            long deadLetters = ledger.deadLetters() - deadLettersBefore;
            List<String> mismatches = ledger.inventoryMismatches();

            passed = report(load, recoveries, ended.size(), confirmed.size(), rejectedBy, stuck, outboxes,
                    deadLetters, mismatches);
        } finally {
            restore.run();
        }
        System.exit(passed ? 0 : 1);
    }

    private static List<Fault> schedule(Stack stack, boolean full) {
        List<Fault> kills = new ArrayList<>();
        stack.instances().forEach(instance -> kills.add(new Fault(instance.name(), "KILL")));
        kills.add(new Fault("kafka", "KILL"));
        if (stack.hasPostgresCluster()) {
            kills.add(new Fault("postgres", "KILL"));
        } else {
            System.out.println("(no PostgreSQL cluster on this machine to stop: the PostgreSQL fault is left out)");
        }
        List<Fault> faults = new ArrayList<>(kills);
        if (full) {
            kills.forEach(fault -> faults.add(new Fault(fault.component(), "TERM")));
        } else {
            faults.add(new Fault(stack.instances().get(0).name(), "TERM"));
        }
        return faults;
    }

    private static Recovery inject(Stack stack, Fault fault) {
        System.out.printf("%n%s: %s ...%n", java.time.LocalTime.now().withNano(0), fault.label());
        Map<String, Double> consumedBefore = consumedByInstance(stack);
        long killed = System.nanoTime();
        long relaunched;
        if (fault.component().equals("postgres")) {
            stack.stopPostgres(fault.signal().equals("KILL") ? "immediate" : "fast");
            sleep(Duration.ofSeconds(10));
            relaunched = System.nanoTime();
            stack.startPostgres();
        } else {
            stack.kill(fault.component(), fault.signal());
            sleep(Duration.ofSeconds(2));
            relaunched = System.nanoTime();
            stack.restart(fault.component());
        }
        awaitAllReady(stack);
        double readyAfter = (System.nanoTime() - killed) / 1e9;
        double consumingAfter = consumingAgain(stack, fault, relaunched, consumedBefore);
        System.out.printf("  ready again %.1f s after the fault; consuming %s after relaunch%n", readyAfter,
                consumingAfter < 0 ? "(n/a)" : String.format("%.1f s", consumingAfter));
        return new Recovery(fault, readyAfter, consumingAfter);
    }

    /**
     * Seconds from relaunch until the relaunched instance (or, after a broker or database fault, any instance)
     * consumed a message again; -1 where nothing consumes (the gateway) or nothing came within 90 s.
     */
    private static double consumingAgain(Stack stack, Fault fault, long relaunched, Map<String, Double> before) {
        List<Stack.Instance> watched = stack.instances().stream().filter(Stack.Instance::consumesKafka)
                .filter(instance -> !stack.instances().stream().map(Stack.Instance::name)
                        .toList().contains(fault.component()) || instance.name().equals(fault.component()))
                .toList();
        if (watched.isEmpty()) {
            return -1;
        }
        boolean restartedInstance = watched.size() == 1;
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            for (Stack.Instance instance : watched) {
                double now = stack.consumed(instance);
                double then = restartedInstance ? 0 : before.getOrDefault(instance.name(), 0.0);
                if (now > then) {
                    return (System.nanoTime() - relaunched) / 1e9;
                }
            }
            sleep(Duration.ofMillis(200));
        }
        return -1;
    }

    private static Map<String, Double> consumedByInstance(Stack stack) {
        Map<String, Double> consumed = new TreeMap<>();
        stack.instances().stream().filter(Stack.Instance::consumesKafka)
                .forEach(instance -> consumed.put(instance.name(), stack.consumed(instance)));
        return consumed;
    }

    private static void awaitAllReady(Stack stack) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!stack.allReady()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the stack is not ready 2 minutes after a fault");
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static boolean report(BookingLoad load, List<Recovery> recoveries, int ended, int confirmed,
            Map<String, Integer> rejectedBy, long stuck, Map<String, Long> outboxes, long deadLetters,
            List<String> mismatches) {
        int accepted = load.accepted().size();
        int started = load.started();
        System.out.println();
        System.out.println("== recovery per fault (ready: from the fault until every instance is ready again;");
        System.out.println("   consuming: from relaunch until the instance, or after a broker/database fault any instance,");
        System.out.println("   consumed a message)");
        System.out.printf("   %-42s %10s %12s%n", "fault", "ready (s)", "consuming (s)");
        recoveries.forEach(r -> System.out.printf("   %-42s %10.1f %12s%n", r.fault().label(), r.readyAfter(),
                r.consumingAfter() < 0 ? "-" : String.format("%.1f", r.consumingAfter())));
        System.out.println();
        System.out.println("== bookings");
        System.out.printf("   started %d, accepted (202) %d, refused %d%n", started, accepted, load.refused().size());
        load.refused().stream().limit(5).forEach(refusal -> System.out.println("     refused: " + refusal));
        System.out.printf("   ended %d: CONFIRMED %d, REJECTED %d%s; not ended %d (sagas still running: %d)%n", ended,
                confirmed, ended - confirmed, rejectedBy.isEmpty() ? "" : " " + rejectedBy, accepted - ended, stuck);
        System.out.printf("   answers the clients saw (every retry counted; 0 = refused or broken connection): %s%n",
                load.clientSaw());
        System.out.println();
        System.out.println("== the books");
        System.out.printf("   outboxes still holding events: %s%n", outboxes);
        System.out.printf("   new dead letters: %d%n", deadLetters);
        System.out.printf("   flights whose inventory differs from their holds: %d%n", mismatches.size());
        mismatches.stream().limit(5).forEach(mismatch -> System.out.println("     " + mismatch));

        List<String> failures = new ArrayList<>();
        check(failures, accepted == started, "every book request accepted (" + accepted + " of " + started + ")");
        check(failures, ended == accepted && stuck == 0, "every booking ended (" + ended + " of " + accepted + ")");
        check(failures, confirmed >= Math.ceil(0.99 * accepted),
                "at least 99 % CONFIRMED (" + confirmed + " of " + accepted + ")");
        check(failures, rejectedBy.keySet().stream().noneMatch(reasons -> reasons.contains("TIMEOUT")),
                "no booking rejected because of a fault (TIMEOUT)");
        check(failures, load.clientSaw().getOrDefault(500, 0) == 0, "no 500 seen by a client");
        check(failures, mismatches.isEmpty(), "every flight's inventory equals its holds");
        check(failures, outboxes.values().stream().allMatch(n -> n == 0), "every outbox empty");
        check(failures, deadLetters == 0, "no new dead letter");
        System.out.println();
        System.out.println(failures.isEmpty() ? "FAULT DRILL PASSED" : "FAULT DRILL FAILED: " + failures);
        return failures.isEmpty();
    }

    private static void check(List<String> failures, boolean holds, String what) {
        System.out.printf("   [%s] %s%n", holds ? "ok" : "FAIL", what);
        if (!holds) {
            failures.add(what);
        }
    }

    private static String reasons(JsonNode itinerary) {
        List<String> codes = new ArrayList<>();
        itinerary.path("rejections").forEach(rejection -> codes.add(rejection.path("code").asString()));
        return String.join("+", codes.stream().distinct().toList());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
