package travel.amur.itinerary.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.InJvmKafka;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.NonBlockingThreads;
import travel.amur.common.testing.SecondApplication;
import travel.amur.common.testing.TestDatabases;
import travel.amur.flight.FlightServiceApplication;
import travel.amur.itinerary.ItineraryServiceApplication;
import travel.amur.visa.VisaServiceApplication;

/**
 * The real flight, visa and itinerary services, each on its own database, all on one real Kafka broker and one clock
 * the tests move, started once for the whole test JVM. A service can be stopped and started again on the same port and
 * database, as after a crash or a deployment.
 */
public final class Platform {

    /** The services the platform runs. */
    public enum Service { FLIGHT, VISA, ITINERARY }

    /** Monday 4 January 2027, 00:00 UTC: ice-festival season, whatever today is. */
    public static final Instant START = Instant.parse("2027-01-04T00:00:00Z");

    private static Platform instance;

    private final MutableClock clock = new MutableClock(START);
    private final String kafka = InJvmKafka.bootstrapServers();
    private final Map<Service, List<String>> arguments = new EnumMap<>(Service.class);
    private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

    private Platform() {
        NonBlockingThreads.guard();
        for (Service service : Service.values()) {
            ports.put(service, TestSocketUtils.findAvailableTcpPort());
        }
        arguments.put(Service.FLIGHT, args(Service.FLIGHT, FlightServiceApplication.CONFIG_NAME,
                "--amur.flight.holds.expiry-interval=200ms"));
        arguments.put(Service.VISA, args(Service.VISA, VisaServiceApplication.CONFIG_NAME));
        arguments.put(Service.ITINERARY, args(Service.ITINERARY, ItineraryServiceApplication.CONFIG_NAME,
                "--amur.itinerary.clients.flight-service-url=http://127.0.0.1:" + ports.get(Service.FLIGHT),
                "--amur.itinerary.clients.visa-service-url=http://127.0.0.1:" + ports.get(Service.VISA),
                "--amur.booking.step-timeout=5s", "--amur.booking.max-attempts=2",
                "--amur.booking.scan-interval=200ms"));
        for (Service service : Service.values()) {
            start(service);
        }
        extendTheTrialAsOperationsWould();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.values().forEach(ConfigurableApplicationContext::close)));
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
        return kafka;
    }

    public <T> T bean(Service service, Class<T> type) {
        return running.get(service).getBean(type);
    }

    public synchronized void stop(Service service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
        }
    }

    public synchronized void start(Service service) {
        if (running.containsKey(service)) {
            return;
        }
        Class<?> application = switch (service) {
            case FLIGHT -> FlightServiceApplication.class;
            case VISA -> VisaServiceApplication.class;
            case ITINERARY -> ItineraryServiceApplication.class;
        };
        running.put(service, SecondApplication.run(application, clock, arguments.get(service).toArray(String[]::new)));
    }

    public WebTestClient client(Service service) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + ports.get(service))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private List<String> args(Service service, String configName, String... extra) {
        TestDatabases.Database database = TestDatabases.create(configName);
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.name=" + configName,
                "--server.port=" + ports.get(service),
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.user(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--logging.structured.format.console="));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * China's trial for Russians was announced to end on 2026-09-14; the January 2027 trips of these tests need it
     * extended, which operations do through the visa service. (The end-to-end test shows both outcomes.)
     */
    private void extendTheTrialAsOperationsWould() {
        client(Service.VISA).patch().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL")
                .header("X-Roles", "OPS").header("X-User-Id", "test-ops")
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue("{\"entryTo\": \"2027-09-14\"}")
                .exchange()
                .expectStatus().isOk();
    }
}
