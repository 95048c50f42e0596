package travel.amur.deploy.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import travel.amur.deploy.bench.AmurClient;

/**
 * Books one-traveller Yuzhno-Sakhalinsk - Harbin trips through the gateway at a steady rate, as an agency's client
 * would: each book request carries an Idempotency-Key and is retried with the same key on 429/502/503/504 and on
 * refused or broken connections, following {@code Retry-After}, for up to two minutes. Counts every answer a client
 * saw, and afterwards follows each booking until it ends.
 */
final class BookingLoad {

    private static final Duration CLIENT_PATIENCE = Duration.ofMinutes(2);

    private final String gateway;
    private final String apiKey;
    private final AmurClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService bookers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService drafter = Executors.newSingleThreadExecutor();
    private final List<String[]> pairs = new ArrayList<>();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile boolean stopped;
    private int ahead;

    private final List<String> drafts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    /** Drafts whose booking was refused or given up: still drafts, unless a lost answer hid that it was booked. */
    private final List<String> notBooked = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> clientSaw = new ConcurrentHashMap<>();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    BookingLoad(String gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.client = new AmurClient(gateway, apiKey);
    }

    /**
     * Finds the Wednesday-Saturday flight pairs of the coming year and drafts {@code ahead} itineraries on them;
     * once the load runs, a drafter keeps that many ready ahead of the bookings.
     */
    void prepare(int ahead) {
        LocalDate last = LocalDate.now().plusDays(350);
        for (LocalDate day = LocalDate.now().plusDays(7); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                LocalDate wednesday = day;
                String out = patiently(() -> client.flight("UUS", "HRB", wednesday));
                String back = patiently(() -> client.flight("HRB", "UUS", wednesday.plusDays(3)));
                if (out != null && back != null) {
                    pairs.add(new String[] {out, back});
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no Yuzhno-Sakhalinsk - Harbin flights found: is the stack running?");
        }
        this.ahead = ahead;
        while (drafts.size() < ahead) {
            draftOne();
        }
    }

    private void draftOne() {
        int n = drafts.size();
        String[] pair = pairs.get(n % pairs.size());
        // Drafting rides out the faults too; its answers are not what the drill measures.
        drafts.add(patiently(() -> client.post("/api/itineraries", AmurClient.trip(pair[0], pair[1],
                        List.of(AmurClient.traveller("Drill", "Traveller" + n, "ORDINARY", "1986-05-14")), null), null)
                .expect(201).body().path("id").asString()));
    }

    /** Starts booking the drafts at {@code perSecond}; {@link #stop()} ends it. */
    void start(double perSecond) {
        drafter.submit(() -> {
            while (!stopped) {
                if (drafts.size() - next.get() < ahead) {
                    draftOne();
                } else {
                    sleep(100);
                }
            }
        });
        long interval = (long) (1_000_000 / perSecond);
        pacer.scheduleAtFixedRate(() -> {
            if (next.get() >= drafts.size()) {
                // The drafter fell behind (a fault slows drafting down): this tick's booking is skipped, not queued.
                skipped.incrementAndGet();
                return;
            }
            int index = next.getAndIncrement();
            inFlight.incrementAndGet();
            bookers.submit(() -> {
                try {
                    book(drafts.get(index));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }, 0, interval, TimeUnit.MICROSECONDS);
    }

    /** Stops starting bookings and waits until every book request started has been answered or given up. */
    void stop() {
        stopped = true;
        pacer.shutdownNow();
        drafter.shutdown();
        try {
            // A draft being made as the load stops still counts among those to discard.
            drafter.awaitTermination(CLIENT_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + CLIENT_PATIENCE.plusSeconds(10).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(200);
        }
        bookers.shutdown();
    }

    int started() {
        return Math.min(next.get(), drafts.size());
    }

    /** Ticks of the load at which no draft was ready, so no booking started. */
    int skipped() {
        return skipped.get();
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Each status a client was answered, counted (every retry counts); 0 stands for a refused or broken connection. */
    Map<Integer, Integer> clientSaw() {
        Map<Integer, Integer> seen = new TreeMap<>();
        clientSaw.forEach((status, count) -> seen.put(status, count.get()));
        seen.put(0, connectionErrors.get());
        return seen;
    }

    /** Follows every accepted booking until it ends or {@code within} passes; emits each one's final answer. */
    Map<String, JsonNode> outcomes(Duration within) {
        Map<String, JsonNode> ended = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        List<String> open = new ArrayList<>(accepted());
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            List<String> still = new ArrayList<>();
            for (String id : open) {
                JsonNode itinerary = patiently(() -> client.get("/api/itineraries/" + id).expect(200).body());
                String status = itinerary.path("status").asString();
                if (status.equals("CONFIRMED") || status.equals("REJECTED")) {
                    ended.put(id, itinerary);
                } else {
                    still.add(id);
                }
            }
            open = still;
            if (!open.isEmpty()) {
                sleep(2000);
            }
        }
        return ended;
    }

    /**
     * Discards the drafts that were never booked (those kept ready ahead of the load when it stopped, and those whose
     * booking was refused), so that the drill leaves no itinerary behind; answers how many were discarded. A refused
     * one that turns out booked (409) is left to the caller's follow-up.
     */
    int discardUnbooked() {
        List<String> unbooked;
        synchronized (drafts) {
            unbooked = new ArrayList<>(drafts.subList(started(), drafts.size()));
        }
        unbooked.addAll(notBooked);
        return (int) unbooked.stream()
                .filter(id -> client.deletePatiently("/api/itineraries/" + id, CLIENT_PATIENCE).status() == 204)
                .count();
    }

    /** Gives back the seats of the drill's confirmed bookings. */
    void cancel(List<String> confirmed) {
        confirmed.forEach(id -> patiently(() -> client.post("/api/itineraries/" + id + "/cancel", Map.of(), null)
                .expect(200)));
    }

    private void book(String itinerary) {
        String key = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + CLIENT_PATIENCE.toNanos();
        while (System.nanoTime() < giveUp) {
            long wait = 1000;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create(gateway + "/api/itineraries/" + itinerary + "/book"))
                        .timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey)
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                clientSaw.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 202) {
                    accepted.add(itinerary);
                    return;
                }
                if (status == 409 && answer.body().contains("request-in-progress")) {
                    wait = 500;
                } else if (status == 429 || status == 502 || status == 503 || status == 504 || status == 500) {
                    wait = answer.headers().firstValue("Retry-After").map(seconds -> Long.parseLong(seconds) * 1000)
                            .orElse(1000L);
                } else {
                    refused.add(itinerary + " " + status + " " + answer.body());
                    notBooked.add(itinerary);
                    return;
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(wait);
        }
        refused.add(itinerary + " gave up after " + CLIENT_PATIENCE);
        notBooked.add(itinerary);
    }

    /** Calls {@code call} until it succeeds, for up to two minutes: the drill's own reads ride out the faults too. */
    private static <T> T patiently(Supplier<T> call) {
        long giveUp = System.nanoTime() + CLIENT_PATIENCE.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < giveUp) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
                sleep(1000);
            }
        }
        throw last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
