package com.numberops.portal.numbers.web;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.NumberRow;
import com.numberops.portal.system.PageTimes;
import com.numberops.portal.system.Times;

/**
 * One inventory row with its cells already worded, for {@link InventoryRowsHtml} to write: the
 * wording (labels, "—" inside a value, the override's explanation) is decided here and the HTML
 * there. A null cell is left empty and shown as "—" by the stylesheet ({@code .cell:empty}).
 */
public record InventoryRow(long id, String number, @Nullable String name, boolean pendingChange, String provider,
		String region, @Nullable String team, String inventoryState, String status, @Nullable String smsPlan,
		@Nullable String warmup, @Nullable Integer warmupHealth, @Nullable String callWarmup, boolean enabled,
		@Nullable String overrideTitle, String modified) {

	static InventoryRow of(NumberRow row) {
		String region = row.countryCode() == null ? "—" : row.countryCode();
		if (row.numberType() != null) {
			region += " · " + Labels.TYPES.getOrDefault(row.numberType(), row.numberType());
		}
		String plan = null;
		if (row.smsServicePlanId() != null || row.tenDlcCampaignId() != null) {
			plan = orDash(row.smsServicePlanId()) + " / " + orDash(row.tenDlcCampaignId());
		}
		String overrideTitle = null;
		if (row.overridden()) {
			overrideTitle = "Admin override: " + (row.effectivelyEnabled() ? "enabled" : "disabled")
					+ " (its own flag says " + (row.enabled() ? "enabled" : "disabled") + ")";
		}
		return new InventoryRow(row.id(), row.number(), row.name(), row.pendingChange(), Labels.provider(row.provider()),
				region, row.teamName(), row.inventoryState(), row.status(), plan, row.warmupState(),
				row.warmupHealthScore(), row.callWarmupState() == null ? null : "calls: " + row.callWarmupState(),
				row.effectivelyEnabled(), overrideTitle,
				// in the zone of the person the page is for
				Times.in(PageTimes.zone(), row.modifiedAt()).at(row.modifiedAt()));
	}

	private static String orDash(@Nullable String value) {
		return value == null ? "—" : value;
	}
}
