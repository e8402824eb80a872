package com.numberops.portal.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.numberops.portal.system.ForAdminsOfEveryTeam;

/** "Test connection" on the Providers page: one small authenticated listing call. */
@Service
public class ConnectionCheck {

	public record Result(boolean ok, Duration took, String message, @Nullable Integer totalSize) {
	}

	private final ProviderAccounts accounts;

	private final Clock clock;

	ConnectionCheck(ProviderAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@ForAdminsOfEveryTeam
	public Result test(long accountId) {
		ProviderAccount account = accounts.find(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No provider account " + accountId));
		CarrierNumbers adapter = accounts.adapterFor(account).orElseThrow();
		Instant start = clock.instant();
		try {
			ListScope scope = adapter.scopes().isEmpty() ? ListScope.all() : adapter.scopes().get(0);
			NumberPage page = adapter.page(scope, null, 1);
			Duration took = Duration.between(start, clock.instant());
			return new Result(true, took, "Connected: listed " + scope.label() + " in " + took.toMillis() + " ms.",
					page.totalSize());
		}
		catch (ProviderError error) {
			return new Result(false, Duration.between(start, clock.instant()), error.describe(), null);
		}
	}
}
