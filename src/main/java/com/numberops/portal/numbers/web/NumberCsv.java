package com.numberops.portal.numbers.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.NumberRow;
import com.numberops.portal.numbers.NumberFacets;

/** The export's columns: what a spreadsheet user filters and pivots on, in words rather than codes. */
final class NumberCsv {

	static final List<String> HEADER = List.of("Number", "Name", "Provider", "Account", "Region", "Type", "Team",
			"Inventory state", "Status", "Enabled (effective)", "Override", "SMS plan", "10DLC campaign",
			"Warmup state", "Warmup health", "Call warmup state", "Pending change", "Modified (UTC)");

	private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Map<Long, NumberFacets.Account> accounts;

	NumberCsv(Map<Long, NumberFacets.Account> accounts) {
		this.accounts = accounts;
	}

	List<@Nullable Object> cells(NumberRow row) {
		NumberFacets.Account account = accounts.get(row.accountId());
		return Arrays.asList(row.number(), row.name(), Labels.provider(row.provider()),
				account == null ? String.valueOf(row.accountId()) : account.label(),
				row.countryCode(), row.numberType() == null ? null : Labels.TYPES.getOrDefault(row.numberType(), row.numberType()),
				row.teamName(), row.inventoryState(), row.status(), row.effectivelyEnabled() ? "yes" : "no",
				override(row), row.smsServicePlanId(), row.tenDlcCampaignId(), row.warmupState(),
				row.warmupHealthScore(), row.callWarmupState(), row.pendingChange() ? "yes" : "no",
				MODIFIED.format(row.modifiedAt()));
	}

	/** Empty without an override; otherwise what the override forces. */
	private static @Nullable String override(NumberRow row) {
		if (!row.overridden()) {
			return null;
		}
		return Boolean.TRUE.equals(row.overrideEnabled()) ? "enabled" : "disabled";
	}
}
