package travel.amur.itinerary.webhook.application;

import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.webhook.model.Targets;

/**
 * Whether a webhook URL may be called now: its shape, then (unless it is the local exception) every address its
 * host resolves to. Asked at registration and again before each attempt, since a host may resolve elsewhere later.
 */
@Component
class TargetCheck {

    private final Receivers receivers;
    private final WebhookPolicy policy;

    TargetCheck(Receivers receivers, WebhookPolicy policy) {
        this.receivers = receivers;
        this.policy = policy;
    }

    /** Why the URL may not be called; empty when it may. */
    Mono<Optional<String>> refusal(URI url) {
        Optional<String> shape = Targets.refusal(url, policy.loopbackAllowed());
        if (shape.isPresent() || Targets.local(url, policy.loopbackAllowed())) {
            return Mono.just(shape);
        }
        return receivers.resolve(url.getHost()).map(addresses -> Targets.refusal(url.getHost(), addresses));
    }
}
