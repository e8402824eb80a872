package com.numberops.portal.providers.flowroute;

import static com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows.insert;
import static com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the Flowroute adapter against the running sandbox over HTTP: what the portal
 * will meet at Flowroute, including each error shape, 207, Retry-After, timeouts and unreadable
 * answers.
 */
class FlowrouteNumbersContractTests extends PortalIntegrationTest {

	private static final ProvidersProperties.Flowroute SANDBOX_ACCOUNT = new ProvidersProperties.Flowroute("", "", "");

	@Autowired
	FlowrouteNumbers flowroute;

	@Autowired
	SandboxDatabase sandboxDatabase;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxJournal journal;

	@Autowired
	SandboxAddress sandboxAddress;

	@Autowired
	JsonMapper json;

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
	}

	JdbcClient jdbc() {
		return sandboxDatabase.jdbc();
	}

	/** Every HTTP attempt, in order, with the moment it started; optionally heals the sandbox after the first. */
	static final class Attempts implements ClientHttpRequestInterceptor {

		final List<Long> startedNanos = new CopyOnWriteArrayList<>();

		final List<HttpHeaders> headers = new CopyOnWriteArrayList<>();

		final Runnable afterFirst;

		Attempts(Runnable afterFirst) {
			this.afterFirst = afterFirst;
		}

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			startedNanos.add(System.nanoTime());
			headers.add(HttpHeaders.readOnlyHttpHeaders(request.getHeaders()));
			try {
				return execution.execute(request, body);
			}
			finally {
				if (startedNanos.size() == 1) {
					afterFirst.run();
				}
			}
		}

		Duration betweenFirstTwo() {
			return Duration.ofNanos(startedNanos.get(1) - startedNanos.get(0));
		}
	}

	/** A second adapter on the same sandbox, with its own timeouts and retries, watched by {@code attempts}. */
	FlowrouteNumbers adapter(ProvidersProperties.Http http, Attempts attempts) {
		return new FlowrouteNumbers(SANDBOX_ACCOUNT, http, () -> sandboxAddress.url("flowroute"), json,
				List.of(attempts));
	}

	static ProvidersProperties.Http http(Duration readTimeout, int maxAttempts) {
		return new ProvidersProperties.Http(Duration.ofSeconds(2), readTimeout, maxAttempts, Duration.ofMillis(50),
				Duration.ofSeconds(2), Duration.ofSeconds(30));
	}

	List<String> patchesOf(String id) {
		return journal.matching(entry -> "PATCH".equals(entry.method()) && entry.path().endsWith("/v2/numbers/" + id))
			.stream()
			.map(SandboxJournal.Entry::body)
			.toList();
	}

	@Test
	void itIsTheSandboxAccountWithOneScope() {
		assertThat(flowroute.kind()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(flowroute.sandbox()).isTrue();
		assertThat(flowroute.accountRef()).isEqualTo(ProvidersProperties.SANDBOX_FLOWROUTE_KEY);
		assertThat(flowroute.scopes()).containsExactly(ListScope.all());
	}

	@Test
	void pagingFindsEveryNumberExactlyOnce() {
		insert(jdbc(), "one of many");
		Set<String> expected = new HashSet<>(
				jdbc().sql("select id from flowroute_numbers").query(String.class).list());
		assertThat(expected).hasSizeGreaterThan(37);
		for (int pageSize : new int[] { 37, 500 }) {
			List<String> seen = new ArrayList<>();
			String token = null;
			int pages = 0;
			do {
				NumberPage page = flowroute.page(ListScope.all(), token, pageSize);
				assertThat(page.numbers()).hasSizeLessThanOrEqualTo(Math.min(pageSize, FlowrouteNumbers.MAX_PAGE_SIZE));
				page.numbers().forEach(number -> seen.add(number.providerNumberId()));
				token = page.nextPageToken();
				assertThat(++pages).isLessThan(1_000);
			}
			while (token != null);
			assertThat(seen).as("page size %d", pageSize).doesNotHaveDuplicates();
			assertThat(new HashSet<>(seen)).as("page size %d", pageSize).isEqualTo(expected);
			assertThat(seen).hasSize(jdbc().sql("select count(*) from flowroute_numbers").query(Integer.class).single());
		}
	}

	@Test
	void aScopeCanNarrowTheListingWithFlowroutesFilters() {
		String block = FlowrouteSandboxRows.newBlock();
		List<String> mine = List.of(insert(jdbc(), block + "0001", "a"), insert(jdbc(), block + "0002", "b"),
				insert(jdbc(), block + "0003", "c"));
		ListScope scope = new ListScope("mine", Map.of("starts_with", block));
		NumberPage first = flowroute.page(scope, null, 2);
		assertThat(first.numbers()).extracting(ProviderNumber::providerNumberId).containsExactly(mine.get(0), mine.get(1));
		assertThat(first.nextPageToken()).isEqualTo("2");
		NumberPage last = flowroute.page(scope, first.nextPageToken(), 2);
		assertThat(last.numbers()).extracting(ProviderNumber::providerNumberId).containsExactly(mine.get(2));
		assertThat(last.last()).isTrue();
	}

	@Test
	void getMapsTheNumber() {
		String id = insert(jdbc(), "Seattle desk");
		ProviderNumber number = flowroute.get(id);
		assertThat(number.provider()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(number.providerNumberId()).isEqualTo(id);
		assertThat(number.number()).isEqualTo("+" + id);
		assertThat(number.displayName()).isEqualTo("Seattle desk");
		assertThat(number.regionCode()).isEqualTo("US");
		assertThat(number.type()).isEqualTo("LOCAL");
		assertThat(number.rateCenter()).isEqualTo("sttlwa0101");
		assertThat(number.state()).isEqualTo("wa");
		assertThat(number.monthlyAmount()).isEqualByComparingTo("1.25");
		assertThat(number.currency()).isEqualTo("USD");
		assertThat(number.cnamLookupsEnabled()).isFalse();
		assertThat(number.messagingEnabled()).isFalse();
		assertThat(number.providerStatus()).isEqualTo("PURCHASED");
		assertThat(number.raw().path("attributes").path("tier").asString()).isEqualTo("Standard");
	}

	@Test
	void renameSendsOnlyTheAlias() {
		String id = insert(jdbc(), "before");
		ChangeResult result = flowroute.apply(id, NumberChange.rename("NYC Number"));
		assertThat(result.partial()).isFalse();
		assertThat(result.number().displayName()).isEqualTo("NYC Number");
		assertThat(flowroute.get(id).displayName()).isEqualTo("NYC Number");
		assertThat(patchesOf(id)).containsExactly("{\"type\":\"number\",\"alias\":\"NYC Number\"}");
	}

	@Test
	void changesAreJsonApiWithBasicAuth() {
		String id = insert(jdbc(), "headers");
		Attempts attempts = new Attempts(() -> {
		});
		adapter(http(Duration.ofSeconds(5), 1), attempts).apply(id, NumberChange.rename("seen"));
		HttpHeaders sent = attempts.headers.get(0);
		assertThat(sent.getContentType()).hasToString("application/vnd.api+json");
		assertThat(sent.getAccept()).extracting(Object::toString).containsExactly("application/vnd.api+json");
		assertThat(sent.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Basic "
				+ Base64.getEncoder().encodeToString("sandbox-access:sandbox-secret".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void cnamLookupsAreSwitched() {
		String id = insert(jdbc(), "caller id");
		assertThat(flowroute.apply(id, NumberChange.cnamLookups(true)).number().cnamLookupsEnabled()).isTrue();
		assertThat(flowroute.get(id).cnamLookupsEnabled()).isTrue();
		assertThat(flowroute.apply(id, NumberChange.cnamLookups(false)).number().cnamLookupsEnabled()).isFalse();
		assertThat(patchesOf(id)).containsExactly("{\"type\":\"number\",\"cnam_lookups_enabled\":true}",
				"{\"type\":\"number\",\"cnam_lookups_enabled\":false}");
	}

	@Test
	void messagingIsProvisionedAndThenEnabled() {
		String id = insert(jdbc(), "texting");
		ChangeResult result = flowroute.apply(id, NumberChange.messaging(true));
		assertThat(result.partial()).isFalse();
		assertThat(result.number().messagingEnabled()).isFalse();
		assertThat(result.number().smsProvisioning().running()).isTrue();
		until(Duration.ofSeconds(10), "messaging is enabled", () -> Boolean.TRUE.equals(flowroute.get(id).messagingEnabled()));
		ProviderNumber enabled = flowroute.get(id);
		assertThat(enabled.smsProvisioning()).isNull();
		assertThat(enabled.capabilities()).contains("SMS");
	}

	@Test
	void failedMessageProvisioningIsAPartialSuccessThatARetryCompletes() {
		String id = insert(jdbc(), "before");
		faults.set(SandboxApi.FLOWROUTE, "patch", Fault.provisioningFailures(1.0));
		ChangeResult result = flowroute.apply(id, new NumberChange("after", null, null, null, true, true));
		assertThat(result.partial()).isTrue();
		assertThat(result.number().displayName()).isEqualTo("after");
		assertThat(result.number().cnamLookupsEnabled()).isTrue();
		assertThat(result.number().messagingEnabled()).isFalse();
		ProviderError failure = result.partialFailure();
		assertThat(failure.provider()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(failure.httpStatus()).isEqualTo(207);
		assertThat(failure.providerCode()).isEqualTo("Message Provision Unavailable");
		assertThat(failure.getMessage()).contains("Messaging is still disabled");
		assertThat(failure.retryable()).isTrue();

		faults.clearAll();
		ChangeResult retried = flowroute.apply(id, NumberChange.messaging(true));
		assertThat(retried.partial()).isFalse();
		until(Duration.ofSeconds(10), "messaging is enabled after the retry",
				() -> Boolean.TRUE.equals(flowroute.get(id).messagingEnabled()));
	}

	@Test
	void sinchOnlyChangesAreRefusedWithoutCallingFlowroute() {
		String id = insert(jdbc(), "flowroute only");
		for (NumberChange change : List.of(NumberChange.sms("sp-growth-01", "CA1B2C3"), NumberChange.sms("", null),
				NumberChange.voiceApp("app"), new NumberChange("name", null, "CA1B2C3", null, null, null))) {
			ProviderError error = catchThrowableOfType(ProviderError.class, () -> flowroute.apply(id, change));
			assertThat(error.httpStatus()).isEqualTo(400);
			assertThat(error.providerCode()).isEqualTo("NOT_SUPPORTED");
			assertThat(error.getMessage()).contains("not supported by Flowroute");
			assertThat(error.retryable()).isFalse();
		}
		assertThat(patchesOf(id)).isEmpty();
	}

	@Test
	void anUnknownNumberIsA404InThePortalsTerms() {
		String unknown = FlowrouteSandboxRows.newId("1555");
		for (Runnable call : List.<Runnable>of(() -> flowroute.get(unknown),
				() -> flowroute.apply(unknown, NumberChange.rename("x")), () -> flowroute.release(unknown))) {
			ProviderError error = catchThrowableOfType(ProviderError.class, call::run);
			assertThat(error.provider()).isEqualTo(ProviderKind.FLOWROUTE);
			assertThat(error.httpStatus()).isEqualTo(404);
			assertThat(error.providerCode()).isEqualTo("Not Found");
			assertThat(error.getMessage()).contains(unknown);
			assertThat(error.retryable()).isFalse();
		}
		ProviderError badId = catchThrowableOfType(ProviderError.class, () -> flowroute.get("2065551234"));
		assertThat(badId.httpStatus()).isEqualTo(400);
		assertThat(badId.providerCode()).isEqualTo("Bad Request");
		assertThat(badId.getMessage()).contains("11-digit");
	}

	@Test
	void wrongCredentialsAreTheSeeds401() {
		FlowrouteNumbers stranger = new FlowrouteNumbers(new ProvidersProperties.Flowroute("someone", "guess", ""),
				http(Duration.ofSeconds(5), 1), () -> sandboxAddress.url("flowroute"), json, List.of());
		ProviderError error = catchThrowableOfType(ProviderError.class, () -> stranger.page(ListScope.all(), null, 10));
		assertThat(error.httpStatus()).isEqualTo(401);
		assertThat(error.providerCode()).isEqualTo("Unauthorized");
		assertThat(error.getMessage()).isEqualTo("Authentication failed.");
		assertThat(error.describe()).doesNotContain("guess");
	}

	@Test
	void releaseGivesTheNumberBack() {
		String id = insert(jdbc(), "leaving");
		flowroute.release(id);
		assertThat(catchThrowableOfType(ProviderError.class, () -> flowroute.get(id)).httpStatus()).isEqualTo(404);
		assertThat(journal.matching(entry -> "DELETE".equals(entry.method()) && entry.path().endsWith(id)))
			.extracting(SandboxJournal.Entry::status)
			.containsExactly(204);
	}

	@Test
	void aServerErrorIsRetriedAndTheReadSucceeds() {
		String id = insert(jdbc(), "flaky");
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.serverErrors(1.0));
		Attempts attempts = new Attempts(faults::clearAll);
		FlowrouteNumbers adapter = adapter(http(Duration.ofSeconds(5), 4), attempts);
		assertThat(adapter.get(id).displayName()).isEqualTo("flaky");
		assertThat(attempts.startedNanos).hasSize(2);
		assertThat(adapter.callsRetried()).isEqualTo(1);
	}

	@Test
	void serverErrorsThatLastEndInTheProvidersErrorAfterEveryAttempt() {
		faults.set(SandboxApi.FLOWROUTE, "list", Fault.serverErrors(1.0));
		long retriedBefore = flowroute.callsRetried();
		ProviderError error = catchThrowableOfType(ProviderError.class, () -> flowroute.page(ListScope.all(), null, 10));
		assertThat(error.httpStatus()).isEqualTo(500);
		assertThat(error.providerCode()).isEqualTo("Internal Server Error");
		assertThat(error.retryable()).isTrue();
		assertThat(flowroute.callsRetried()).isEqualTo(retriedBefore + 1);
	}

	@Test
	void aRateLimitIsWaitedOutForAtLeastRetryAfter() {
		String id = insert(jdbc(), "popular");
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.rateLimited(1.0, 1));
		Attempts attempts = new Attempts(faults::clearAll);
		assertThat(adapter(http(Duration.ofSeconds(5), 4), attempts).get(id).displayName()).isEqualTo("popular");
		assertThat(attempts.startedNanos).hasSize(2);
		assertThat(attempts.betweenFirstTwo()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void writesAreNotRetriedHere() {
		String id = insert(jdbc(), "kept");
		faults.set(SandboxApi.FLOWROUTE, "patch", Fault.rateLimited(1.0, 1));
		Attempts attempts = new Attempts(() -> {
		});
		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> adapter(http(Duration.ofSeconds(5), 4), attempts).apply(id, NumberChange.rename("lost")));
		assertThat(error.httpStatus()).isEqualTo(429);
		assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(attempts.startedNanos).hasSize(1);

		faults.set(SandboxApi.FLOWROUTE, "delete", Fault.serverErrors(1.0));
		Attempts deletes = new Attempts(() -> {
		});
		assertThat(catchThrowableOfType(ProviderError.class,
				() -> adapter(http(Duration.ofSeconds(5), 4), deletes).release(id)).httpStatus()).isEqualTo(500);
		assertThat(deletes.startedNanos).hasSize(1);
		assertThat(flowroute.get(id).displayName()).isEqualTo("kept");
	}

	@Test
	void aHangingCarrierIsATimeoutWithoutAnAnswer() {
		String id = insert(jdbc(), "slow");
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.hanging());
		FlowrouteNumbers impatient = adapter(http(Duration.ofMillis(300), 1), new Attempts(() -> {
		}));
		long started = System.nanoTime();
		ProviderError error = catchThrowableOfType(ProviderError.class, () -> impatient.get(id));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(error.httpStatus()).isZero();
		assertThat(error.providerCode()).isEqualTo("NO_ANSWER");
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void anUnreadableAnswerIsMalformedResponse() {
		String id = insert(jdbc(), "garbled");
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.malformed());
		ProviderError error = catchThrowableOfType(ProviderError.class, () -> flowroute.get(id));
		assertThat(error.providerCode()).isEqualTo("MALFORMED_RESPONSE");
		assertThat(error.provider()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(error.retryable()).isTrue();

		faults.set(SandboxApi.FLOWROUTE, "patch", Fault.malformed());
		assertThat(catchThrowableOfType(ProviderError.class, () -> flowroute.apply(id, NumberChange.rename("x")))
			.providerCode()).isEqualTo("MALFORMED_RESPONSE");
	}
}
