package travel.amur.gateway.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.util.TestSocketUtils;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for a service where a fault must be injected: it answers with a chosen status after a
 * chosen delay, can go down and come back on its port, counts its requests, and echoes the headers it received.
 */
public final class StubService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port = TestSocketUtils.findAvailableTcpPort();
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, Duration.ZERO, 0));
    private final AtomicInteger hits = new AtomicInteger();
    private volatile DisposableServer server;

    private record Answer(int status, Duration delay, int failuresFirst) {
    }

    public StubService() {
        up();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int hits() {
        return hits.get();
    }

    public void answer(int status, Duration delay) {
        answer.set(new Answer(status, delay, 0));
    }

    /** Fails the next {@code count} requests with {@code status}, then answers 200. */
    public void failNext(int count, int status) {
        answer.set(new Answer(status, Duration.ZERO, count));
    }

    public synchronized void down() {
        if (server != null) {
            server.disposeNow();
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            server = HttpServer.create().host("127.0.0.1").port(port)
                    .handle((request, response) -> {
                        hits.incrementAndGet();
                        Answer now = answer.get();
                        int status = now.status();
                        if (now.failuresFirst() > 0) {
                            int left = now.failuresFirst() - 1;
                            answer.compareAndSet(now, new Answer(left == 0 ? 200 : now.status(), now.delay(), left));
                        }
                        String body = JSON.writeValueAsString(echo(request));
                        return request.receive().then()
                                .then(Mono.delay(now.delay()))
                                .then(response.status(status).header("Content-Type", "application/json")
                                        .sendString(Mono.just(body)).then());
                    })
                    .bindNow();
        }
    }

    private static Map<String, String> echo(HttpServerRequest request) {
        return Map.of(
                "path", request.uri(),
                "agency", String.valueOf(request.requestHeaders().get("X-Agency-Id")),
                "user", String.valueOf(request.requestHeaders().get("X-User-Id")),
                "roles", String.valueOf(request.requestHeaders().get("X-Roles")),
                "groupTours", String.valueOf(request.requestHeaders().get("X-Agency-Group-Tours")),
                "traceparent", String.valueOf(request.requestHeaders().get("traceparent")),
                "apiKey", String.valueOf(request.requestHeaders().get("X-API-Key")),
                "authorization", String.valueOf(request.requestHeaders().get("Authorization")));
    }

    @Override
    public void close() {
        down();
    }
}
