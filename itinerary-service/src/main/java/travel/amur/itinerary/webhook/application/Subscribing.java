package travel.amur.itinerary.webhook.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.webhook.model.Signature;
import travel.amur.itinerary.webhook.model.Webhook;

/** Registers an agency's webhooks (checking where they point), lists and removes them. */
@Service
public class Subscribing {

    private final WebhookStore store;
    private final TargetCheck targets;
    private final WebhookPolicy policy;
    private final Clock clock;

    Subscribing(WebhookStore store, TargetCheck targets, WebhookPolicy policy, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.policy = policy;
        this.clock = clock;
    }

    /** A field of the request and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    /** What registering came to. */
    public sealed interface Outcome permits Registered, Invalid, TooMany {
    }

    /** Registered; the secret is shown this once. */
    public record Registered(Webhook webhook, String secret) implements Outcome {
    }

    public record Invalid(List<Problem> problems) implements Outcome {
    }

    public record TooMany(int limit) implements Outcome {
    }

    public Mono<Outcome> register(String agencyId, String url, List<String> events) {
        List<Problem> problems = new ArrayList<>();
        if (events == null || events.isEmpty()) {
            problems.add(new Problem("events", "name at least one of " + Webhook.EVENTS.stream().sorted().toList()));
        } else {
            for (int i = 0; i < events.size(); i++) {
                if (!Webhook.EVENTS.contains(events.get(i))) {
                    problems.add(new Problem("events[" + i + "]", "must be one of "
                            + Webhook.EVENTS.stream().sorted().toList()));
                }
            }
        }
        URI target = parse(url, problems);
        Mono<List<Problem>> checked = target == null ? Mono.just(problems)
                : targets.refusal(target).map(refused -> {
                    refused.ifPresent(why -> problems.add(new Problem("url", why)));
                    return problems;
                });
        return checked.flatMap(found -> {
            if (!found.isEmpty()) {
                return Mono.just((Outcome) new Invalid(found));
            }
            return store.count(agencyId).flatMap(count -> {
                if (count >= policy.perAgency()) {
                    return Mono.just((Outcome) new TooMany(policy.perAgency()));
                }
                Webhook webhook = new Webhook(UUID.randomUUID(), agencyId, target.toString(),
                        events.stream().distinct().toList(), clock.instant());
                String secret = Signature.newSecret();
                return store.add(webhook, secret).thenReturn((Outcome) new Registered(webhook, secret));
            });
        });
    }

    public Flux<Webhook> list(String agencyId) {
        return store.list(agencyId);
    }

    public Mono<Boolean> delete(String agencyId, UUID webhookId) {
        return store.delete(agencyId, webhookId);
    }

    private static URI parse(String url, List<Problem> problems) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            problems.add(new Problem("url", "is required (an https URL of at most 2000 characters)"));
            return null;
        }
        try {
            URI parsed = new URI(url);
            if (parsed.getHost() == null || parsed.getScheme() == null) {
                problems.add(new Problem("url", "must be an absolute URL with a host"));
                return null;
            }
            return parsed;
        } catch (URISyntaxException e) {
            problems.add(new Problem("url", "is not a URL: " + e.getReason()));
            return null;
        }
    }
}
