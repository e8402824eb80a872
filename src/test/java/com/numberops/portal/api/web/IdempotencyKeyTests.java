package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.api.IdempotencyKeys;

/**
 * Idempotency-Key on POSTs under /api: a retry gets the first answer again and makes no second
 * change, the key of another request is refused, a refusal keeps its key free, keys are each
 * user's own and forgotten after a day, and two requests with one key at the same moment make
 * one change: the second waits for the first one's transaction and replays its answer.
 */
class IdempotencyKeyTests extends ApiEditsTest {

	static final String KEY = IdempotencyKeyFilter.HEADER;

	@Autowired
	DataSource dataSource;

	@Autowired
	IdempotencyKeys keys;

	String voiceApp(String app) {
		return "{\"appId\": \"" + app + "\"}";
	}

	MvcResult voiceApp(String username, String key, String app) throws Exception {
		return mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", username, voiceApp(app)).header(KEY, key))
			.andReturn();
	}

	@Test
	void aRetryGetsTheFirstAnswerAndMakesNoSecondChange() throws Exception {
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse first = voiceApp(operator, key, "app-1").getResponse();
		assertThat(first.getStatus()).isEqualTo(202);
		assertThat(first.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
		int events = events(sinchA);

		MockHttpServletResponse retry = voiceApp(operator, key, "app-1").getResponse();
		assertThat(retry.getStatus()).isEqualTo(202);
		assertThat(retry.getHeader(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
		assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(retry.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION)).isNotNull();
		assertThat(retry.getHeader(HttpHeaders.ETAG)).isEqualTo(first.getHeader(HttpHeaders.ETAG)).isNotNull();
		assertThat(retry.getContentType()).startsWith("application/json");
		assertThat(changes(sinchA)).isOne();
		assertThat(events(sinchA)).isEqualTo(events);
	}

	@Test
	void theKeyOfAnotherRequestIsRefused() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(voiceApp(operator, key, "app-1").getResponse().getStatus()).isEqualTo(202);

		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, voiceApp("app-2")).header(KEY, key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already used for another request")));
		// the same body to another address is another request too
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/voice-app", operator, voiceApp("app-1")).header(KEY, key))
			.andExpect(status().isUnprocessableContent());
		assertThat(changes(sinchA)).isOne();
		assertThat(changes(sinchB)).isZero();
		assertThat(row(sinchA)).containsEntry("voice_app_id", null);
	}

	@Test
	void keysAreEachUsersOwn() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(voiceApp(operator, key, "app-1").getResponse().getStatus()).isEqualTo(202);
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/voice-app", admin, voiceApp("app-1")).header(KEY, key))
			.andExpect(status().isAccepted())
			.andExpect(header().doesNotExist(IdempotencyKeyFilter.REPLAYED));
		assertThat(changes(sinchB)).isOne();
	}

