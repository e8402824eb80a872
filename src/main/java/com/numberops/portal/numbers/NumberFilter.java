package com.numberops.portal.numbers;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.ProviderKind;

/**
 * What the inventory is narrowed to. Null: no restriction. Built by {@link NumberQueries#parse}
 * from request parameters, so every value here is already valid.
 *
 * @param digits digits anywhere in the number (3 or more)
 * @param name words anywhere in the name (3 or more characters)
 * @param enablement ENABLED / DISABLED (effective), OVERRIDDEN, NOT_OVERRIDDEN
 * @param provisioningError a carrier error code of a failed SMS or voice provisioning (a failure
 *        without a code counts as {@link com.numberops.portal.providers.ProvisioningErrors#UNSPECIFIED})
 * @param releaseWithin a release on hold whose hold ends within this time (or has ended, not yet released)
 * @param drift changed at the carrier outside the portal (a sync or webhook saw it) within this time
 * @param vanished gone from the carrier (a complete sync missed it) within this time
 * @param callStage call warmup stage 0-4 (the dashboard's call stage funnel links here)
 * @param noTeam the numbers of no team ({@code team=none}: the dashboard's "No team" links here)
 */
public record NumberFilter(@Nullable String digits, @Nullable String name, @Nullable ProviderKind provider,
		@Nullable Long accountId, @Nullable String region, @Nullable String type, @Nullable String capability,
		@Nullable InventoryState inventoryState, @Nullable NumberStatus status, @Nullable Long teamId,
		@Nullable String campaign, @Nullable String servicePlan, @Nullable String tenDlcCampaign,
		@Nullable String warmupState, @Nullable String callWarmupState, @Nullable String enablement,
		boolean pendingChange, boolean provisioningFailed, @Nullable String provisioningError,
		@Nullable Duration releaseWithin, @Nullable Duration drift, @Nullable Duration vanished,
		@Nullable Integer callStage, boolean noTeam) {

	/**
	 * The inventory's filter parameters, in the order the form shows them: the one list of their
	 * names, read by {@link NumberQueries#parse} and carried by the page's links and the bulk edit.
	 */
	public enum Parameter {

		Q("q"), PROVIDER("provider"), ACCOUNT("account"), REGION("region"), TYPE("type"), CAPABILITY("capability"),
		STATE("state"), STATUS("status"), TEAM("team"), CAMPAIGN("campaign"), PLAN("plan"), TENDLC("tendlc"),
		WARMUP("warmup"), CALL_WARMUP("callWarmup"), ENABLEMENT("enablement"), PENDING("pending"), FAILED("failed"),
		CALL_STAGE("callStage"),
		// the dashboard's worklist links (issue 15): not on the form, carried by links and the bulk edit
		PROVISIONING_ERROR("provisioningError"), RELEASE_WITHIN("releaseWithin"), DRIFT("drift"), VANISHED("vanished");

		public static final java.util.List<String> NAMES = java.util.Arrays.stream(values()).map(Parameter::key).toList();

		private final String key;

		Parameter(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	public static final NumberFilter NONE = new NumberFilter(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, false, false, null, null, null, null, null, false);

	/** Digits or words anywhere: patterns PostgreSQL cannot estimate, so their pages plan by a sample. */
	public boolean searchesText() {
		return digits != null || name != null;
	}
}
