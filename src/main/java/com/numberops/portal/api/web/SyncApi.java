package com.numberops.portal.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The Sync page as resources: each carrier account's runs and its "Sync now".
 *
 * <ul>
 * <li>{@code GET /api/provider-accounts/{id}/sync-runs?limit=20}: the newest runs (at most 100) and
 * whether a sync is queued or running; anyone signed in, as the page.
 * <li>{@code GET /api/sync-runs/{id}}: one run, to follow it to its end.
 * <li>{@code POST /api/provider-accounts/{id}/sync-runs}: "Sync now" (operators and admins): 202, the
 * run starts within seconds; Location is the account's runs. While a sync of the account is queued or
 * running, another is not queued: 409, with a link to the running run when it has started.
 * </ul>
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class SyncApi {

	/** An account and its newest runs. */
	record AccountRuns(String accountId, String accountName, String provider, boolean syncQueued,
			List<SyncRunDocument> runs, Map<String, Link> links) {
	}

	/** What "Sync now" did. */
	record SyncQueued(String accountId, String accountName, boolean queued, Map<String, Link> links) {
	}

	private final ProviderAccounts accounts;

	private final SyncRuns runs;

	private final SyncRequests requests;

	SyncApi(ProviderAccounts accounts, SyncRuns runs, SyncRequests requests) {
		this.accounts = accounts;
		this.runs = runs;
		this.requests = requests;
	}

	@GetMapping("/api/provider-accounts/" + PathIds.ID + "/sync-runs")
	AccountRuns runs(@PathVariable long id,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "At least 1.") @Max(value = 100,
					message = "At most 100.") int limit) {
		ProviderAccount account = account(id);
		return new AccountRuns(String.valueOf(id), account.name(), account.provider().name(), requests.queued(id),
				runs.recent(id, limit).stream().map(SyncRunDocument::of).toList(),
				Map.of("self", new Link(ApiLinks.syncRuns(id))));
	}

	@GetMapping("/api/sync-runs/" + PathIds.ID)
	SyncRunDocument run(@PathVariable long id) {
		return SyncRunDocument.of(runs.find(id).orElseThrow(() -> new UnknownTarget("Sync run " + id)));
	}

	@PostMapping("/api/provider-accounts/" + PathIds.ID + "/sync-runs")
	ResponseEntity<?> syncNow(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user) {
		ProviderAccount account = account(id);
		Map<String, Link> links = Map.of("runs", new Link(ApiLinks.syncRuns(id)));
		// read before queueing: a refused queueing may leave the request's transaction (an
		// Idempotency-Key's) unusable, so nothing is read after it
		Optional<SyncRun> running = runs.running(id);
		if (requests.syncNow(id, user.getUsername())) {
			return ResponseEntity.accepted()
				.location(URI.create(ApiLinks.syncRuns(id)))
				.body(new SyncQueued(String.valueOf(id), account.name(), true, links));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A sync of " + account.name()
				+ " is already queued or running; no other was queued. Follow it at " + ApiLinks.syncRuns(id) + ".");
		problem.setTitle("Sync already queued");
		problem.setProperty("accountId", String.valueOf(id));
		running.ifPresent(run -> problem.setProperty("runningRun", ApiLinks.syncRun(run.id())));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ProviderAccount account(long id) {
		return accounts.find(id).orElseThrow(() -> new UnknownTarget("Provider account " + id));
	}
}
