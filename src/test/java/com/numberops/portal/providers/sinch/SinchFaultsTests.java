package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the adapters do when Sinch misbehaves, with the sandbox's fault injection: 5xx and
 * unreadable answers retried on reads (never on writes), 429 waited out as Retry-After asks,
 * hanging requests cut by the read timeout. Each test watches the attempts of its own adapter,
 * built like the beans but with its own timeouts and backoff.
 */
class SinchFaultsTests extends PortalIntegrationTest {

	@Autowired
	private SinchAccount account;

	@Autowired
	private ProvidersProperties providers;

	@Autowired
	private JsonMapper json;

	@Autowired
	private SandboxFaults faults;

	@Autowired
	private SandboxDatabase sandbox;

	private SandboxSinchRows rows;

	private final Attempts attempts = new Attempts();

	@BeforeEach
	void ownRows() {
		rows = new SandboxSinchRows(sandbox);
	}

	@AfterEach
	void cleanUp() {
		faults.clearAll();
		rows.deleteCreated();
	}

	@Test
	void aServerErrorOnAReadIsRetriedAndTheRetrySucceeds() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 4, Duration.ofMillis(50)));
		faults.set(SandboxApi.SINCH, "get", Fault.serverErrors(1));
		attempts.afterEach(attempt -> faults.clearAll());

		ProviderNumber number = numbers.get(phone);

		assertThat(number.providerNumberId()).isEqualTo(phone);
		assertThat(attempts.statuses()).containsExactly(500, 200);
	}

	@Test
	void aListingIsRetriedToo() {
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 4, Duration.ofMillis(50)));
		faults.set(SandboxApi.SINCH, "list", Fault.serverErrors(1));
		attempts.afterEach(attempt -> faults.clearAll());

		numbers.page(new ListScope("GB LOCAL", Map.of("regionCode", "GB", "type", "LOCAL")), null, 5);

		assertThat(attempts.statuses()).containsExactly(500, 200);
	}

	@Test
	void serverErrorsOnEveryAttemptEndInTheProvidersErrorAfterMaxAttempts() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 3, Duration.ofMillis(50)));
		faults.set(SandboxApi.SINCH, "get", Fault.serverErrors(1));

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(error.providerCode()).isEqualTo("INTERNAL");
		assertThat(error.retryable()).isTrue();
		assertThat(attempts.statuses()).containsExactly(500, 500, 500);
	}

	@Test
	void writesAreSentOnceEvenWhenTheyFailRetryably() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 4, Duration.ofMillis(50)));
		faults.set(SandboxApi.SINCH, "patch", Fault.serverErrors(1));

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.rename("never")));

		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(error.retryable()).as("the outbox may retry it later").isTrue();
		assertThat(attempts.statuses()).containsExactly(500);
	}

	@Test
	void aRateLimitIsWaitedOutForAtLeastRetryAfter() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 3, Duration.ofMillis(10)));
		faults.set(SandboxApi.SINCH, "get", Fault.rateLimited(1, 1));
		attempts.afterEach(attempt -> faults.clearAll());

		ProviderNumber number = numbers.get(phone);

		assertThat(number.providerNumberId()).isEqualTo(phone);
		assertThat(attempts.statuses()).containsExactly(429, 200);
		assertThat(attempts.pauseAfter(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aRateLimitThatLastsEndsIn429WithRetryAfterForTheCaller() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 2, Duration.ofMillis(10)));
		faults.set(SandboxApi.SINCH, "get", Fault.rateLimited(1, 1));

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isEqualTo(429);
		assertThat(error.providerCode()).isEqualTo("RESOURCE_EXHAUSTED");
		assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(attempts.statuses()).containsExactly(429, 429);
		assertThat(attempts.pauseAfter(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aRetryAfterLongerThanThePolicyWaitsIsHandedToTheCallerAtOnce() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(new ProvidersProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
				Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(500)));
		faults.set(SandboxApi.SINCH, "get", Fault.rateLimited(1, 2));

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isEqualTo(429);
		assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(attempts.statuses()).as("the caller's job reschedules itself").containsExactly(429);
	}

	@Test
	void aHangingRequestIsCutByTheReadTimeoutAndReportedAsNoAnswer() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofMillis(300), 2, Duration.ofMillis(10)));
		faults.set(SandboxApi.SINCH, "get", Fault.hanging());
		Instant start = Instant.now();

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isZero();
		assertThat(error.providerCode()).isEqualTo("NO_ANSWER");
		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(error.retryable()).isTrue();
		assertThat(attempts.statuses()).as("retried once, then given up").containsExactly(0, 0);
		assertThat(Duration.between(start, Instant.now())).as("well before the sandbox lets go (5 s)")
			.isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aHangingImportedRequestIsNoAnswerToo() {
		String phone = rows.imported("sp-growth-01", "");
		SinchImportedNumbers numbers = new SinchImportedNumbers(account.observedBy(attempts), List.of(),
				http(Duration.ofMillis(300), 1, Duration.ofMillis(10)), json);
		faults.set(SandboxApi.SINCH_IMPORTED, "get", Fault.hanging());

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.httpStatus()).isZero();
		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
	}

	@Test
	void anUnreadableAnswerIsMalformedResponseAndRetried() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 2, Duration.ofMillis(10)));
		faults.set(SandboxApi.SINCH, "get", Fault.malformed());

		ProviderError error = catchThrowableOfType(ProviderError.class, () -> numbers.get(phone));

		assertThat(error.providerCode()).isEqualTo("MALFORMED_RESPONSE");
		assertThat(error.httpStatus()).isEqualTo(200);
		assertThat(error.retryable()).isTrue();
		assertThat(attempts.statuses()).containsExactly(200, 200);
	}

	@Test
	void anUnreadableAnswerToAWriteIsMalformedResponseSentOnce() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(http(Duration.ofSeconds(5), 4, Duration.ofMillis(10)));
		faults.set(SandboxApi.SINCH, "patch", Fault.malformed());

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.apply(phone, NumberChange.rename("unread")));

		assertThat(error.providerCode()).isEqualTo("MALFORMED_RESPONSE");
		assertThat(attempts.statuses()).containsExactly(200);
	}

	@Test
	void anUnreadableImportedListingIsMalformedResponse() {
		SinchImportedNumbers numbers = new SinchImportedNumbers(account.observedBy(attempts), List.of(),
				http(Duration.ofSeconds(5), 1, Duration.ofMillis(10)), json);
		faults.set(SandboxApi.SINCH_IMPORTED, "list", Fault.malformed());

		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> numbers.page(numbers.scopes().get(0), null, 10));

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(error.providerCode()).isEqualTo("MALFORMED_RESPONSE");
	}

	@Test
	void theConfiguredPolicyRetriesWithGrowingBackoff() {
		String phone = rows.active("US", "LOCAL");
		SinchActiveNumbers numbers = active(providers.http());
		faults.set(SandboxApi.SINCH, "get", Fault.serverErrors(1));
		attempts.afterEach(attempt -> {
			if (attempts.all().size() == 2) {
				faults.clearAll();
			}
		});

		assertThat(numbers.get(phone).providerNumberId()).isEqualTo(phone);
		assertThat(attempts.statuses()).containsExactly(500, 500, 200);
		assertThat(attempts.pauseAfter(1)).as("backoff grows").isGreaterThanOrEqualTo(attempts.pauseAfter(0));
	}

	private SinchActiveNumbers active(ProvidersProperties.Http http) {
		return new SinchActiveNumbers(account.observedBy(attempts), providers.sinch().regions(),
				providers.sinch().types(), http, json);
	}

	private static ProvidersProperties.Http http(Duration readTimeout, int maxAttempts, Duration initialBackoff) {
		return new ProvidersProperties.Http(Duration.ofSeconds(2), readTimeout, maxAttempts, initialBackoff,
				Duration.ofSeconds(2), Duration.ofSeconds(30));
	}
}
