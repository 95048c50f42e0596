package travel.amur.flight.hold.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import travel.amur.common.config.RepeatingTask;
import travel.amur.flight.hold.application.ChangingHolds;
import travel.amur.flight.hold.application.HoldPolicy;

/** Releases holds past their time, every {@code amur.flight.holds.expiry-interval}, in every instance. */
@Configuration(proxyBeanMethods = false)
class HoldExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);
    private static final int BATCH = 200;

    @Bean
    RepeatingTask holdExpiry(ChangingHolds changing, HoldPolicy policy) {
        return new RepeatingTask("hold expiry", policy.expiryInterval(), policy.expiryInterval(),
                () -> expireAllDue(changing).doOnNext(expired -> {
                    if (expired > 0) {
                        log.info("expired {} holds", expired);
                    }
                }));
    }

    /** Expires every due hold, batch after batch. */
    static Mono<Integer> expireAllDue(ChangingHolds changing) {
        return Mono.defer(() -> changing.expireDue(BATCH)).repeat()
                .takeUntil(expired -> expired < BATCH)
                .reduce(0, Integer::sum);
    }
}
