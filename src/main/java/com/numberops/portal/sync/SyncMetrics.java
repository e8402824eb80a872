package com.numberops.portal.sync;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Full sync runs for Prometheus, taken from the run as recorded when it ends: how long each took
 * ({@code portal.sync.runs}, by account, provider and outcome) and the numbers it fetched
 * ({@code portal.sync.numbers}, a counter: {@code rate()} of it is numbers per second). Told by the
 * run's own end event, so the sync itself carries no metrics code.
 */
@Component
class SyncMetrics {

	private final SyncRuns runs;

	private final ProviderAccounts accounts;

	private final MeterRegistry registry;

	SyncMetrics(SyncRuns runs, ProviderAccounts accounts, MeterRegistry registry) {
		this.runs = runs;
		this.accounts = accounts;
		this.registry = registry;
	}

	@EventListener
	void fullSyncFinished(FullSyncFinished finished) {
		SyncRun run = runs.find(finished.runId()).orElse(null);
		ProviderAccount account = accounts.find(finished.accountId()).orElse(null);
		if (run == null || account == null) {
			return;
		}
		String accountName = account.name();
		String provider = account.provider().name().toLowerCase(Locale.ROOT);
		Duration took = run.duration();
		if (took != null) {
			Timer.builder("portal.sync.runs")
				.description("Full sync runs of a carrier account, start to end")
				.tag("account", accountName)
				.tag("provider", provider)
				.tag("outcome", run.status())
				.register(registry)
				.record(took);
		}
		Counter.builder("portal.sync.numbers")
			.description("Numbers fetched from the carriers by full syncs (rate: numbers per second)")
			.tag("account", accountName)
			.tag("provider", provider)
			.register(registry)
			.increment(run.fetched());
	}
}
