package travel.amur.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.common.testing.ApiContract;
import travel.amur.common.testing.MutableClock;
import travel.amur.common.testing.ServiceFleet;
import travel.amur.flight.FlightServiceApplication;
import travel.amur.flight.schedule.model.PlannedFlight;
import travel.amur.gateway.support.RealRedis;
import travel.amur.gateway.support.StubService;
import travel.amur.gateway.support.Tokens;
import travel.amur.itinerary.ItineraryServiceApplication;

/**
 * The gateway in front of the real flight and itinerary services (on real PostgreSQL and Kafka) and a stub visa
 * service that echoes what it receives.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:gateway-test.properties")
@AutoConfigureWebTestClient
@Import({RealRedis.class, GatewayAgainstServicesTest.Contract.class})
class GatewayAgainstServicesTest {

    /**
     * Answers of the real flight and itinerary services through the gateway are held against the API document; the
     * visa service here is a stub that echoes, the documents and preflights are not operations of the API, and one
     * test probes a write to the catalog, which is no operation either.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Contract {

        // As patient as the fleet's own clients: the first call to a service just started in this JVM can take
        // seconds on two busy cores (CI once took more than the default 5 s for the first GET /api/webhooks).
        @Bean
        WebTestClientBuilderCustomizer apiContract() {
            return builder -> builder.responseTimeout(Duration.ofSeconds(20)).filter(ApiContract.validatingExcept(request -> request.method() == HttpMethod.OPTIONS
                    || request.method() == HttpMethod.POST && request.url().getPath().equals("/api/catalog/attractions")
                    || request.url().getPath().startsWith("/api/visa/")
                    || request.url().getPath().matches("/api/(openapi|asyncapi)\\..*|/api/docs.*")));
        }
    }

    static final String TAIGA = "taiga-test-key";
    static final String SONGHUA = "songhua-test-key";
    static final String OPS = "ops-test-key";

    /** The gateway's Spring Security is on this class path; the services themselves run without it, as deployed. */
    static final String NO_SECURITY = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
            + "ReactiveManagementWebSecurityAutoConfiguration";

    static ServiceFleet fleet;
    static StubService visa;

    @Autowired WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        fleet = new ServiceFleet(new MutableClock(Instant.parse("2027-01-04T00:00:00Z")));
        visa = new StubService();
        fleet.add(FlightServiceApplication.CONFIG_NAME, FlightServiceApplication.class, NO_SECURITY)
                .add(ItineraryServiceApplication.CONFIG_NAME, ItineraryServiceApplication.class, NO_SECURITY,
                        "--amur.itinerary.clients.flight-service-url=" + fleet.url(FlightServiceApplication.CONFIG_NAME),
                        "--amur.itinerary.clients.visa-service-url=" + visa.url())
                .startAll();
        registry.add("amur.services.flight", () -> fleet.url(FlightServiceApplication.CONFIG_NAME));
        registry.add("amur.services.itinerary", () -> fleet.url(ItineraryServiceApplication.CONFIG_NAME));
        registry.add("amur.services.visa", visa::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", Tokens::publicKeyLocation);
    }

    @AfterAll
    static void stopServices() {
        fleet.close();
        visa.close();
    }

    @Test
    void each_path_reaches_its_service() {
        get("/api/flights/routes", TAIGA).expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.flightNumber == 'HZ4698')]").exists();
        web.get().uri("/api/catalog/attractions/st-sophia-cathedral").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.city").isEqualTo("Harbin");
        web.post().uri("/api/visa/eligibility").header("X-API-Key", TAIGA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/visa/eligibility");
    }

    @Test
    void without_credentials_only_health_the_catalog_and_the_documents_are_open() {
        web.get().uri("/api/flights/routes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
        get("/api/flights/routes", "not-a-key").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("X-API-Key"));
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/api/openapi.json").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.servers[0].variables.gateway.default").isEqualTo("http://127.0.0.1:8080");
        web.get().uri("/api/openapi.yaml").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/yaml");
        web.get().uri("/api/asyncapi.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.asyncapi").isEqualTo("3.0.0")
                .jsonPath("$.channels.flightCommands.address").isEqualTo("amur.flight.commands")
                .jsonPath("$.components.schemas['travel.amur.flight.HoldSeats.v1'].required").exists();
        web.post().uri("/api/catalog/attractions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void the_swagger_ui_opens_without_a_key_on_the_public_document() {
        web.get().uri("/api/docs").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("/api/docs/swagger-ui-bundle.js"));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css")) {
            web.get().uri("/api/docs/" + file).exchange().expectStatus().isOk();
        }
        web.get().uri("/api/docs/initializer.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/api/openapi.json"));
        String etag = web.get().uri("/api/openapi.json").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        web.get().uri("/api/openapi.json").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void cancelling_a_flight_needs_the_ops_role() {
        web.post().uri("/api/flights/{id}/disruptions", UUID.randomUUID()).header("X-API-Key", TAIGA)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\":\"CANCELLED\",\"reason\":\"test\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/flights/{id}/disruptions", UUID.randomUUID()).header("X-API-Key", OPS)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\":\"CANCELLED\",\"reason\":\"test\"}").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void closing_an_attraction_needs_the_ops_role_and_webhooks_reach_the_itinerary_service() {
        web.post().uri("/api/catalog/attractions/siberian-tiger-park/closures").header("X-API-Key", TAIGA)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"from\":\"2030-01-01\",\"reason\":\"test\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.delete().uri("/api/catalog/attractions/siberian-tiger-park/closures/{id}", UUID.randomUUID())
                .header("X-API-Key", TAIGA).exchange().expectStatus().isForbidden();
        web.post().uri("/api/catalog/attractions/no-such-place/closures").header("X-API-Key", OPS)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"from\":\"2030-01-01\",\"reason\":\"test\"}").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/webhooks").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/webhooks").header("X-API-Key", TAIGA).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void changing_a_visa_policy_needs_the_ops_role() {
        web.patch().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL").header("X-API-Key", TAIGA)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"entryTo\":\"2030-01-01\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.patch().uri("/api/visa/policies/CN-RU-VISA-FREE-TRIAL").header("X-API-Key", OPS)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"entryTo\":\"2030-01-01\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo("AGENT,OPS");
        web.get().uri("/api/visa/policies").header("X-API-Key", TAIGA).exchange().expectStatus().isOk();
    }

    @Test
    void an_agency_authorised_for_group_tours_is_said_to_be_so_to_the_services() {
        web.post().uri("/api/visa/eligibility").header("X-API-Key", SONGHUA)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agency").isEqualTo("songhua-tours")
                .jsonPath("$.groupTours").isEqualTo("true");
    }

    @Test
    void a_spoofed_agency_header_is_replaced_and_credentials_never_reach_the_services() {
        var answer = web.post().uri("/api/visa/eligibility").header("X-API-Key", TAIGA)
                .header("X-Agency-Id", "songhua-tours").header("X-Roles", "OPS").header("X-User-Id", "admin")
                .header("X-Agency-Group-Tours", "true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agency").isEqualTo("taiga-travel")
                .jsonPath("$.roles").isEqualTo("AGENT")
                .jsonPath("$.groupTours").isEqualTo("false")
                .jsonPath("$.user").isEqualTo("key:taiga")
                .jsonPath("$.apiKey").isEqualTo("null")
                .returnResult();
        String toClient = answer.getResponseHeaders().getFirst("traceparent");
        String toService = com.jayway.jsonpath.JsonPath.read(new String(answer.getResponseBodyContent()),
                "$.traceparent");
        // One trace from the client's answer to the service's log lines: the trace id (2nd field) is the same.
        assertThat(toClient).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(toService.split("-")[1]).isEqualTo(toClient.split("-")[1]);
        web.get().uri("/api/catalog/attractions/st-sophia-cathedral").header("X-Agency-Id", "taiga-travel")
                .exchange().expectStatus().isOk();
    }

    @Test
    void another_agencys_hold_and_itinerary_are_404s_through_the_gateway() {
        UUID flight = PlannedFlight.idOf("HZ4698", java.time.LocalDate.parse("2027-01-13"));
        String hold = (String) web.post().uri("/api/flights/holds").header("X-API-Key", TAIGA)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("flightId", flight.toString(), "passengers", 1)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("holdId");

        get("/api/flights/holds/" + hold, SONGHUA).expectStatus().isNotFound();
        web.delete().uri("/api/flights/holds/" + hold).header("X-API-Key", SONGHUA).exchange()
                .expectStatus().isNotFound();
        get("/api/flights/holds/" + hold, TAIGA).expectStatus().isOk();

        String itinerary = (String) web.post().uri("/api/itineraries").header("X-API-Key", TAIGA)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(trip()).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("/api/itineraries/" + itinerary, SONGHUA).expectStatus().isNotFound();
        web.put().uri("/api/itineraries/" + itinerary).header("X-API-Key", SONGHUA)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(trip()).exchange().expectStatus().isNotFound();
        get("/api/itineraries/" + itinerary, TAIGA).expectStatus().isOk();
    }

    @Test
    void a_mobile_app_calls_with_a_token_naming_its_agency_and_user() {
        String token = Tokens.forAgency("songhua-tours", "wang.li", List.of("AGENT"), Instant.now().plusSeconds(600));

        web.post().uri("/api/visa/eligibility").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agency").isEqualTo("songhua-tours")
                .jsonPath("$.user").isEqualTo("wang.li")
                .jsonPath("$.authorization").isEqualTo("null");
    }

    @Test
    void expired_forged_or_agencyless_tokens_are_401s() {
        bearer(Tokens.forAgency("songhua-tours", "wang.li", List.of("AGENT"), Instant.now().minusSeconds(120)));
        bearer(Tokens.forged("songhua-tours"));
        bearer(Tokens.forAgency(null, "wang.li", List.of("AGENT"), Instant.now().plusSeconds(600)));
    }

    @Test
    void a_browser_front_end_on_an_allowed_origin_passes_the_cors_preflight_and_others_do_not() {
        web.options().uri("/api/flights/search").header(HttpHeaders.ORIGIN, "https://app.amur.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "X-API-Key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.amur.example");
        web.options().uri("/api/flights/search").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers_carry_security_headers_and_oversized_bodies_are_refused() {
        get("/api/flights/routes", TAIGA).expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("X-RateLimit-Remaining");
        web.post().uri("/api/visa/eligibility").header("X-API-Key", TAIGA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"x\":\"" + "a".repeat(70_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec get(String path, String key) {
        return web.method(HttpMethod.GET).uri(path).header("X-API-Key", key).exchange();
    }

    private void bearer(String token) {
        web.get().uri("/api/flights/routes").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> trip() {
        return Map.of("destination", "CN", "purpose", "TOURISM",
                "travellers", List.of(Map.of("firstName", "Ivan", "lastName", "Petrov", "nationality", "RU",
                        "passportType", "ORDINARY", "passportNumber", "751234567", "passportExpiry", "2031-05-20",
                        "birthDate", "1985-03-02")),
                "outboundFlightId", PlannedFlight.idOf("HZ4698", java.time.LocalDate.parse("2027-01-06")).toString(),
                "returnFlightId", PlannedFlight.idOf("HZ4699", java.time.LocalDate.parse("2027-01-09")).toString(),
                "activities", List.of());
    }
}
