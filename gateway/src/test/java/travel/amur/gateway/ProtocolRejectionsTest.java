package travel.amur.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.gateway.support.RealRedis;
import travel.amur.gateway.support.StubService;

/**
 * Requests refused at the protocol level, written byte by byte as a hostile or broken client would send them: each
 * answer is a problem that says what was refused, never an empty body, and none reaches a service.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:gateway-test.properties")
@AutoConfigureWebTestClient
@Import(RealRedis.class)
class ProtocolRejectionsTest {

    static final StubService services = new StubService();

    @LocalServerPort int port;

    @Autowired WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("amur.services.flight", services::url);
        registry.add("amur.services.visa", services::url);
        registry.add("amur.services.itinerary", services::url);
    }

    @AfterAll
    static void stopStub() {
        services.close();
    }

    @Test
    void trace_is_a_405_problem_that_lists_the_methods_in_use() {
        String answer = send("TRACE /api/flights/routes HTTP/1.1\r\nHost: amur\r\nX-API-Key: taiga-test-key\r\n");
        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer).containsIgnoringCase("Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    }

    @Test
    void a_uri_over_8_kb_is_a_414_problem() {
        String answer = send("GET /api/flights/routes?q=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: amur\r\n");
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void headers_over_16_kb_are_a_431_problem() {
        String answer = send("GET /api/flights/routes HTTP/1.1\r\nHost: amur\r\nX-Padding: " + "a".repeat(17_000)
                + "\r\n");
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void an_encoded_dot_dot_a_nul_or_an_encoded_slash_in_the_path_is_a_400_problem() {
        for (String path : new String[] {"/api/flights/%2e%2e/%2e%2e/actuator/env", "/api/flights/routes%00",
                "/api/flights/..%2factuator", "/api/flights/%5c..%5cactuator"}) {
            int before = services.hits();
            String answer = send("GET " + path + " HTTP/1.1\r\nHost: amur\r\nX-API-Key: taiga-test-key\r\n");
            assertProblem(answer, 400, "request-rejected");
            assertThat(services.hits()).as(path + " reached no service").isEqualTo(before);
        }
    }

    @Test
    void a_cross_origin_request_from_an_origin_not_listed_is_a_403_problem() {
        web.options().uri("/api/flights/search").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://amur.travel/problems/cors-refused")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("https://evil.example"));
        web.get().uri("/api/flights/routes").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header("X-API-Key", "taiga-test-key")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/flights/routes").header(HttpHeaders.ORIGIN, "https://app.amur.example")
                .header("X-API-Key", "taiga-test-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.amur.example");
    }

    private static void assertProblem(String answer, int status, String type) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(body(answer)).contains("\"type\":\"https://amur.travel/problems/" + type + "\"")
                .contains("\"status\":" + status).contains("\"detail\":");
    }

    private static String body(String answer) {
        int start = answer.indexOf("\r\n\r\n");
        return start < 0 ? "" : answer.substring(start + 4);
    }

    /** Sends the request head exactly as written, then reads the answer until the gateway closes the connection. */
    private String send(String head) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not talk to the gateway", e);
        }
    }
}
