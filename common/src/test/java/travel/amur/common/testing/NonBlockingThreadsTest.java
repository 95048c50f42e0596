package travel.amur.common.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

class NonBlockingThreadsTest {

    @Test
    void a_blocking_call_on_a_non_blocking_thread_fails_the_test() {
        NonBlockingThreads.guard();

        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .block())
                .hasCauseInstanceOf(BlockingOperationError.class);
    }
}
