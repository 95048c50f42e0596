package travel.amur.common.balancing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;

/**
 * With {@code amur.balancing.health-checked=true} (the local stack, where several instances of a service run on one
 * machine), every load-balanced client calls only the instances whose readiness answers UP, and all of them when none
 * does. Elsewhere (Kubernetes: one Service per service, which balances itself) Spring Cloud's plain round robin.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier")
@ConditionalOnProperty(name = "amur.balancing.health-checked", havingValue = "true")
@LoadBalancerClients(defaultConfiguration = HealthyOrAllInstances.class)
public class AmurBalancingAutoConfiguration {
}
