package travel.amur.gateway.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.Problems;
import travel.amur.gateway.GatewaySettings;

/**
 * Who may call what. Agencies authenticate with {@code X-API-Key}, mobile apps with a bearer JWT (when a JWK set or
 * public key is configured). Health, the catalog's GETs and the API documents are open; changing visa policies needs
 * OPS; everything else needs credentials. Refusals are problem+json: 401 without valid credentials, 403 without the
 * role. Stateless: no session, no cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String API_KEY = "X-API-Key";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ApiKeys keys, GatewaySettings settings,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder, ProblemResponses problems) {
        // The converter below already checked the key; the manager has nothing left to do.
        ReactiveAuthenticationManager checked = Mono::just;
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(checked);
        apiKeyFilter.setServerAuthenticationConverter(exchange -> {
            String key = exchange.getRequest().getHeaders().getFirst(API_KEY);
            if (key == null) {
                return Mono.empty();
            }
            return Mono.justOrEmpty(keys.callerFor(key))
                    .<org.springframework.security.core.Authentication>map(CallerAuthentication::new)
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown API key")));
        });
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        apiKeyFilter.setAuthenticationFailureHandler((webFilterExchange, failure) ->
                unauthorized(problems, webFilterExchange.getExchange(), "the X-API-Key is not valid"));

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS is checked ahead of this chain, by CorsFilter, whose refusals are problems.
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/openapi.yaml", "/api/openapi.json", "/api/asyncapi.yaml",
                                "/api/asyncapi.json", "/api/docs",
                                "/api/docs/**").permitAll()
                        .pathMatchers(HttpMethod.PUT, "/api/visa/policies/**").hasRole("OPS")
                        .pathMatchers(HttpMethod.PATCH, "/api/visa/policies/**").hasRole("OPS")
                        .pathMatchers(HttpMethod.DELETE, "/api/visa/policies/**").hasRole("OPS")
                        .pathMatchers(HttpMethod.POST, "/api/visa/policies/**").hasRole("OPS")
                        .pathMatchers(HttpMethod.POST, "/api/flights/*/disruptions").hasRole("OPS")
                        .pathMatchers(HttpMethod.POST, "/api/catalog/attractions/*/closures").hasRole("OPS")
                        .pathMatchers(HttpMethod.DELETE, "/api/catalog/attractions/*/closures/*").hasRole("OPS")
                        .anyExchange().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, failure) -> unauthorized(problems, exchange,
                                "send an X-API-Key (agencies) or an Authorization: Bearer token (apps)"))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                Problems.create(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "your credentials do not allow this"), null)));
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(token -> caller(token, settings)))
                    .authenticationEntryPoint((exchange, failure) -> unauthorized(problems, exchange,
                            "the bearer token is not valid")));
        }
        return http.build();
    }

    @Bean
    CorsFilter corsFilter(GatewaySettings settings, ProblemResponses problems) {
        return new CorsFilter(cors(settings), problems);
    }

    /**
     * Spring Security's firewall refuses paths that could reach something else than they name (an encoded {@code ../}
     * or slash, a NUL, a backslash) and malformed headers, with an empty 400: made a problem that says so.
     */
    @Bean
    static BeanPostProcessor firewallRefusalsAsProblems(ObjectProvider<ProblemResponses> problems) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> {
                        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                        return problems.getObject().write(exchange, Problems.create(HttpStatus.BAD_REQUEST,
                                "request-rejected", "Request rejected", "the request's path or headers are not "
                                        + "accepted: " + rejected.getMessage()), null);
                    });
                }
                return bean;
            }
        };
    }

    private static Mono<CallerAuthentication> caller(Jwt token, GatewaySettings settings) {
        String agency = token.getClaimAsString(settings.jwt().agencyClaim());
        if (agency == null || agency.isBlank()) {
            return Mono.error(new InvalidBearerTokenException("the token names no agency ("
                    + settings.jwt().agencyClaim() + ")"));
        }
        Object claimed = token.getClaims().get(settings.jwt().rolesClaim());
        Set<String> roles = new HashSet<>();
        if (claimed instanceof Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        } else if (claimed instanceof String text) {
            roles.addAll(List.of(text.split("[ ,]+")));
        }
        if (roles.isEmpty()) {
            roles.add("AGENT");
        }
        return Mono.just(new CallerAuthentication(new Caller(agency, token.getSubject(), roles, "jwt")));
    }

    private static Mono<Void> unauthorized(ProblemResponses problems, org.springframework.web.server.ServerWebExchange
            exchange, String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer, ApiKey header=\"" + API_KEY + "\"");
        return problems.write(exchange, Problems.create(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail),
                headers);
    }

    private static CorsConfigurationSource cors(GatewaySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", API_KEY, "Content-Type", "Idempotency-Key", "Accept-Language",
                "If-None-Match", "If-Match", "traceparent", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location", "ETag", "Link", "X-Total-Count", "Retry-After", "RateLimit",
                "RateLimit-Policy", "X-RateLimit-Remaining", "X-RateLimit-Burst-Capacity", "X-RateLimit-Replenish-Rate",
                "Idempotent-Replayed", "traceparent"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
