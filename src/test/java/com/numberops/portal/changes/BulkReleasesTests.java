package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncTrigger;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * Releases in bulk (issue 17, item 6): admins only; the dry run refuses what a single release
 * refuses (pending release, released, not visible) with the reason; each number is held exactly as
 * a single release holds it; "Cancel the releases" cancels those still held as each one's Cancel
 * release does; "Retry the failed ones" sends exactly a batch's failed and partly applied changes
 * again; and whoever may not do these gets a 403 that changes nothing.
 */
class BulkReleasesTests extends PortalIntegrationTest {

	@Autowired
	BulkEdits bulk;

	@Autowired
	NumberEdits edits;

	@Autowired
	ChangesProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAdministration administration;

	@Autowired
	MockMvc mvc;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SandboxFaults faults;

	String tag;

	long account;

	long team;

	long otherTeam;

	@BeforeEach
	void anAccountAndTwoTeams() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		// the numbers' carrier is never called here: a release reaches it only when its hold ends
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Bulk release test', 'SANDBOX') returning id""", Long.class, "bulk-release-" + tag);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Keep-" + tag);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Other-" + tag);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long number(int salt, long teamId) {
		String e164 = "+1558" + (1_000_000 + Math.floorMod((tag + salt).hashCode(), 8_999_999));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status)
				values (?, 'Bulk release', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'Available', 'Active')
				returning id""", Long.class, e164, account, tag + "-" + salt, teamId);
	}

	PortalPrincipal principal(String username) {
		return SignedIn.as(users, username);
	}

	long submitted(long batchId) {
		PortalPrincipal admin = (PortalPrincipal) users.loadUserByUsername("admin");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !bulk.progress(admin, batchId).submitting());
		return batchId;
	}

	Timestamp scheduledAt(long numberId) {
		return jdbc.queryForObject("select provider_release_scheduled_at from phone_numbers where id = ?",
				Timestamp.class, numberId);
	}

	Map<Long, String> changeStates(long batchId) {
		return jdbc.queryForList("select phone_number_id, state from pending_changes where batch_id = ?", batchId)
			.stream()
			.collect(Collectors.toMap(row -> ((Number) row.get("phone_number_id")).longValue(),
					row -> (String) row.get("state")));
	}

	int batches() {
		return jdbc.queryForObject("select count(*) from change_batches", Integer.class);
	}

	@Test
	void aBulkReleaseRefusesWhatASingleReleaseRefusesAndHoldsTheRestAsASingleReleaseDoes() {
		long first = number(1, team);
		long second = number(2, team);
		long pending = number(3, team);
		long released = number(4, team);
		PortalPrincipal admin = principal("admin");
		edits.submit(admin, pending, new Edit.Release("Held already"), null, null);
		jdbc.update("update phone_numbers set provider_released_at = now() where id = ?", released);
		List<Long> selection = List.of(first, second, pending, released, Long.MAX_VALUE);
		Edit release = new Edit.Release("Customer left");

		Instant before = Instant.now();
		BulkEdits.Preview preview = bulk.preview(admin, selection, release);

		assertThat(preview.changing()).extracting(BulkEdits.Item::numberId).containsExactly(first, second);
		assertThat(preview.skipped()).extracting(BulkEdits.Item::numberId, BulkEdits.Item::skipReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(pending, "A release is already scheduled for this number."),
					org.assertj.core.groups.Tuple.tuple(released, "This number has been released: it can no longer be changed."),
					org.assertj.core.groups.Tuple.tuple(Long.MAX_VALUE, BulkEdits.NOT_VISIBLE));
		assertThat(preview.heldUntil()).isBetween(before.plus(properties.releaseHold()),
				Instant.now().plus(properties.releaseHold()));
		assertThat(scheduledAt(first)).as("a dry run changes nothing").isNull();

		long batchId = submitted(bulk.confirm(admin, selection, release, "5 selected numbers"));

		BulkEdits.Batch batch = bulk.batch(admin, batchId).orElseThrow();
		assertThat(batch.kind()).isEqualTo(ChangeKind.RELEASE);
		assertThat(batch.total()).isEqualTo(2);
		assertThat(batch.skipped()).isEqualTo(3);
		List<Change> changes = bulk.changes(admin, batchId);
		assertThat(changes).extracting(Change::numberId).containsExactly(first, second);
		// held exactly as a single release holds it: pending until the hold ends, the number pending release
		Change single = edits.submit(admin, number(5, team), new Edit.Release("Customer left"), null, null);
		assertThat(changes).allSatisfy(change -> {
			assertThat(change.state()).isEqualTo(ChangeState.PENDING);
			assertThat(change.nextAttemptAt()).isBetween(before.plus(properties.releaseHold()),
					single.nextAttemptAt());
			assertThat(change.summary()).startsWith("Release after a hold until ").endsWith(": Customer left");
			assertThat(change.payload()).isEqualTo(single.payload());
			assertThat(scheduledAt(change.numberId()).toInstant()).isEqualTo(change.nextAttemptAt());
		});
		BulkEdits.Progress progress = bulk.progress(admin, batchId);
		assertThat(progress.held()).isEqualTo(2);
		assertThat(progress.onlyHeld()).as("nothing moves until a hold ends").isTrue();
		assertThat(progress.firstHoldEnds()).isEqualTo(changes.get(0).nextAttemptAt());
		assertThat(progress.lastHoldEnds()).isEqualTo(changes.get(1).nextAttemptAt());
		assertThat(jdbc.queryForObject("""
				select count(*) from number_events where phone_number_id in (?, ?) and type = 'EDIT_REQUESTED'
				  and title = 'Release requested'""", Integer.class, first, second)).isEqualTo(2);
	}

	@Test
	void cancellingTheReleasesKeepsEveryNumberStillHeldAndASingleCancelStillWorks() {
		long first = number(11, team);
		long second = number(12, team);
		long third = number(13, team);
		PortalPrincipal admin = principal("admin");
		long batchId = submitted(bulk.confirm(admin, List.of(first, second, third), new Edit.Release("Tidying up"), "3"));
		Map<Long, Long> changeOf = bulk.changes(admin, batchId)
			.stream()
			.collect(Collectors.toMap(Change::numberId, Change::id));
		// one is cancelled on its own first, as on the number's page
		Change alone = edits.cancel(admin, changeOf.get(first));
		assertThat(alone.state()).isEqualTo(ChangeState.CANCELLED);
		assertThat(scheduledAt(first)).isNull();

		BulkEdits.Outcome outcome = bulk.cancelReleases(admin, batchId);

		assertThat(outcome.done()).as("only those still held").isEqualTo(2);
		assertThat(outcome.refused()).isEmpty();
		assertThat(changeStates(batchId)).containsOnly(Map.entry(first, "CANCELLED"), Map.entry(second, "CANCELLED"),
				Map.entry(third, "CANCELLED"));
		for (long id : List.of(first, second, third)) {
			assertThat(scheduledAt(id)).as("number %d is kept", id).isNull();
		}
		assertThat(jdbc.queryForObject("""
				select count(*) from number_events where phone_number_id in (?, ?, ?) and type = 'CHANGE_CANCELLED'""",
				Integer.class, first, second, third)).isEqualTo(3);
		BulkEdits.Progress progress = bulk.progress(admin, batchId);
		assertThat(progress.done()).isTrue();
		assertThat(progress.held()).isZero();
		assertThatThrownBy(() -> bulk.cancelReleases(admin, batchId)).isInstanceOf(EditRefused.class)
			.hasMessageContaining("No release of this bulk edit can still be cancelled");
		// and they can be released again, one at a time
		assertThat(edits.submit(admin, second, new Edit.Release("After all"), null, null).state())
			.isEqualTo(ChangeState.PENDING);
	}

	@Test
	void retryingTheFailedOnesSendsExactlyTheFailedAndPartlyAppliedChangesAgain() throws Exception {
		faults.clearAll();
		long flowrouteAccount = accounts.all().stream().filter(a -> a.provider() == ProviderKind.FLOWROUTE).findFirst()
			.orElseThrow().id();
		sync.syncAccount(flowrouteAccount, SyncTrigger.MANUAL, "test").orElseThrow();
		List<Long> flowroute = jdbc.queryForList("""
				select p.id from phone_numbers p
				where p.provider = 'FLOWROUTE' and p.provider_released_at is null and p.provider_missing_since is null
				  and p.provider_release_scheduled_at is null and coalesce(p.cnam_lookups_enabled, false) = false
				  and not exists (select 1 from pending_changes c where c.phone_number_id = p.id
				                  and c.state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER', 'PARTIAL'))
				order by p.id desc limit 4""", Long.class);
		assertThat(flowroute).hasSize(4);
		PortalPrincipal operator = principal("operator");
		long whole = submitted(bulk.confirm(operator, flowroute, new Edit.CnamLookups(true), "4 selected numbers"));
		PortalPrincipal admin = principal("admin");
		await().atMost(Duration.ofSeconds(60)).until(() -> bulk.progress(admin, whole).done());
		List<Change> made = bulk.changes(admin, whole);
		assertThat(made).hasSize(4);
		assertThatThrownBy(() -> bulk.retryFailed(operator, whole)).as("none failed: nothing to retry")
			.isInstanceOf(EditRefused.class).hasMessageContaining("nothing to retry");
		// two fail at the carrier, one is applied in part (a Flowroute 207); the rest stay as they are
		jdbc.update("update pending_changes set state = 'FAILED', provider_code = '500', version = version + 1 where id in (?, ?)",
				made.get(0).id(), made.get(1).id());
		jdbc.update("update pending_changes set state = 'PARTIAL', version = version + 1 where id = ?", made.get(2).id());
		Set<Long> retriedNumbers = Set.of(made.get(0).numberId(), made.get(1).numberId(), made.get(2).numberId());
		Map<Long, Long> untouched = made.subList(3, made.size())
			.stream()
			.collect(Collectors.toMap(Change::id, change -> jdbc.queryForObject(
					"select version from pending_changes where id = ?", Long.class, change.id())));
		assertThat(bulk.progress(admin, whole).failed()).isEqualTo(3);
		assertThat(mvc.perform(get("/changes/batches/" + whole).with(user(users.loadUserByUsername("operator"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("id=\"batch-retry-failed\"", "Retry the failed ones (3)").doesNotContain("batch-cancel-releases");
		assertThat(mvc.perform(get("/changes/batches/" + whole).with(user(users.loadUserByUsername("viewer"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.as("viewers retry nothing").doesNotContain("batch-retry-failed");

		// these numbers are the shared mirror's: other tests may have retried changes of them before
		long eventsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from number_events", Long.class);
		// signed in again: a MockMvc request leaves no one signed in on this thread
		BulkEdits.Outcome outcome = bulk.retryFailed(principal("operator"), whole);

		assertThat(outcome.done()).isEqualTo(3);
		assertThat(outcome.refused()).isEmpty();
		assertThat(jdbc.queryForList("""
				select phone_number_id from number_events where phone_number_id = any(?) and type = 'CHANGE_RETRIED' and id > ?""",
				Long.class, flowroute.toArray(Long[]::new), eventsBefore)).containsExactlyInAnyOrderElementsOf(retriedNumbers);
		untouched.forEach((id, version) -> assertThat(jdbc.queryForObject(
				"select version from pending_changes where id = ?", Long.class, id)).as("change %d", id).isEqualTo(version));
		// sent again, they reach the carrier like any retried change
		await().atMost(Duration.ofSeconds(60)).until(() -> bulk.progress(admin, whole).done());
		assertThat(bulk.progress(admin, whole).count(ChangeState.SUCCEEDED)).isEqualTo(made.size());
	}

	@Test
	void operatorsMayNotReleaseInBulkNorCancelTheReleasesAndTheirPostsChangeNothing() throws Exception {
		long first = number(21, team);
		long second = number(22, team);
		String ids = first + "," + second;
		int before = batches();
		mvc.perform(post("/changes/bulk/preview").with(user(users.loadUserByUsername("operator")))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "RELEASE")
			.param("reason", "Operators may not")).andExpect(status().isForbidden());
		mvc.perform(post("/changes/bulk").with(user(users.loadUserByUsername("operator")))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "RELEASE")
			.param("reason", "Operators may not")
			.param("confirm", "yes")).andExpect(status().isForbidden());
		assertThat(batches()).isEqualTo(before);
		assertThat(scheduledAt(first)).isNull();
		assertThat(scheduledAt(second)).isNull();
		String form = mvc.perform(get("/changes/bulk").with(user(users.loadUserByUsername("operator"))).param("ids", ids))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).doesNotContain("value=\"RELEASE\"", "id=\"bulk-reason\"");

		PortalPrincipal admin = principal("admin");
		long batchId = submitted(bulk.confirm(admin, List.of(first, second), new Edit.Release("Admins may"), "2"));
		String page = mvc.perform(get("/changes/batches/" + batchId).with(user(users.loadUserByUsername("operator"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"batch-held-until\"").doesNotContain("batch-cancel-releases", "batch-retry-failed");
		for (String action : List.of("cancel-releases", "retry-failed")) {
			mvc.perform(post("/changes/batches/" + batchId + "/" + action).with(user(users.loadUserByUsername("operator")))
				.with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(post("/changes/batches/" + batchId + "/retry-failed").with(user(users.loadUserByUsername("viewer")))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(changeStates(batchId)).containsOnly(Map.entry(first, "PENDING"), Map.entry(second, "PENDING"));
		assertThat(scheduledAt(first)).isNotNull();
		// a failed release is the admins' to retry, not an operator's
		jdbc.update("update pending_changes set state = 'FAILED', version = version + 1 where batch_id = ? and phone_number_id = ?",
				batchId, first);
		assertThatThrownBy(() -> bulk.retryFailed(principal("operator"), batchId)).isInstanceOf(AccessDeniedException.class);
		assertThat(changeStates(batchId)).containsEntry(first, "FAILED");
	}

	@Test
	void withoutJavaScriptABulkReleaseIsAskedOnceMoreThenMadeAndItsPageOffersToCancelIt() throws Exception {
		long first = number(31, team);
		long second = number(32, team);
		long gone = number(33, team);
		jdbc.update("update phone_numbers set provider_released_at = now() where id = ?", gone);
		String ids = first + "," + second + "," + gone;
		int before = batches();

		String preview = mvc.perform(post("/changes/bulk/preview").with(user(users.loadUserByUsername("admin")))
			.with(csrf()).param("ids", ids).param("kind", "RELEASE").param("reason", "Contract ended"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("id=\"bulk-release-hold\"", "(in 7 days)", "data-confirm=\"Release 2 numbers?",
				"Release 2 numbers</button>", "name=\"reason\" value=\"Contract ended\"", "This number has been released");

		String asked = mvc.perform(post("/changes/bulk").with(user(users.loadUserByUsername("admin")))
			.with(csrf()).param("ids", ids).param("kind", "RELEASE").param("reason", "Contract ended"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(asked).contains("id=\"confirmation\"", "Release 2 numbers?", "(in 7 days)", "Contract ended",
				"<input type=\"hidden\" name=\"confirm\" value=\"yes\">", "name=\"ids\" value=\"" + ids + "\"",
				"action=\"/changes/bulk\"");
		assertThat(batches()).as("nothing until the person says yes").isEqualTo(before);
		assertThat(scheduledAt(first)).isNull();

		MvcResult made = mvc.perform(post("/changes/bulk").with(user(users.loadUserByUsername("admin")))
			.with(csrf()).param("ids", ids).param("kind", "RELEASE").param("reason", "Contract ended").param("confirm", "yes"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = made.getResponse().getRedirectedUrl();
		long batchId = submitted(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(scheduledAt(first)).isNotNull();
		assertThat(scheduledAt(second)).isNotNull();

		String page = mvc.perform(get(location).with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"batch-held-until\"", "(in 7 days)", "id=\"batch-cancel-releases\"", "2 held")
			.doesNotContain("every 2s", "batch-retry-failed");

		MvcResult cancelled = mvc.perform(post(location + "/cancel-releases").with(user(users.loadUserByUsername("admin")))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(cancelled.getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(((Toast) cancelled.getFlashMap().get("toast")).message())
			.isEqualTo("Cancelled: 2 releases. Those numbers are kept.");
		assertThat(scheduledAt(first)).isNull();
		assertThat(scheduledAt(second)).isNull();
		assertThat(changeStates(batchId)).containsOnly(Map.entry(first, "CANCELLED"), Map.entry(second, "CANCELLED"));
	}

	@Test
	void aTeamLimitedAdminCancelsAndRetriesOnlyTheirTeamsPart() {
		long ours = number(41, team);
		long theirs = number(42, otherTeam);
		PortalPrincipal admin = principal("admin");
		long held = submitted(bulk.confirm(admin, List.of(ours, theirs), new Edit.Release("Both teams"), "2"));
		String username = "bulk-release-" + tag;
		administration.create(new NewUser(username, "Limited " + tag, Role.ADMIN, "long-enough-1", Set.of(team)));
		PortalPrincipal limited = principal(username);

		BulkEdits.Outcome cancelled = bulk.cancelReleases(limited, held);
		assertThat(cancelled.done()).isEqualTo(1);
		assertThat(changeStates(held)).containsEntry(ours, "CANCELLED").containsEntry(theirs, "PENDING");
		assertThat(scheduledAt(ours)).isNull();
		assertThat(scheduledAt(theirs)).as("another team's number is none of theirs").isNotNull();

		long ours2 = number(43, team);
		long theirs2 = number(44, otherTeam);
		long failing = submitted(bulk.confirm(admin, List.of(ours2, theirs2), new Edit.Release("Both teams"), "2"));
		jdbc.update("update pending_changes set state = 'FAILED', version = version + 1 where batch_id = ?", failing);
		long theirVersion = jdbc.queryForObject("select version from pending_changes where batch_id = ? and phone_number_id = ?",
				Long.class, failing, theirs2);

		BulkEdits.Outcome retried = bulk.retryFailed(limited, failing);

		assertThat(retried.done()).isEqualTo(1);
		assertThat(jdbc.queryForList("""
				select phone_number_id from number_events where phone_number_id in (?, ?) and type = 'CHANGE_RETRIED'""",
				Long.class, ours2, theirs2)).containsExactly(ours2);
		assertThat(jdbc.queryForObject("select version from pending_changes where batch_id = ? and phone_number_id = ?",
				Long.class, failing, theirs2)).isEqualTo(theirVersion);
	}
}
