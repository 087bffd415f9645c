package dev.warden.limits;

import dev.warden.redis.FailurePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailoverRateLimiterTest {
    private static final Instant T0 = RateLimiterContract.T0;
    /** A hang guard, not a performance target: the socket timeout is 200 ms. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Limit RPM = RateLimiterContract.rpm("key:k:rpm", 3, 3);
    private static final Concurrency PARALLEL = new Concurrency("key:k:parallel", 1, Duration.ofMinutes(1));

    @ParameterizedTest
    @EnumSource(FailurePolicy.class)
    void aClosedPortIsAnsweredByThePolicyWithinTheBound(FailurePolicy policy) {
        try (var redis = RedisRateLimiter.connect("127.0.0.1", 1, "warden:rl:", Duration.ofMillis(200))) {
            var limiter = failover(redis, policy);
            var decisions = new ArrayList<Decision>();
            for (int i = 0; i < 4; i++) {
                decisions.add(bounded(() -> limiter.acquire(List.of(RPM), 0, T0)));
            }
            var slots = List.of(bounded(() -> limiter.acquireSlot(PARALLEL, T0)),
                    bounded(() -> limiter.acquireSlot(PARALLEL, T0)));
            switch (policy) {
                case FAIL_OPEN -> {
                    assertThat(decisions).containsOnly(new Decision.Allowed(List.of()));
                    assertThat(slots).allMatch(SlotDecision.Granted.class::isInstance);
                }
                case FAIL_CLOSED -> {
                    assertThat(decisions).allMatch(Decision.Unavailable.class::isInstance);
                    assertThat(slots).allMatch(SlotDecision.Unavailable.class::isInstance);
                }
                case LOCAL -> {
                    assertThat(decisions).extracting(Object::getClass).containsExactly(Decision.Allowed.class,
                            Decision.Allowed.class, Decision.Allowed.class, Decision.Refused.class);
                    assertThat(slots.get(0)).isInstanceOf(SlotDecision.Granted.class);
                    assertThat(slots.get(1)).isInstanceOf(SlotDecision.Busy.class);
                }
            }
            assertThat(limiter.circuit().fallbacks()).isEqualTo(6);
            assertThat(limiter.circuit().errors()).isEqualTo(3);
            assertThat(limiter.circuit().skipped()).isEqualTo(3);
        }
    }

    @Test
    void aRedisThatAcceptsButNeverAnswersCostsOneTimeoutPerCallUntilTheCircuitOpens() throws Exception {
        try (var silent = new SilentServer();
                var redis = RedisRateLimiter.connect("127.0.0.1", silent.port(), "warden:rl:",
                        Duration.ofMillis(200))) {
            var limiter = failover(redis, FailurePolicy.FAIL_OPEN);
            for (int i = 0; i < 3; i++) {
                var started = System.nanoTime();
                assertThat(bounded(() -> limiter.acquire(List.of(RPM), 0, T0)))
                        .isEqualTo(new Decision.Allowed(List.of()));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(
                        Duration.ofMillis(150));
            }
            for (int i = 0; i < 50; i++) {
                bounded(() -> limiter.acquire(List.of(RPM), 0, T0.plusMillis(999)));
            }
            assertThat(limiter.circuit().errors()).isEqualTo(3);
            assertThat(limiter.circuit().skipped()).isEqualTo(50);
            bounded(() -> limiter.acquire(List.of(RPM), 0, T0.plusSeconds(1)));
            bounded(() -> limiter.acquire(List.of(RPM), 0, T0.plusSeconds(1)));
            assertThat(limiter.circuit().errors()).as("one probe per open interval").isEqualTo(4);
            assertThat(limiter.circuit().skipped()).isEqualTo(51);
        }
    }

    @Test
    void connectionsKilledMidTestAreReplacedAndEveryCallStaysBounded() {
        try (var fixture = new RedisFixture();
                var redis = new RedisRateLimiter(fixture.client(), fixture.prefix, () -> UUID.randomUUID().toString())) {
            var limiter = failover(redis, FailurePolicy.FAIL_CLOSED);
            var limit = RateLimiterContract.rpm("key:k:rpm", 100, 100);
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.acquire(List.of(limit), 0, T0)).isInstanceOf(Decision.Allowed.class);
            }
            assertThat(fixture.killConnections()).isPositive();
            var after = new ArrayList<Decision>();
            for (int i = 0; i < 3; i++) {
                after.add(bounded(() -> limiter.acquire(List.of(limit), 0, T0)));
            }
            var last = (Decision.Allowed) after.getLast();
            long answeredByRedis = after.stream().filter(Decision.Allowed.class::isInstance).count();
            assertThat(last.quotas().getFirst().remaining()).as("Redis kept the earlier charges")
                    .isEqualTo(100 - 5 - answeredByRedis);
            assertThat(limiter.circuit().errors()).isLessThan(3);
        }
    }

    @Test
    void aProbeThatSucceedsClosesTheCircuit() {
        var flaky = new FlakyLimiter();
        var limiter = failover(flaky, FailurePolicy.FAIL_CLOSED);
        flaky.down = true;
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(List.of(RPM), 0, T0)).isInstanceOf(Decision.Unavailable.class);
        }
        flaky.down = false;
        assertThat(limiter.acquire(List.of(RPM), 0, T0.plusMillis(500)))
                .as("still open: Redis is not asked").isInstanceOf(Decision.Unavailable.class);
        assertThat(limiter.acquire(List.of(RPM), 0, T0.plusSeconds(1))).isInstanceOf(Decision.Allowed.class);
        assertThat(limiter.acquire(List.of(RPM), 0, T0.plusSeconds(1))).isInstanceOf(Decision.Allowed.class);
        assertThat(flaky.calls).isEqualTo(5);
    }

    @Test
    void settleAndReleaseGoWhereThePolicyDecided() {
        var flaky = new FlakyLimiter();
        var limiter = failover(flaky, FailurePolicy.LOCAL);
        var tokens = RateLimiterContract.tpm("key:k:tpm", 100);
        flaky.down = true;
        assertThat(limiter.acquire(List.of(tokens), 100, T0)).isInstanceOf(Decision.Allowed.class);
        limiter.settle(tokens, -100, T0);
        assertThat(limiter.acquire(List.of(tokens), 100, T0)).as("the local bucket got the tokens back")
                .isInstanceOf(Decision.Allowed.class);
        var lease = ((SlotDecision.Granted) limiter.acquireSlot(PARALLEL, T0)).lease();
        assertThat(limiter.acquireSlot(PARALLEL, T0)).isInstanceOf(SlotDecision.Busy.class);
        limiter.release(lease);
        assertThat(limiter.acquireSlot(PARALLEL, T0)).isInstanceOf(SlotDecision.Granted.class);
    }

    private static FailoverRateLimiter failover(RateLimiter primary, FailurePolicy policy) {
        return new FailoverRateLimiter(primary, policy, new InMemoryRateLimiter(() -> UUID.randomUUID().toString()),
                3, Duration.ofSeconds(1), () -> UUID.randomUUID().toString());
    }

    private static <T> T bounded(Supplier<T> call) {
        var started = System.nanoTime();
        var result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        return result;
    }

    /** Stands in for Redis going away and coming back, which the real tests above cannot script. */
    private static final class FlakyLimiter implements RateLimiter {
        private final InMemoryRateLimiter inner = InMemoryRateLimiter.create();
        volatile boolean down;
        int calls;

        @Override
        public Decision acquire(List<Limit> limits, long tokens, Instant now) {
            calls++;
            check();
            return inner.acquire(limits, tokens, now);
        }

        @Override
        public void settle(List<Limit> limits, long delta, Instant now) {
            check();
            inner.settle(limits, delta, now);
        }

        @Override
        public SlotDecision acquireSlots(List<Concurrency> limits, Instant now) {
            check();
            return inner.acquireSlots(limits, now);
        }

        @Override
        public void release(List<Lease> leases) {
            check();
            inner.release(leases);
        }

        private void check() {
            if (down) {
                throw new LimiterUnavailableException("down", new IOException("down"));
            }
        }
    }

    /** Accepts connections and never answers: a Redis that hangs. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::acceptAll);

        SilentServer() throws IOException {}

        int port() {
            return server.getLocalPort();
        }

        private void acceptAll() {
            try {
                while (!server.isClosed()) {
                    var socket = server.accept();
                    synchronized (accepted) {
                        accepted.add(socket);
                    }
                }
            } catch (IOException closed) {
                // the server was closed: the test is over
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (var socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
