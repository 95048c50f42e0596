package travel.amur.common.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

class HealthyOrAllInstancesTest {

    static final ServiceInstance A = new DefaultServiceInstance("a", "flight-service", "127.0.0.1", 8081, false);
    static final ServiceInstance B = new DefaultServiceInstance("b", "flight-service", "127.0.0.1", 8181, false);

    static ServiceInstanceListSupplier listing(List<ServiceInstance> instances) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "flight-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(instances);
            }
        };
    }

    @Test
    void only_the_instances_that_passed_their_health_check_are_offered() {
        var supplier = new HealthyOrAllInstances.HealthyOrAll(listing(List.of(B)), listing(List.of(A, B)));

        assertThat(supplier.get().blockFirst()).containsExactly(B);
    }

    @Test
    void when_no_instance_passed_every_instance_is_offered_rather_than_none() {
        var supplier = new HealthyOrAllInstances.HealthyOrAll(listing(List.of()), listing(List.of(A, B)));

        assertThat(supplier.get().blockFirst()).containsExactly(A, B);
    }
}
