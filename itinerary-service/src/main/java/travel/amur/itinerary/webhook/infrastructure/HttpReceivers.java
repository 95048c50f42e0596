package travel.amur.itinerary.webhook.infrastructure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import travel.amur.itinerary.webhook.application.Receivers;
import travel.amur.itinerary.webhook.application.WebhookPolicy;

/**
 * Posts deliveries with a plain WebClient: no load balancing, no redirects followed (a redirect could lead inside),
 * the receiver's body read and dropped.
 */
@Component
class HttpReceivers implements Receivers {

    private final WebClient http;
    private final WebhookPolicy policy;

    HttpReceivers(WebClient.Builder builder, WebhookPolicy policy) {
        this.http = builder.build();
        this.policy = policy;
    }

    @Override
    public Mono<Answer> post(URI url, Map<String, String> headers, String body) {
        return http.post().uri(url)
                .headers(h -> headers.forEach(h::set))
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(new Answer(response.statusCode().value(), null)))
                .timeout(policy.timeout())
                .onErrorResume(e -> Mono.just(new Answer(null, describe(e))));
    }

    @Override
    public Mono<List<InetAddress>> resolve(String host) {
        return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
                .onErrorResume(UnknownHostException.class, e -> Mono.just(List.of()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
