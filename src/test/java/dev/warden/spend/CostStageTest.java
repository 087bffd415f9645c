package dev.warden.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.budget.BudgetLedger;
import dev.warden.budget.BudgetLine;
import dev.warden.budget.LineState;
import dev.warden.budget.SpendQuery;
import dev.warden.budget.SpendRecord;
import dev.warden.budget.SpendRecorder;
import dev.warden.budget.SpendStore;
import dev.warden.budget.SpendTotal;
import dev.warden.budget.ThresholdCrossing;
import dev.warden.budget.Window;
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
import dev.warden.pipeline.Target;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.Price;
import dev.warden.provider.echo.EchoProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token budgets in the cost stage, with a fake chain standing in for routing and the provider. */
class CostStageTest {
    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");
    /** Seconds from NOW to the end of January, when a monthly window resets. */
    private static final long TO_MONTH_END = Duration.between(NOW, Instant.parse("2030-02-01T00:00:00Z")).toSeconds();

    /** Deployment name → what the fake price source says of it. */
    private record Model(Optional<Price> price, boolean allowUnpriced, CostTier tier) {}

    private final Map<String, Model> models = Map.of(
            "std", new Model(Optional.of(Price.of(new BigDecimal("2.5"), new BigDecimal("10"))), false,
                    CostTier.STANDARD),
            "big", new Model(Optional.of(Price.of(new BigDecimal("15"), new BigDecimal("75"))), false,
                    CostTier.FRONTIER),
            "mini", new Model(Optional.of(Price.of(new BigDecimal("0.15"), new BigDecimal("0.6"))), false,
                    CostTier.SMALL),
            "unpriced", new Model(Optional.empty(), false, CostTier.FRONTIER));

    private final PriceSource prices = new PriceSource() {
        @Override
        public Lookup lookup(String deployment, String upstreamModel) {
            var model = models.get(deployment);
            return model.price().<Lookup>map(Lookup.Priced::new)
                    .orElseGet(() -> new Lookup.Unpriced(model.allowUnpriced()));
        }

        @Override
        public CostTier tier(String deployment, String upstreamModel) {
            return models.get(deployment).tier();
        }
    };

    private final BudgetLedger ledger = BudgetLedger.inMemory();
    private final List<ThresholdCrossing> notices = new ArrayList<>();
    private final SpendRecorder spend = SpendRecorder.start(new SpendStore() {
        @Override
        public void add(List<SpendRecord> increments) {}

        @Override
        public List<SpendTotal> totals(SpendQuery query) {
            return List.of();
        }
    }, Duration.ofHours(1), 100);
    private final Budgets budgets = new Budgets(ledger, spend, Optional.of(notices::add), () -> NOW, ZoneOffset.UTC,
            Duration.ofMinutes(5), List.of(50, 100), 4096);

    @AfterEach
    void stop() {
        spend.close();
    }

    private CostStage stage(String deployment) {
        return new CostStage(prices, exchange -> Optional.of(target(deployment)), budgets);
    }

    private static Target target(String deployment) {
        return new Target(EchoProvider.create(deployment, () -> NOW, () -> "id"), "model-" + deployment);
    }

    private static BudgetLine tokenLine(long cap) {
        return new BudgetLine("key:key_1#tokens", new Window.Monthly().spanAt(NOW, ZoneOffset.UTC), cap,
                List.of(50, 100), BudgetLine.Unit.TOKENS);
    }

    private static BudgetLine dollarLine(String usd) {
        return new BudgetLine("key:key_1", new Window.Monthly().spanAt(NOW, ZoneOffset.UTC),
                Budgets.micros(new BigDecimal(usd)), List.of(50, 100));
    }

    /** 400 characters in one message and max_tokens 50: an estimate of 100 + 4 + 8 prompt tokens, 162 in all. */
    private static Exchange chat(Limits limits) {
        var request = new ChatRequest("gpt", List.of(Message.text(Role.USER, "x".repeat(400))),
                Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null, null, false, false, null, Map.of());
        var operation = new Operation.Chat(request);
        var exchange = new Exchange("req_1", "openai", "/v1/chat/completions", NOW, System.nanoTime(), "wk-secret",
                () -> operation, event -> { });
        exchange.principal(new Principal("key_1", Principal.Kind.VIRTUAL_KEY, Owner.NONE, Access.UNRESTRICTED,
                Set.of(), List.of(new LimitLine("key:key_1", limits))));
        exchange.operation(operation);
        return exchange;
    }

    private static Limits tokens(long budget) {
        return Limits.NONE.withTokenBudget(budget, null);
    }

    /** A chain that routes to {@code deployment} and answers with this usage, noting what was held meanwhile. */
    private Stage.Chain answering(String deployment, long prompt, long completion, AtomicReference<LineState> held,
            BudgetLine line) {
        return exchange -> {
            held.set(ledger.state(line, NOW));
            exchange.target(target(deployment));
            return new Reply.Chat(new ChatResponse("c1", "model-" + deployment, 0, List.of(),
                    Usage.of(prompt, completion), null));
        };
    }

    @Test
    void aStandardModelHoldsItsMaximumAndSettlesTheTokensItUsed() {
        var held = new AtomicReference<LineState>();
        var reply = stage("std").apply(chat(tokens(1_000)), answering("std", 100, 30, held, tokenLine(1_000)));
        assertThat(reply).isInstanceOf(Reply.Chat.class);
        assertThat(held.get()).isEqualTo(new LineState(0, 162));
        assertThat(ledger.state(tokenLine(1_000), NOW)).isEqualTo(new LineState(130, 0));
    }

