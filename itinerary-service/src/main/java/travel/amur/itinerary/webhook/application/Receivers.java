package travel.amur.itinerary.webhook.application;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The agencies' webhook receivers, over HTTP. */
public interface Receivers {

    /** What a receiver answered: its status, or no status and what went wrong. */
    record Answer(Integer status, String error) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    Mono<Answer> post(URI url, Map<String, String> headers, String body);

    /** The addresses a host resolves to (off the event loop: resolving may block). */
    Mono<List<InetAddress>> resolve(String host);
}
