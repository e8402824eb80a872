package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties.SinchAuth;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxTokens;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Both ways into Sinch (seed 002): HTTP Basic by default, OAuth2 client credentials with one
 * token for the whole portal, fetched once and reused until it is about to expire.
 */
class SinchAuthenticationTests extends PortalIntegrationTest {

	@Autowired
	private SinchAccount account;

	@Autowired
	private ProvidersProperties providers;

	@Autowired
	private SandboxAddress sandboxAddress;

	@Autowired
	private SandboxTokens tokens;

	@Autowired
	private SandboxDatabase sandbox;

	@Autowired
	private JsonMapper json;

	@Autowired
	private SandboxFaults faults;

	private final Attempts attempts = new Attempts();

	private SandboxSinchRows rows;

	private long tokenLifetimeSeconds;

	@BeforeEach
	void remember() {
		rows = new SandboxSinchRows(sandbox);
		tokenLifetimeSeconds = tokens.lifetimeSeconds();
	}

	@AfterEach
	void restore() {
		faults.clearAll();
		tokens.setLifetime(Duration.ofSeconds(tokenLifetimeSeconds));
		rows.deleteCreated();
	}

	@Test
	void theBeansUseBasicByDefault() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = new SinchActiveNumbers(account.observedBy(attempts), List.of("US"), List.of("LOCAL"),
				providers.http(), json);

		numbers.get(phone);