    @Test
    void aFrontierModelsTokensCountFifteenTimes() {
        var held = new AtomicReference<LineState>();
        stage("big").apply(chat(tokens(10_000)), answering("big", 100, 30, held, tokenLine(10_000)));
        assertThat(held.get()).isEqualTo(new LineState(0, 162 * 15));
        assertThat(ledger.state(tokenLine(10_000), NOW)).isEqualTo(new LineState(130 * 15, 0));
    }

    @Test
    void aCallThatDoesNotFitIsRefusedWithTheScopeWhatIsLeftAndItsWeightedMaximum() {
        var stage = stage("big");
        var called = new AtomicReference<LineState>();
        var reply = (Reply.Failure) stage.apply(chat(tokens(2_000)), answering("big", 1, 1, called, tokenLine(2_000)));
        var error = (ApiError.RateLimited) reply.error();
        assertThat(error.message()).isEqualTo("Token budget exceeded for key:key_1: 2000 standard tokens left of 2000"
                + " in this window, and this call may use up to 2430 (each token of a frontier model counts 15).");
        assertThat(error.retryAfterSeconds()).isEqualTo(TO_MONTH_END);
        assertThat(called.get()).as("never sent").isNull();
        assertThat(stage("std").apply(chat(tokens(2_000)), answering("std", 1, 1, called, tokenLine(2_000))))
                .as("the same call fits on a standard model").isInstanceOf(Reply.Chat.class);
    }

    @Test
    void theTierOfTheModelThatAnsweredWeighsTheSettlement() {
        var held = new AtomicReference<LineState>();
        stage("std").apply(chat(tokens(1_000)), answering("mini", 100, 30, held, tokenLine(1_000)));
        assertThat(held.get().reserved()).as("previewed on std").isEqualTo(162);
        assertThat(ledger.state(tokenLine(1_000), NOW)).as("answered by mini: 130 × 0.2")
                .isEqualTo(new LineState(26, 0));
    }

    @Test
    void aTokenBudgetNeedsNoPriceAndWeighsAnUnpricedModelAsFrontier() {
        var held = new AtomicReference<LineState>();
        var reply = stage("unpriced").apply(chat(tokens(5_000)), answering("unpriced", 10, 10, held,
                tokenLine(5_000)));
        assertThat(reply).isInstanceOf(Reply.Chat.class);
        assertThat(held.get().reserved()).isEqualTo(162 * 15);
        assertThat(ledger.state(tokenLine(5_000), NOW)).isEqualTo(new LineState(300, 0));
        var withDollars = (Reply.Failure) stage("unpriced").apply(chat(tokens(5_000).orElse(
                new Limits(null, null, null, new BigDecimal("10"), null))), answering("unpriced", 1, 1, held,
                tokenLine(5_000)));
        assertThat(withDollars.error()).as("a dollar budget still fails closed")
                .isInstanceOf(ApiError.PermissionDenied.class);
    }

    @Test
    void dollarsAndTokensAreHeldTogetherAllOrNothing() {
        var both = new Limits(null, null, null, new BigDecimal("1"), null, 100L, null);
        var reply = (Reply.Failure) stage("std").apply(chat(both), answering("std", 1, 1, new AtomicReference<>(),
                tokenLine(100)));
        assertThat(reply.error().message()).startsWith("Token budget exceeded for key:key_1: 100 standard tokens");
        assertThat(ledger.state(dollarLine("1"), NOW)).as("nothing held on the dollar line").isEqualTo(
                new LineState(0, 0));

        var roomy = new Limits(null, null, null, new BigDecimal("1"), null, 1_000L, null);
        var held = new AtomicReference<LineState>();
        stage("std").apply(chat(roomy), answering("std", 100, 30, held, dollarLine("1")));
        // 112 prompt tokens at $2.50 and 50 output tokens at $10 per million: 780 micro-dollars held.
        assertThat(held.get()).isEqualTo(new LineState(0, 780));
        // 100 at $2.50 and 30 at $10: 550 micro-dollars spent; 130 standard tokens on the token line.
        assertThat(ledger.state(dollarLine("1"), NOW)).isEqualTo(new LineState(550, 0));
        assertThat(ledger.state(tokenLine(1_000), NOW)).isEqualTo(new LineState(130, 0));
    }

    @Test
    void aTokenLinesThresholdsAreReportedInTokens() {
        stage("std").apply(chat(tokens(200)), answering("std", 100, 30, new AtomicReference<>(), tokenLine(200)));
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.scope()).isEqualTo("key:key_1#tokens");
            assertThat(notice.unit()).isEqualTo(BudgetLine.Unit.TOKENS);
            assertThat(notice.percent()).isEqualTo(50);
            assertThat(notice.spent()).isEqualTo(130);
        });
    }

    @Test
    void aCallNoProviderAnsweredReleasesItsTokens() {
        stage("std").apply(chat(tokens(1_000)), exchange -> new Reply.Failure(new ApiError.Upstream(500, "boom", null,
                null, null, null)));
        assertThat(ledger.state(tokenLine(1_000), NOW)).isEqualTo(new LineState(0, 0));
    }
}
