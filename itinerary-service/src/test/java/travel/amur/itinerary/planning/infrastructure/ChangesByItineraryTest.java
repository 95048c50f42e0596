package travel.amur.itinerary.planning.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import travel.amur.itinerary.planning.application.Itineraries;

class ChangesByItineraryTest {

    final Sinks.Many<UUID> notified = Sinks.many().multicast().directBestEffort();
    final AtomicInteger listens = new AtomicInteger();
    final ChangesByItinerary changes = new ChangesByItinerary(notified.asFlux().doOnSubscribe(s -> listens.incrementAndGet()));

    final UUID harbin = UUID.randomUUID();
    final UUID sakhalin = UUID.randomUUID();

    @Test
    void a_follower_hears_of_its_own_itinerary_and_of_a_reconnect_but_not_of_other_trips() {
        List<UUID> heardByHarbin = new CopyOnWriteArrayList<>();
        List<UUID> heardBySakhalin = new CopyOnWriteArrayList<>();
        changes.of(harbin).subscribe(heardByHarbin::add);
        changes.of(sakhalin).subscribe(heardBySakhalin::add);

        notified.tryEmitNext(harbin);
        notified.tryEmitNext(UUID.randomUUID());
        notified.tryEmitNext(Itineraries.ANY);

        assertThat(heardByHarbin).containsExactly(harbin, Itineraries.ANY);
        assertThat(heardBySakhalin).containsExactly(Itineraries.ANY);
    }

    @Test
    void many_followers_share_one_listening_subscription_and_those_who_leave_are_forgotten() {
        List<Disposable> streams = List.of(changes.of(harbin).subscribe(), changes.of(harbin).subscribe(),
                changes.of(sakhalin).subscribe());
        assertThat(listens).hasValue(1);
        assertThat(changes.followed()).isEqualTo(2);

        streams.forEach(Disposable::dispose);

        assertThat(changes.followed()).isZero();
        List<UUID> heard = new CopyOnWriteArrayList<>();
        changes.of(harbin).subscribe(heard::add);
        notified.tryEmitNext(harbin);
        assertThat(heard).containsExactly(harbin);
        assertThat(listens).hasValue(1);
    }
}
