package travel.amur.common.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real Amur services in the test JVM, each on a fixed port and a database of its own, all on the JVM's Kafka broker
 * and one clock. A service can be stopped and started again on the same port and database, as after a crash.
 */
public final class ServiceFleet implements AutoCloseable {

    private final Clock clock;
    private final String kafka = InJvmKafka.bootstrapServers();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Map<String, Integer> reservedPorts = new LinkedHashMap<>();

    private record Member(Class<?> application, int port, List<String> arguments) {
    }

    public ServiceFleet(Clock clock) {
        NonBlockingThreads.guard();
        this.clock = clock;
        InJvmKafka.beforeShutdown(this::close);
    }

    /** The port of a service, chosen on first asking, so services can be told each other's URLs before they start. */
    public int reserve(String configName) {
        return reservedPorts.computeIfAbsent(configName, name -> TestSocketUtils.findAvailableTcpPort());
    }

    /** Adds a service by its configuration name (e.g. flight-service) with extra {@code --name=value} arguments. */
    public ServiceFleet add(String configName, Class<?> application, String... extra) {
        int port = reserve(configName);
        TestDatabases.Database database = TestDatabases.create(configName);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + configName,
                "--server.port=" + port,
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.user(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--logging.structured.format.console="));
        arguments.addAll(List.of(extra));
        members.put(configName, new Member(application, port, arguments));
        return this;
    }

    public ServiceFleet startAll() {
        members.keySet().forEach(this::start);
        return this;
    }

    public synchronized void start(String configName) {
        if (!running.containsKey(configName)) {
            Member member = members.get(configName);
            running.put(configName, SecondApplication.run(member.application(), clock,
                    member.arguments().toArray(String[]::new)));
        }
    }

    public synchronized void stop(String configName) {
        ConfigurableApplicationContext context = running.remove(configName);
        if (context != null) {
            context.close();
        }
    }

    public int port(String configName) {
        return reserve(configName);
    }

    public String url(String configName) {
        return "http://127.0.0.1:" + port(configName);
    }

    public String kafka() {
        return kafka;
    }

    public <T> T bean(String configName, Class<T> type) {
        return running.get(configName).getBean(type);
    }

    public WebTestClient client(String configName) {
        return WebTestClient.bindToServer().baseUrl(url(configName)).responseTimeout(Duration.ofSeconds(20))
                .filter(ApiContract.validating()).build();
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
    }
}
