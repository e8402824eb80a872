package com.numberops.portal.providers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The carrier accounts the portal follows: one per configured adapter, registered in
 * provider_accounts at start-up (numbers reference them), each with its adapter.
 */
@Service
public class ProviderAccounts implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	private final Map<ProviderKind, CarrierNumbers> adapters;

	/**
	 * The adapters' accounts as registered: their rows change only in {@link #register()}, so
	 * every sync, poll and webhook reads them from here instead of asking the database again.
	 */
	private volatile @Nullable List<ProviderAccount> registered;

	ProviderAccounts(JdbcClient jdbc, List<CarrierNumbers> adapters) {
		this.jdbc = jdbc;
		this.adapters = adapters.stream().collect(Collectors.toMap(CarrierNumbers::kind, Function.identity()));
	}

	/** Runs once every bean exists (Flyway has migrated), before any scheduled sync can start. */
	@Override
	public void afterSingletonsInstantiated() {
		register();
	}

	/** Idempotent: one statement per adapter. */
	public void register() {
		for (CarrierNumbers adapter : adapters.values()) {
			String mode = adapter.sandbox() ? "SANDBOX" : "LIVE";
			jdbc.sql("""
					insert into provider_accounts (provider, account_ref, name, mode) values (?, ?, ?, ?)
					on conflict (provider, account_ref) do update set mode = excluded.mode""")
				.params(adapter.kind().name(), adapter.accountRef(), adapter.kind().label(), mode)
				.update();
		}
		registered = load();
	}

	/** The accounts of the adapters configured now, in a stable order. */
	public List<ProviderAccount> all() {
		List<ProviderAccount> accounts = registered;
		if (accounts == null) {
			accounts = load();
			registered = accounts;
		}
		return accounts;
	}

	private List<ProviderAccount> load() {
		return jdbc.sql("select id, provider, account_ref, name, mode from provider_accounts order by provider, account_ref")
			.query((rs, i) -> new ProviderAccount(rs.getLong("id"), ProviderKind.valueOf(rs.getString("provider")),
					rs.getString("account_ref"), rs.getString("name"), "SANDBOX".equals(rs.getString("mode"))))
			.list()
			.stream()
			.filter(account -> adapterFor(account).isPresent())
			.toList();
	}

	public Optional<ProviderAccount> find(long id) {
		return all().stream().filter(account -> account.id() == id).findFirst();
	}

	/** The account's shop, if its carrier API sells numbers. */
	public Optional<NumberShop> shopFor(ProviderAccount account) {
		return adapterFor(account).filter(NumberShop.class::isInstance).map(NumberShop.class::cast);
	}

	public Optional<CarrierNumbers> adapterFor(ProviderAccount account) {
		return Optional.ofNullable(adapters.get(account.provider()))
			.filter(adapter -> adapter.accountRef().equals(account.accountRef()));
	}
}