		assertThat(providers.sinch().auth()).isEqualTo(SinchAuth.BASIC);
		assertThat(attempts.all()).extracting(Attempts.Attempt::authScheme).containsExactly("Basic");
	}

	@Test
	void oneTokenIsFetchedAndReusedForManyCallsOfBothApis() {
		String active = rows.active("US", "LOCAL");
		String imported = rows.imported("sp-growth-01", "");
		SinchAccount oauth = accountOf(sandboxSinch(SinchAuth.OAUTH), SinchAuthentication.TOKEN_CLOCK_SKEW);
		SinchActiveNumbers activeNumbers = new SinchActiveNumbers(oauth, List.of("US"), List.of("LOCAL"), providers.http(), json);
		SinchImportedNumbers importedNumbers = new SinchImportedNumbers(oauth, List.of(), providers.http(), json);
		int before = tokens.issuedCount();

		for (int i = 0; i < 5; i++) {
			activeNumbers.get(active);
			importedNumbers.get(imported);
		}
		activeNumbers.page(activeNumbers.scopes().get(0), null, 5);

		assertThat(tokens.issuedCount() - before).isEqualTo(1);
		assertThat(attempts.all()).hasSize(11).extracting(Attempts.Attempt::authScheme).containsOnly("Bearer");
		assertThat(attempts.statuses()).containsOnly(200);
	}

	@Test
	void callsThatStartTogetherShareOneTokenFetch() throws Exception {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = new SinchActiveNumbers(
				accountOf(sandboxSinch(SinchAuth.OAUTH), SinchAuthentication.TOKEN_CLOCK_SKEW), List.of("US"),
				List.of("LOCAL"), providers.http(), json);
		int before = tokens.issuedCount();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ProviderNumber>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return numbers.get(phone);
				}));
			}
			start.countDown();
			for (Future<ProviderNumber> call : calls) {
				assertThat(call.get(10, TimeUnit.SECONDS).providerNumberId()).isEqualTo(phone);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(tokens.issuedCount() - before).isEqualTo(1);
	}

	@Test
	void aHangingTokenEndpointIsNoAnswer() {
		String phone = rows.active("US", "LOCAL");
		ProvidersProperties.Http http = new ProvidersProperties.Http(Duration.ofSeconds(2), Duration.ofMillis(300), 1,
				Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(30));
		SinchActiveNumbers numbers = new SinchActiveNumbers(
				SinchAccount.of(sandboxSinch(SinchAuth.OAUTH), http, () -> sandboxAddress,
						SinchAuthentication.TOKEN_CLOCK_SKEW).observedBy(attempts),
				List.of("US"), List.of("LOCAL"), http, json);
		faults.set(SandboxApi.SINCH, "token", Fault.hanging());

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isZero();
		assertThat(error.providerCode()).isEqualTo("NO_ANSWER");
		assertThat(error.retryable()).isTrue();
		assertThat(error.getMessage()).contains("OAuth2 token");
		assertThat(attempts.all()).as("no call without a token").isEmpty();
	}

	@Test
	void aFailingTokenEndpointIsRetryableAndRecovers() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = new SinchActiveNumbers(
				accountOf(sandboxSinch(SinchAuth.OAUTH), SinchAuthentication.TOKEN_CLOCK_SKEW), List.of("US"),
				List.of("LOCAL"), new ProvidersProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
						Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(30)),
				json);
		faults.set(SandboxApi.SINCH, "token", Fault.serverErrors(1));

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(error.providerCode()).isEqualTo("OAUTH2_TOKEN_UNAVAILABLE");
		assertThat(error.retryable()).isTrue();

		faults.clearAll();
		assertThat(numbers.get(phone).providerNumberId()).as("a token once the endpoint is back").isEqualTo(phone);
	}

	@Test
	void theTokenBelongsToThePortalNotToWhoeverIsLoggedIn() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = new SinchActiveNumbers(
				accountOf(sandboxSinch(SinchAuth.OAUTH), SinchAuthentication.TOKEN_CLOCK_SKEW), List.of("US"),
				List.of("LOCAL"), providers.http(), json);
		int before = tokens.issuedCount();

		numbers.get(phone);
		SecurityContext someone = SecurityContextHolder.createEmptyContext();
		someone.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null, List.of()));
		SecurityContextHolder.setContext(someone);
		try {
			numbers.get(phone);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		numbers.get(phone);

		assertThat(tokens.issuedCount() - before).isEqualTo(1);
	}

	@Test
	void anExpiredTokenIsReplacedByANewOne() {
		String phone = rows.active("US", "LOCAL");
		tokens.setLifetime(Duration.ofSeconds(2));
		// renew 1 s before expiry: each token is used for about a second
		SinchActiveNumbers numbers = new SinchActiveNumbers(accountOf(sandboxSinch(SinchAuth.OAUTH), Duration.ofSeconds(1)),
				List.of("US"), List.of("LOCAL"), providers.http(), json);
		int before = tokens.issuedCount();

		numbers.get(phone);
		numbers.get(phone);
		assertThat(tokens.issuedCount() - before).as("reused while fresh").isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			numbers.get(phone);
			return tokens.issuedCount() - before;
		}, issued -> issued == 2);

		assertThat(attempts.statuses()).as("no call went out with an expired token").containsOnly(200);
	}

	@Test
	void aRefusedKeyIs401AndKeepsTheSecretOutOfTheMessage() {
		String phone = rows.active("US", "LOCAL");
		String secret = "not-the-sandbox-secret-4711";
		ProvidersProperties.Sinch wrongKey = new ProvidersProperties.Sinch(ProvidersProperties.SANDBOX_SINCH_PROJECT,
				"wrong-key", secret, SinchAuth.OAUTH, sandboxAddress.url("sinch"), sandboxAddress.url("sinch-imported"),
				sandboxAddress.url("sinch-auth") + "/oauth2/token", List.of("US"), List.of("LOCAL"), List.of(), "");
		SinchActiveNumbers numbers = new SinchActiveNumbers(accountOf(wrongKey, SinchAuthentication.TOKEN_CLOCK_SKEW),
				List.of("US"), List.of("LOCAL"), providers.http(), json);

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(error.httpStatus()).isEqualTo(401);
		assertThat(error.providerCode()).isEqualTo("OAUTH2_TOKEN_REFUSED");
		assertThat(error.getMessage()).contains("invalid_client");
		assertThat(error.retryable()).isFalse();
		assertThat(error.describe()).doesNotContain(secret);
		assertThat(numbers.sandbox()).as("a key id means live mode, here pointed at the sandbox").isFalse();
		assertThat(attempts.all()).as("no call without a token").isEmpty();
	}

	@Test
	void aRefusedBasicKeyIs401Unauthenticated() {
		String phone = rows.active("US", "LOCAL");
		String secret = "not-the-sandbox-secret-0815";
		ProvidersProperties.Sinch wrongKey = new ProvidersProperties.Sinch(ProvidersProperties.SANDBOX_SINCH_PROJECT,
				"wrong-key", secret, SinchAuth.BASIC, sandboxAddress.url("sinch"), sandboxAddress.url("sinch-imported"), "",
				List.of("US"), List.of("LOCAL"), List.of(), "");
		SinchImportedNumbers numbers = new SinchImportedNumbers(accountOf(wrongKey, SinchAuthentication.TOKEN_CLOCK_SKEW),
				List.of("sp-growth-01/"), providers.http(), json);

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(error.httpStatus()).isEqualTo(401);
		assertThat(error.providerCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(error.describe()).doesNotContain(secret);
	}

	/** Sandbox mode (no key id): the sandbox's fixed credentials and addresses. */
	private ProvidersProperties.Sinch sandboxSinch(SinchAuth auth) {
		ProvidersProperties.Sinch sinch = providers.sinch();
		return new ProvidersProperties.Sinch("", "", "", auth, "", "", "", sinch.regions(), sinch.types(),
				sinch.importedScopes(), "");
	}

	private SinchAccount accountOf(ProvidersProperties.Sinch sinch, Duration clockSkew) {
		return SinchAccount.of(sinch, providers.http(), () -> sandboxAddress, clockSkew).observedBy(attempts);
	}
}
