package travel.amur.common.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The health-checked balancing as the applications wire it: a Spring context, real instances, real checks. */
class HealthCheckedBalancingTest {

    /** A port nothing listens on: an instance that was killed. */
    static final int GONE = 1;

    DisposableServer ready;
    final AtomicInteger checks = new AtomicInteger();

    @BeforeEach
    void startAReadyInstance() {
        ready = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/actuator/health/readiness", (request, response) -> {
                    checks.incrementAndGet();
                    return response.sendString(Mono.just("{\"status\":\"UP\"}"));
                }))
                .bindNow();
    }

    @AfterEach
    void stop() {
        ready.disposeNow();
    }

    ApplicationContextRunner stack(int... ports) {
        return stack(Duration.ofMillis(100), ports);
    }

    ApplicationContextRunner stack(Duration interval, int... ports) {
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UtilAutoConfiguration.class, SimpleReactiveDiscoveryClientAutoConfiguration.class,
                        LoadBalancerAutoConfiguration.class, AmurBalancingAutoConfiguration.class))
                .withBean(WebClient.Builder.class, WebClient::builder)
                .withPropertyValues("amur.balancing.health-checked=true",
                        "spring.cloud.loadbalancer.health-check.interval=" + interval.toMillis() + "ms",
                        "spring.cloud.loadbalancer.health-check.path.flight-service=/actuator/health/readiness");
        for (int i = 0; i < ports.length; i++) {
            runner = runner.withPropertyValues("spring.cloud.discovery.client.simple.instances.flight-service[" + i
                    + "].uri=http://127.0.0.1:" + ports[i]);
        }
        return runner;
    }

    /** What a request would be offered now: the latest list the client's supplier holds. */
    static List<Integer> offeredPorts(LoadBalancerClientFactory balancers) {
        ServiceInstanceListSupplier supplier = balancers.getInstance("flight-service", ServiceInstanceListSupplier.class);
        return supplier.get().map(list -> list.stream().map(ServiceInstance::getPort).toList())
                .blockFirst(Duration.ofSeconds(5));
    }

    @Test
    void a_client_is_offered_only_the_instance_whose_readiness_answers() {
        stack(ready.port(), GONE).run(context -> {
            assertThat(context).hasNotFailed();
            var balancers = context.getBean(LoadBalancerClientFactory.class);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(offeredPorts(balancers)).containsExactly(ready.port()));
        });
    }

    @Test
    void requests_are_offered_the_last_checked_list_without_a_check_of_their_own() {
        stack(Duration.ofSeconds(30), ready.port()).run(context -> {
            var balancers = context.getBean(LoadBalancerClientFactory.class);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(offeredPorts(balancers)).containsExactly(ready.port()));
            int before = checks.get();

            for (int i = 0; i < 20; i++) {
                assertThat(offeredPorts(balancers)).containsExactly(ready.port());
            }

            assertThat(checks.get() - before).as("checks are every 30 s, not per request").isLessThanOrEqualTo(1);
        });
    }

    @Test
    void a_client_is_offered_every_instance_when_none_answers() {
        stack(GONE, GONE + 1).run(context -> {
            assertThat(context).hasNotFailed();
            var balancers = context.getBean(LoadBalancerClientFactory.class);
            // Several rounds of checks have failed by now; the list must still not be empty.
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(offeredPorts(balancers)).containsExactly(GONE, GONE + 1));
        });
    }
}
