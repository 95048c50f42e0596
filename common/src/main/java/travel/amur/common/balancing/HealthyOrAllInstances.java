package travel.amur.common.balancing;

import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The instance list of each load-balanced client: the instances whose health check passed, or every instance when
 * none did. A single instance whose readiness flickered under load (a slow Kafka metadata call at start-up, say) is
 * better tried, and retried, than refused outright with "no servers available".
 */
class HealthyOrAllInstances {

    @Bean
    ServiceInstanceListSupplier instanceList(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier all = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .withHealthChecks().build(context);
        return new HealthyOrAll(healthy, all);
    }

    /**
     * Healthy instances first; the whole list as the fallback. Starts and stops the health checks itself: they are not
     * a bean of their own here, and unstarted they ran one check per request and failed a request now and then
     * with "Disconnected" when another's check finished first.
     */
    static final class HealthyOrAll implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

        private final ServiceInstanceListSupplier healthy;
        private final ServiceInstanceListSupplier all;

        HealthyOrAll(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier all) {
            this.healthy = healthy;
            this.all = all;
        }

        @Override
        public String getServiceId() {
            return all.getServiceId();
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            if (healthy instanceof InitializingBean checks) {
                checks.afterPropertiesSet();
            }
        }

        @Override
        public void destroy() throws Exception {
            if (healthy instanceof DisposableBean checks) {
                checks.destroy();
            }
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.combineLatest(healthy.get(), all.get(), (up, everyone) -> up.isEmpty() ? everyone : up);
        }
    }
}
