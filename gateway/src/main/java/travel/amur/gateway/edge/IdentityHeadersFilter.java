package travel.amur.gateway.edge;

import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;
import travel.amur.gateway.security.Caller;
import travel.amur.gateway.security.CallerAuthentication;

/**
 * Tells the services who calls: {@code X-Agency-Id}, {@code X-User-Id} and {@code X-Roles} come from the verified
 * credentials only, and {@code X-Agency-Group-Tours} from the agency's record (authorised for group tours or not).
 * Whatever a client sends under those names is dropped, so nobody can speak for another agency or authorise itself.
 * The credentials themselves stay at the gateway.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String GROUP_TOURS = "X-Agency-Group-Tours";
    static final List<String> IDENTITY = List.of("X-Agency-Id", "X-User-Id", "X-Roles", GROUP_TOURS);

    private final Set<String> groupTourAgencies;

    IdentityHeadersFilter(GatewaySettings settings) {
        this.groupTourAgencies = settings.groupTourAgencies();
    }
    static final List<String> CREDENTIALS = List.of("X-API-Key", "Authorization", "Cookie");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .map(principal -> ((CallerAuthentication) principal).getPrincipal())
                .map(caller -> forward(exchange, caller, groupTourAgencies.contains(caller.agencyId())))
                .defaultIfEmpty(forward(exchange, null, false))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forward(ServerWebExchange exchange, Caller caller, boolean groupTours) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            IDENTITY.forEach(headers::remove);
            CREDENTIALS.forEach(headers::remove);
            if (caller != null) {
                headers.set("X-Agency-Id", caller.agencyId());
                if (caller.userId() != null) {
                    headers.set("X-User-Id", caller.userId());
                }
                headers.set("X-Roles", String.join(",", caller.roles().stream().sorted().toList()));
                headers.set(GROUP_TOURS, String.valueOf(groupTours));
            }
        }).build();
        return exchange.mutate().request(request).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
