package dev.warden.limits;

import dev.warden.redis.FailurePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.Access;
import dev.warden.identity.LimitLine;
import dev.warden.identity.Limits;
import dev.warden.identity.Owner;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.Usage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LimitStageTest {
    private static final Principal KEY = new Principal("key_123", Principal.Kind.VIRTUAL_KEY, Owner.NONE,
            Access.UNRESTRICTED, Set.of(), List.of());

    private final AtomicReference<Instant> now = new AtomicReference<>(RateLimiterContract.T0);
    private final InstantSource clock = () -> now.get();
    private final InMemoryRateLimiter limiter = InMemoryRateLimiter.create();

    private LimitStage stage(Limits limits) {
        return new LimitStage(limiter, (principal, operation) -> limits.none() ? List.of()
                : List.of(new LimitLine("key:key_123", limits)), clock, Duration.ofMinutes(10));
    }

    private static Limits limits(Long rpm, Long tpm, Integer parallel) {
        return new Limits(rpm, tpm, parallel, null, null);
    }

    /** 400 characters of input (100 tokens) and max_tokens 50: an estimate of 150. */
    private static Exchange chat() {
        var request = new ChatRequest("gpt-4o", List.of(Message.text(Role.USER, "x".repeat(400))),
                Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null, null, false, false, null, Map.of());
        var operation = new Operation.Chat(request);
        var exchange = new Exchange("req_1", "openai", "/v1/chat/completions", RateLimiterContract.T0,
                System.nanoTime(), "wk-secret", () -> operation, event -> { });
        exchange.principal(KEY);
        exchange.operation(operation);
        return exchange;
    }

    private static Stage.Chain answering(long totalTokens) {
        return exchange -> new Reply.Chat(new ChatResponse("c1", "gpt-4o", 0, List.of(),
                Usage.of(totalTokens, 0), null));
    }

    @Test
    void requestsBeyondTheRpmAre429WithRetryAfter() {
        var stage = stage(limits(2L, null, null));
        assertThat(stage.apply(chat(), answering(10))).isInstanceOf(Reply.Chat.class);
        assertThat(stage.apply(chat(), answering(10))).isInstanceOf(Reply.Chat.class);
        var refused = (Reply.Failure) stage.apply(chat(), answering(10));
        var error = (ApiError.RateLimited) refused.error();
        assertThat(error.retryAfterSeconds()).isEqualTo(30);
        assertThat(error.message()).contains("key:key_123: 2 requests per minute").contains("30s");
        now.set(now.get().plusSeconds(30));
        assertThat(stage.apply(chat(), answering(10))).isInstanceOf(Reply.Chat.class);
    }

    @Test
    void tokensAreChargedByEstimateAndSettledByUsage() {
        var stage = stage(limits(null, 1_000L, null));
        var tpm = Limit.perMinute("key:key_123:tpm", Measure.TOKENS, 1_000);
        stage.apply(chat(), answering(400));
        var after = (Decision.Allowed) limiter.acquire(List.of(tpm), 0, now.get());
        assertThat(after.quotas().getFirst().remaining()).as("charged 150, settled to 400").isEqualTo(600);
        stage.apply(chat(), exchange -> new Reply.Failure(new ApiError.Upstream(500, "boom", null, null, null,
                null)));
        var afterFailure = (Decision.Allowed) limiter.acquire(List.of(tpm), 0, now.get());
        assertThat(afterFailure.quotas().getFirst().remaining()).as("a failed call gives back").isEqualTo(600);
    }

    @Test
    void aRequestLargerThanTheTpmIsRefusedWithoutRetryAfter() {
        var stage = stage(limits(null, 100L, null));
        var calls = new AtomicInteger();
        var reply = (Reply.Failure) stage.apply(chat(), exchange -> {
            calls.incrementAndGet();
            return answering(1).proceed(exchange);
        });
        assertThat(reply.error()).isInstanceOf(ApiError.RateLimited.class);
        assertThat(((ApiError.RateLimited) reply.error()).retryAfterSeconds()).isNull();
        assertThat(reply.error().message()).contains("Request too large").contains("150 tokens");
        assertThat(calls).hasValue(0);
    }

    @Test
    void concurrentRequestsBeyondMaxParallelAreRefusedAndSlotsComeBack() {
        var stage = stage(limits(null, null, 1));
        var inner = new AtomicReference<Reply>();
        var outer = stage.apply(chat(), exchange -> {
            inner.set(stage.apply(chat(), answering(1)));
            return answering(1).proceed(exchange);
        });
        assertThat(outer).isInstanceOf(Reply.Chat.class);
        var busy = (ApiError.RateLimited) ((Reply.Failure) inner.get()).error();
        assertThat(busy.message()).contains("1 in flight");
        assertThat(stage.apply(chat(), answering(1))).as("released after the call").isInstanceOf(Reply.Chat.class);
    }

    @Test
    void aSlotIsReleasedEvenWhenTheCallThrows() {
        var stage = stage(limits(null, null, 1));
        try {
            stage.apply(chat(), exchange -> {
                throw new IllegalStateException("upstream exploded");
            });
        } catch (IllegalStateException expected) {
            // the pipeline's edge renders it
        }
        assertThat(stage.apply(chat(), answering(1))).isInstanceOf(Reply.Chat.class);
    }

    @Test
    void unlimitedKeysAndUnmeteredOperationsPassUntouched() {
        assertThat(stage(Limits.NONE).apply(chat(), answering(1))).isInstanceOf(Reply.Chat.class);
        var models = chat();
        models.operation(new Operation.ListModels());
        var strict = stage(limits(1L, null, null));
        for (int i = 0; i < 3; i++) {
            assertThat(strict.apply(models, exchange -> new Reply.Models(List.of())))
                    .isInstanceOf(Reply.Models.class);
        }
    }

    @Test
    void aZeroLimitRefusesEverything() {
        var reply = (Reply.Failure) stage(limits(0L, null, null)).apply(chat(), answering(1));
        assertThat(reply.error().status()).isEqualTo(429);
    }

    @Test
    void anUnreachableLimiterUnderFailClosedIsA503() {
        try (var redis = RedisRateLimiter.connect("127.0.0.1", 1, "x:", Duration.ofMillis(200))) {
            var down = new FailoverRateLimiter(redis, FailurePolicy.FAIL_CLOSED, InMemoryRateLimiter.create(), 3,
                    Duration.ofSeconds(1), () -> "id");
            var stage = new LimitStage(down, (principal, operation) -> List.of(new LimitLine("key:k", limits(10L, null, null))),
                    clock, Duration.ofMinutes(1));
            var reply = (Reply.Failure) stage.apply(chat(), answering(1));
            assertThat(reply.error()).isInstanceOf(ApiError.Unavailable.class);
            assertThat(reply.error().status()).isEqualTo(503);
        }
    }

    @Test
    void tokenEstimatesCountCharactersAndTheAllowedOutput() {
        assertThat(TokenEstimate.of(chat().requireOperation())).isEqualTo(150);
    }

    @Test
    void aTeamLimitIsSharedByItsKeysAndChargedTogetherWithTheKeys() {
        var team = new LimitLine("team:team_1", limits(2L, null, null));
        var stage = new LimitStage(limiter, (principal, operation) -> List.of(
                new LimitLine("key:" + principal.id(), limits(10L, null, null)), team), clock, Duration.ofMinutes(1));
        var other = new Principal("key_456", Principal.Kind.VIRTUAL_KEY, Owner.NONE, Access.UNRESTRICTED, Set.of(),
                List.of());
        var first = chat();
        assertThat(stage.apply(first, answering(1))).isInstanceOf(Reply.Chat.class);
        assertThat(first.responseHeaders()).containsEntry("x-ratelimit-limit-requests", "2")
                .containsEntry("x-ratelimit-remaining-requests", "1")
                .containsEntry("x-ratelimit-reset-requests", "30s");
        var second = chat();
        second.principal(other);
        assertThat(stage.apply(second, answering(1))).isInstanceOf(Reply.Chat.class);
        var third = chat();
        var refused = (Reply.Failure) stage.apply(third, answering(1));
        assertThat(refused.error().message()).contains("team:team_1");
        assertThat(third.responseHeaders()).containsEntry("x-ratelimit-remaining-requests", "0")
                .doesNotContainKey("retry-after");
        var keyOnly = (Decision.Allowed) limiter.acquire(
                List.of(Limit.perMinute("key:key_123:rpm", Measure.REQUESTS, 10)), 0, now.get());
        assertThat(keyOnly.quotas().getFirst().remaining()).as("the refused request charged no scope").isEqualTo(8);
    }

    @Test
    void capacityLimitsOfTheModelAndTheGatewayHoldForEveryCallerTheMasterKeyIncluded() {
        var model = new LimitLine("model:gpt-4o", limits(2L, null, null));
        var global = new LimitLine("global", limits(100L, null, null));
        var resolver = LimitsResolver.withCapacity(Map.of("gpt-4o", List.of(model), "openai/gpt-4o-2024-08-06",
                List.of(model)), List.of(global));
        var operation = chat().requireOperation();
        assertThat(resolver.limitsOf(Principal.MASTER, operation)).containsExactly(model, global);
        var keyLine = new LimitLine("key:key_123", limits(10L, null, null));
        var limited = new Principal("key_123", Principal.Kind.VIRTUAL_KEY, Owner.NONE, Access.UNRESTRICTED,
                Set.of(), List.of(keyLine));
        assertThat(resolver.limitsOf(limited, operation)).containsExactly(keyLine, model, global);
        var otherModel = new Operation.Chat(new ChatRequest("gpt-4o-mini", List.of(Message.text(Role.USER, "hi")),
                Sampling.DEFAULTS, List.of(), null, null, null, false, false, null, Map.of()));
        assertThat(resolver.limitsOf(limited, otherModel)).containsExactly(keyLine, global);
        assertThat(LimitsResolver.withCapacity(Map.of(), List.of()).limitsOf(limited, otherModel))
                .containsExactly(keyLine);

        var stage = new LimitStage(limiter, resolver, clock, Duration.ofMinutes(1));
        var master = chat();
        master.principal(Principal.MASTER);
        assertThat(stage.apply(master, answering(1))).isInstanceOf(Reply.Chat.class);
        assertThat(stage.apply(chat(), answering(1))).isInstanceOf(Reply.Chat.class);
        var refused = (Reply.Failure) stage.apply(chat(), answering(1));
        assertThat(refused.error().message()).startsWith("Rate limit reached for model:gpt-4o: 2 requests per minute");
    }
}
