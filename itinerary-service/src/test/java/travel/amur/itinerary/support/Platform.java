package travel.amur.itinerary.support;

import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.ServiceFleet;
import travel.amur.flight.FlightServiceApplication;
import travel.amur.itinerary.ItineraryServiceApplication;
import travel.amur.visa.VisaServiceApplication;

/**
 * The real flight, visa and itinerary services on real PostgreSQL and Kafka, with one clock the tests move, started
 * once for the whole test JVM. A service can be stopped and started again, as after a crash or a deployment.
 */
public final class Platform {

    /** The services the platform runs. */
    public enum Service {
        FLIGHT(FlightServiceApplication.CONFIG_NAME), VISA(VisaServiceApplication.CONFIG_NAME),
        ITINERARY(ItineraryServiceApplication.CONFIG_NAME);

        private final String name;

        Service(String name) {
            this.name = name;
        }
    }

    /** Monday 4 January 2027, 00:00 UTC: ice-festival season, whatever today is. */
    public static final Instant START = Instant.parse("2027-01-04T00:00:00Z");

    private static Platform instance;

    private final MutableClock clock = new MutableClock(START);
    private final ServiceFleet fleet = new ServiceFleet(clock);

    private Platform() {
        fleet.add(Service.FLIGHT.name, FlightServiceApplication.class, "--amur.flight.holds.expiry-interval=200ms")
                .add(Service.VISA.name, VisaServiceApplication.class)
                .add(Service.ITINERARY.name, ItineraryServiceApplication.class,
                        "--amur.itinerary.clients.flight-service-url=" + fleet.url(Service.FLIGHT.name),
                        "--amur.itinerary.clients.visa-service-url=" + fleet.url(Service.VISA.name),
                        "--amur.booking.first-resend=5s", "--amur.booking.patience=20s",
                        "--amur.booking.scan-interval=200ms", "--amur.webhooks.loopback-allowed=true",
                        "--amur.webhooks.first-retry=300ms", "--amur.webhooks.longest-retry=1s",
                        "--amur.webhooks.scan-interval=100ms", "--amur.disruptions.scan-interval=1s")
                .startAll();
        extendTheTrialAsOperationsWould();
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
    }

    public static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
        }
        return instance;
    }

    public MutableClock clock() {
        return clock;
    }

    public String kafka() {
        return fleet.kafka();
    }

    public <T> T bean(Service service, Class<T> type) {
        return fleet.bean(service.name, type);
    }

    public void stop(Service service) {
        fleet.stop(service.name);
    }

    public void start(Service service) {
        fleet.start(service.name);
    }

    public WebTestClient client(Service service) {
        return fleet.client(service.name);
    }

    /**
     * China's trial for Russians was announced to end on 2026-09-14; the January 2027 trips of these tests need it
     * extended, which operations do through the visa service. (The end-to-end test shows both outcomes.)
     */
    private void extendTheTrialAsOperationsWould() {
        trialEndsOn("2027-09-14");
    }

    /**
     * Sets the trial's last entry day, as operations would. Tests of group tours put it back to the seeded end
     * (2026-09-14), so that January 2027's only visa-free way is the group agreement, and extend it again after.
     */
    public void trialEndsOn(String lastEntry) {
        client(Service.VISA).patch().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL")
                .header("X-Roles", "OPS").header("X-User-Id", "test-ops")
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue("{\"entryTo\": \"" + lastEntry + "\"}")
                .exchange()
                .expectStatus().isOk();
    }
}