	@Test
	void aRefusedRequestKeepsItsKeyFreeForTheCorrectedOne() throws Exception {
		String key = UUID.randomUUID().toString();
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, "{}").header(KEY, key))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", "viewer", voiceApp("app-1")).header(KEY, key))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = ?", Integer.class, key))
			.isZero();
		assertThat(voiceApp(operator, key, "app-1").getResponse().getStatus()).isEqualTo(202);
		assertThat(changes(sinchA)).isOne();
	}

	@Test
	void aMalformedKeyIsRefusedBeforeAnythingHappens() throws Exception {
		for (String key : List.of("", "k".repeat(IdempotencyKeyFilter.KEY_MAX + 1), "tab\there", "é-not-ascii")) {
			mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, voiceApp("app-1")).header(KEY, key))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
		}
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, voiceApp("app-1")).header(KEY, "a", "b"))
			.andExpect(status().isBadRequest());
		assertThat(voiceApp(operator, "k".repeat(IdempotencyKeyFilter.KEY_MAX), "app-1").getResponse().getStatus())
			.isEqualTo(202);
		assertThat(changes(sinchA)).isOne();
	}

	@Test
	void anExpiredKeyIsFreeAgainAndThePurgeDeletesIt() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(voiceApp(operator, key, "app-1").getResponse().getStatus()).isEqualTo(202);
		assertThat(jdbc.queryForObject(
				"select extract(epoch from expires_at - created_at)::bigint from idempotency_keys where idempotency_key = ?",
				Long.class, key)).isEqualTo(Duration.ofHours(24).toSeconds());
		jdbc.update("update idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = ?", key);

		// the first change was cancelled meanwhile, so the same edit is allowed again. No carrier
		// serves the test's account, so the dispatcher keeps retrying it; while it is being sent a
		// cancel is rightly refused ("try again in a moment"), as a person would, the test tries again
		long first = jdbc.queryForObject("select max(id) from pending_changes where phone_number_id = ?", Long.class, sinchA);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mvc.perform(post("/api/changes/" + first + "/cancel", operator, null)).andReturn().getResponse()
				.getStatus(), status -> status == 200);
		MockHttpServletResponse again = voiceApp(operator, key, "app-1").getResponse();
		assertThat(again.getStatus()).isEqualTo(202);
		assertThat(again.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
		assertThat(changes(sinchA)).isEqualTo(2);

		String old = UUID.randomUUID().toString();
		assertThat(voiceApp(admin, old, "app-1").getResponse().getStatus()).isEqualTo(422);
		jdbc.update("""
				insert into idempotency_keys (user_id, idempotency_key, request_digest, method, path, answer_status,
				    answer_body, created_at, expires_at)
				select id, ?, sha256('x'), 'POST', '/api/x', 202, '', now() - interval '2 days', now() - interval '1 day'
				from users where username = ?""", old, admin);
		keys.purgeExpired();
		assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key in (?, ?)",
				Integer.class, old, key)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'purge-idempotency-keys'",
				Integer.class)).isOne();
	}

	@Test
	void aKeyRememberedWithoutItsAnswerIsNeverMadeTwice() throws Exception {
		String key = UUID.randomUUID().toString();
		String path = "/api/phone-numbers/" + sinchA + "/voice-app";
		byte[] digest = IdempotencyKeyFilter.digest("POST", path,
				voiceApp("app-1").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		jdbc.update("""
				insert into idempotency_keys (user_id, idempotency_key, request_digest, method, path, created_at, expires_at)
				select id, ?, ?, 'POST', ?, now(), now() + interval '1 day' from users where username = ?""", key, digest,
				path, operator);
		mvc.perform(post(path, operator, voiceApp("app-1")).header(KEY, key))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("still being answered")));
		assertThat(changes(sinchA)).isZero();
	}

	/**
	 * Deterministic: the first request is held inside its transaction (after claiming the key, at
	 * the number's lock, which the test holds); the second is sent only then, and is seen waiting
	 * for the first one's transaction before the test lets go.
	 */
	@Test
	void twoRequestsWithOneKeyAtOnceMakeOneChange() throws Exception {
		String key = UUID.randomUUID().toString();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try (Connection lock = dataSource.getConnection()) {
			lock.setAutoCommit(false);
			int lockPid = pid(lock);
			try (PreparedStatement row = lock.prepareStatement("select id from phone_numbers where id = ? for update")) {
				row.setLong(1, sinchA);
				row.executeQuery().close();
			}
			CompletableFuture<MockHttpServletResponse> first = CompletableFuture
				.supplyAsync(() -> send(key), threads);
			int firstPid = await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(lockPid), pid -> pid != 0);
			CompletableFuture<MockHttpServletResponse> second = CompletableFuture
				.supplyAsync(() -> send(key), threads);
			await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(firstPid), pid -> pid != 0);
			assertThat(first).isNotDone();
			lock.commit();

			MockHttpServletResponse one = first.get(30, TimeUnit.SECONDS);
			MockHttpServletResponse two = second.get(30, TimeUnit.SECONDS);
			assertThat(one.getStatus()).isEqualTo(202);
			assertThat(two.getStatus()).isEqualTo(202);
			assertThat(one.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
			assertThat(two.getHeader(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
			assertThat(two.getContentAsString()).isEqualTo(one.getContentAsString());
			assertThat(two.getHeader(HttpHeaders.LOCATION)).isEqualTo(one.getHeader(HttpHeaders.LOCATION));
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(changes(sinchA)).isOne();
	}

	/** Two at once without holding anything: whichever wins, one change and two equal answers, a few times over. */
	@Test
	void racingDuplicatesMakeOneChangeEachTime() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				String key = UUID.randomUUID().toString();
				long number = number(sinchAccount, "SINCH", teamA, "race" + round);
				java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
				List<CompletableFuture<MockHttpServletResponse>> answers = List.of(1, 2).stream()
					.map(i -> CompletableFuture.supplyAsync(() -> {
						try {
							start.await(10, TimeUnit.SECONDS);
							return mvc.perform(post("/api/phone-numbers/" + number + "/voice-app", operator, voiceApp("app-r"))
								.header(KEY, key)).andReturn().getResponse();
						}
						catch (Exception failed) {
							throw new IllegalStateException(failed);
						}
					}, threads))
					.toList();
				MockHttpServletResponse a = answers.get(0).get(30, TimeUnit.SECONDS);
				MockHttpServletResponse b = answers.get(1).get(30, TimeUnit.SECONDS);
				assertThat(List.of(a.getStatus(), b.getStatus())).containsOnly(202);
				assertThat(a.getContentAsString()).isEqualTo(b.getContentAsString());
				assertThat(changes(number)).isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private MockHttpServletResponse send(String key) {
		try {
			return mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, voiceApp("app-1")).header(KEY, key))
				.andReturn()
				.getResponse();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static int pid(Connection connection) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/** The backend waiting for a lock this one holds, or 0. */
	private int blockedBy(int holder) {
		List<Integer> waiting = jdbc.queryForList("select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))",
				Integer.class, holder);
		return waiting.isEmpty() ? 0 : waiting.get(0);
	}
}
