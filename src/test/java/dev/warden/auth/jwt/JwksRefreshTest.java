package dev.warden.auth.jwt;

import static dev.warden.auth.jwt.Tokens.NOW;
import static dev.warden.auth.jwt.Tokens.claims;
import static dev.warden.auth.jwt.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JWSAlgorithm;
import dev.warden.auth.jwt.JwtRejected.Reason;
import dev.warden.config.JwtConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key rotation at the IdP, the refetch rate limit, background refresh and IdP outages. */
class JwksRefreshTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeIdp idp = new FakeIdp(TestKeys.RSA);
    private JwtVerifier verifier = JwtVerifier.create(Tokens.config(idp.jwksUrl()), clock);

    @AfterEach
    void stop() {
        verifier.close();
        idp.close();
    }

    @Test
    void aKeyTheIdpStartsUsingIsAcceptedAfterARefetch() throws JwtRejected {
        assertThat(idp.fetches()).isEqualTo(1);
        idp.publish(TestKeys.RSA, TestKeys.RSA_ROTATED);
        var rotated = sign(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256, claims().subject("bob").build());
        assertThat(verifier.verify(rotated).subject()).isEqualTo("bob");
        assertThat(idp.fetches()).isEqualTo(2);
        // Known now: no further fetches.
        verifier.verify(rotated);
        verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build()));
        assertThat(idp.fetches()).isEqualTo(2);
    }

    @Test
    void randomKidsCauseAtMostOneRefetchPerInterval() {
        var stranger = TestKeys.STRANGER;
        for (int i = 0; i < 50; i++) {
            var token = sign(TestKeys.rsaWithKid(stranger, UUID.randomUUID().toString()), JWSAlgorithm.RS256,
                    claims().build());
            assertThat(rejection(token)).isEqualTo(Reason.UNKNOWN_KEY);
            clock.advance(Duration.ofMillis(500));
        }
        // 50 tokens over 25 s, inside the 30 s interval: the start-up fetch and one refetch.
        assertThat(idp.fetches()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(6));
        assertThat(rejection(sign(TestKeys.rsaWithKid(stranger, "again"), JWSAlgorithm.RS256, claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(idp.fetches()).isEqualTo(3);
    }

    @Test
    void concurrentUnknownKidsShareOneFetch() throws Exception {
        // A slow IdP, so the 50 verifications really overlap the refetch.
        idp.delay(Duration.ofMillis(200));
        idp.publish(TestKeys.RSA, TestKeys.RSA_ROTATED);
        var stranger = TestKeys.STRANGER;
        var tasks = new ArrayList<Callable<Reason>>();
        for (int i = 0; i < 50; i++) {
            var kid = i % 2 == 0 ? UUID.randomUUID().toString() : null;
            var token = kid == null ? sign(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256, claims().build())
                    : sign(TestKeys.rsaWithKid(stranger, kid), JWSAlgorithm.RS256, claims().build());
            tasks.add(() -> {
                try {
                    verifier.verify(token);
                    return null;
                } catch (JwtRejected rejected) {
                    return rejected.reason();
                }
            });
        }
        var reasons = new ArrayList<Reason>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Reason> result : executor.invokeAll(tasks)) {
                reasons.add(result.get());
            }
        }
        assertThat(idp.fetches()).isEqualTo(2);
        assertThat(reasons).filteredOn(reason -> reason != null).containsOnly(Reason.UNKNOWN_KEY).hasSize(25);
    }

    @Test
    void aRotationRightAfterARefetchWaitsForTheInterval() throws JwtRejected {
        var stranger = TestKeys.STRANGER;
        assertThat(rejection(sign(stranger, JWSAlgorithm.RS256, claims().build()))).isEqualTo(Reason.UNKNOWN_KEY);
        idp.publish(TestKeys.RSA, TestKeys.RSA_ROTATED);
        var rotated = sign(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256, claims().build());
        clock.advance(Duration.ofSeconds(29));
        assertThat(rejection(rotated)).isEqualTo(Reason.UNKNOWN_KEY);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(rotated).subject()).isEqualTo("alice");
        assertThat(idp.fetches()).isEqualTo(3);
    }

    @Test
    void anIdpOutageKeepsTheLastKeys() throws JwtRejected {
        idp.answerWith(503);
        clock.advance(Duration.ofMinutes(1));
        assertThat(rejection(sign(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256, claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(idp.fetches()).isEqualTo(2);
        clock.set(NOW);
        assertThat(verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build())).subject())
                .isEqualTo("alice");
    }

    @Test
    void anIdpDownAtStartupRefusesTokensUntilItRecovers() throws JwtRejected {
        verifier.close();
        idp.answerWith(500);
        verifier = JwtVerifier.create(Tokens.config(idp.jwksUrl()), clock);
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build());
        assertThat(rejection(token)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(rejection(token)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        int fetches = idp.fetches();
        idp.answerWith(200);
        assertThat(rejection(token)).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(idp.fetches()).as("rate limited while down too").isEqualTo(fetches);
        clock.advance(Duration.ofSeconds(30));
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void theBackgroundRefreshPicksUpNewKeysAndStopsOnClose() throws Exception {
        verifier.close();
        var config = Tokens.config(idp.jwksUrl());
        var fast = new JwtConfig(config.issuer(), config.audiences(), config.keys(), config.algorithms(),
                config.clockSkew(), Duration.ofMillis(50), config.jwksMinRefetchInterval(), config.claims(),
                config.requiredClaims());
        verifier = JwtVerifier.create(fast, clock);
        // Spend the on-demand refetch, so only the background refresh can bring the rotated key.
        assertThat(rejection(sign(TestKeys.STRANGER, JWSAlgorithm.RS256, claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
        idp.publish(TestKeys.RSA, TestKeys.RSA_ROTATED);
        int before = idp.fetches();
        // Fetches run one after another: once the third has started, the second (begun after publishing) is applied.
        assertThat(idp.awaitFetches(before + 3, Duration.ofSeconds(5))).isTrue();
        assertThat(verifier.verify(sign(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256, claims().build())).subject())
                .isEqualTo("alice");

        verifier.close();
        Thread.sleep(100);
        int afterClose = idp.fetches();
        Thread.sleep(200);
        assertThat(idp.fetches()).isEqualTo(afterClose);
    }

    private Reason rejection(String token) {
        return assertThatExceptionOfType(JwtRejected.class).isThrownBy(() -> verifier.verify(token)).actual()
                .reason();
    }
}
