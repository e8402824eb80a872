package com.numberops.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.NumberEvent;
import com.numberops.portal.numbers.NumberRecord;
import com.numberops.portal.numbers.WarmupState;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Seed 003's phone number response, field for field: every name, nesting, JSON type and enum
 * label as the document writes them, in its order. The one place where the mirror's record
 * ({@link NumberRecord}) and its timeline become that JSON: every /api answer about a number is
 * one of these (GET, PUT, the list's items, the edit resources' answers).
 *
 * <p>Where the mirror knows less than the seed's type says, the answer says null rather than make
 * a value up: {@code warmupHealthScore} of a number never scored, {@code adminEnablementOverride}
 * of a number without an override. {@code warmupProgressPercent} of a number never warmed is "0".
 *
 * <p>One field is added to the seed's: {@code links} (the number's own address, its open changes
 * and its pending override request). A client written against the seed reads the seed's fields
 * and ignores one it does not know; {@code events} is left out of the list's items (null there,
 * and then not written).
 */
@Schema(name = "PhoneNumber", description = "API response containing phone number data returned to callers (seed 003).")
public record PhoneNumberDocument(String number, Party business, Party user, @Nullable String teamId,
		@Nullable String campaignId, @Nullable String sourceId, boolean leadpingOwned, @Nullable String provider,
		@Nullable String providerPhoneNumberId, @Nullable String providerOrderId, @Nullable String providerOrderStatus,
		@Nullable String providerStatus, @Nullable String providerError, @Nullable Instant providerSyncedAt,
		@Nullable Instant providerReleasedAt, @Nullable Instant providerReleaseRequestedAt,
		@Nullable Instant providerReleaseHoldStartsAt, @Nullable Instant providerReleaseScheduledAt,
		@Nullable String providerReleaseReason, @Nullable String providerReleaseRequestedByUserId,
		@Nullable String providerReleaseRequestedByName, boolean providerReleaseUnassignAtHoldStart,
		@Schema(allowableValues = { "Available", "Assigned", "Pending verification", "Ready for SMS", "Ready for voice",
				"Restricted", "Suspended", "Failed", "Released", "Pending release", "Warmup-only",
				"Internal/test-only" }) String inventoryState,
		Capabilities capabilities, Routing routing, TenDlc tenDlc, Billing billing,
		@JsonProperty("isPreferred") boolean isPreferred, @JsonProperty("isDefault") boolean isDefault,
		Location location,
		@Schema(allowableValues = { "Unregistered", "Provisioning", "FailedProvisioning", "Active", "Expired",
				"Suspended", "PendingRelease" }) String status,
		boolean enabled, @Nullable EnablementOverride adminEnablementOverride,
		@JsonProperty("isInternalPool") boolean isInternalPool,
		@JsonProperty("isApprovedTestDestination") boolean isApprovedTestDestination,
		@JsonProperty("isMessagingProgramApproved") boolean isMessagingProgramApproved, boolean warmupEnabled,
		@Schema(allowableValues = { "Not Started", "Warming", "Healthy", "Needs Attention", "Paused", "Blocked",
				"Ready" }) @Nullable String warmupState,
		@Schema(allowableValues = { "Not Started", "Warming", "Healthy", "Needs Attention", "Paused", "Blocked",
				"Ready" }) @Nullable String healthStatus,
		@Schema(format = "int32", pattern = "^-?(?:0|[1-9]\\d*)$") @Nullable String warmupHealthScore,
		@Schema(format = "int32", pattern = "^-?(?:0|[1-9]\\d*)$") String warmupProgressPercent,
		@Nullable Instant warmupNextActionAt, @Nullable String warmupPauseReason, boolean callWarmupEnabled,
		@Schema(allowableValues = { "Not Started", "Not Eligible", "Warming", "Warmed", "Paused", "Needs Attention",
				"Blocked" }) @Nullable String callWarmupState,
		@Schema(allowableValues = { "Stage 0", "Stage 1", "Stage 2", "Stage 3", "Stage 4" }) @Nullable String callWarmupStage,
		@Nullable Instant callWarmupNextActionAt, @Nullable String callWarmupPauseReason,
		@Nullable String callWarmupHealthReason, @Nullable String healthReason,
		@Schema(description = "The newest events (at most 25), newest first; left out of the list's items.")
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Event> events,
		@Nullable String name, String id, Instant createdAt, @Nullable Instant modifiedAt,
		@Schema(description = "Not in seed 003: where to follow what this answer started. Clients of the seed ignore it.")
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Links links) {

	/** The seed's {@code business} and {@code user}: an id and a name. */
	public record Party(@Nullable String id, @Nullable String name) {
	}

	public record Capabilities(boolean sms, boolean voice, boolean warmup, boolean testing) {
	}

	public record Routing(boolean smsEnabled, boolean voiceEnabled, boolean warmupOnly, boolean internalTestOnly,
			@Nullable String teamId, @Nullable String sourceId, @Nullable String campaignId,
			@Nullable String messagingProfileId, @Nullable String voiceConnectionId) {
	}

	public record TenDlc(@Nullable String brandId, @Nullable String campaignId, @Nullable String campaignStatus,
			@Nullable String assignmentStatus, @Nullable String messagingProfileId, @Nullable Instant statusUpdatedAt,
			@Nullable String failureReason, @Nullable String lastProviderEventId) {
	}

	/** @param monthlyAmount a decimal as a string ("1.25"), as the seed types it */
	public record Billing(@Nullable String businessId, @Nullable String businessName, @Nullable String userId,
			@Nullable String userName, @Nullable String subscriptionItemId, @Nullable String monthlyAmount,
			@Nullable String channel) {
	}

	public record Location(@Nullable String location, @Nullable String state, @Nullable String countryCode,
			Coordinate coordinate, @Nullable String timeZoneId) {
	}

	/** Decimal degrees as strings, as the seed types them. */
	public record Coordinate(@Nullable String latitude, @Nullable String longitude) {
	}

	/** The admin enablement override in force: it decides over {@code enabled}. */
	public record EnablementOverride(boolean enabled, @Nullable String reason, @Nullable String updatedByUserId,
			@Nullable Instant updatedAt) {
	}

	public record Event(String id, String type, String title, @Nullable String details, @Nullable String actorId,
			@Nullable String actorName, Instant createdAt) {

		static Event of(NumberEvent event) {
			return new Event(String.valueOf(event.id()), event.type(), event.title(), event.details(),
					event.actorId() == null ? null : String.valueOf(event.actorId()), event.actorName(),
					event.createdAt());
		}
	}

	/**
	 * Where to look next: the number itself, its changes still on their way to the carrier, its
	 * override request waiting for an admin, and, in the answer to an edit, the change that edit
	 * made or acted on ({@code change}; absent elsewhere). Addresses are relative to the portal's
	 * base URL.
	 */
	public record Links(String self, List<ChangeLink> openChanges, @Nullable OverrideRequestLink pendingOverrideRequest,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ChangeLink change) {

		public Links(String self, List<ChangeLink> openChanges, @Nullable OverrideRequestLink pendingOverrideRequest) {
			this(self, openChanges, pendingOverrideRequest, null);
		}
	}

	/** @param kind the change's kind (RENAME, SMS_CONFIGURATION, ...), @param state PENDING, IN_PROGRESS, ... */
	public record ChangeLink(String id, String kind, String state, String href) {
	}

	public record OverrideRequestLink(String id, boolean enabled, String href) {
	}

	/** The number as the seed shows it, with its newest events (null: left out, as in the list). */
	public static PhoneNumberDocument of(NumberRecord number, @Nullable List<NumberEvent> events) {
		NumberRecord.Identity identity = number.identity();
		NumberRecord.Ownership owner = number.ownership();
		NumberRecord.Provider provider = number.provider();
		NumberRecord.Release release = number.release();
		NumberRecord.Routing routing = number.routing();
		NumberRecord.TenDlc tenDlc = number.tenDlc();
		NumberRecord.Billing billing = number.billing();
		NumberRecord.Location location = number.location();
		NumberRecord.Enablement enablement = number.enablement();
		NumberRecord.Flags flags = number.flags();
		NumberRecord.SmsWarmup warmup = number.warmup();
		NumberRecord.CallWarmup call = number.callWarmup();
		return new PhoneNumberDocument(identity.number(), new Party(owner.businessId(), owner.businessName()),
				new Party(owner.userId(), owner.userName()), string(owner.teamId()), owner.campaignId(), owner.sourceId(),
				owner.leadpingOwned(), provider.provider(), provider.providerPhoneNumberId(), provider.orderId(),
				provider.orderStatus(), provider.status(), provider.error(), provider.syncedAt(), release.releasedAt(),
				release.requestedAt(), release.holdStartsAt(), release.scheduledAt(), release.reason(),
				release.requestedByUserId(), release.requestedByName(), release.unassignAtHoldStart(),
				identity.inventoryState(),
				new Capabilities(number.capabilities().sms(), number.capabilities().voice(),
						number.capabilities().warmup(), number.capabilities().testing()),
				new Routing(routing.smsEnabled(), routing.voiceEnabled(), routing.warmupOnly(),
						routing.internalTestOnly(), routing.teamId(), routing.sourceId(), routing.campaignId(),
						routing.messagingProfileId(), routing.voiceConnectionId()),
				new TenDlc(tenDlc.brandId(), tenDlc.campaignId(), tenDlc.campaignStatus(), tenDlc.assignmentStatus(),
						tenDlc.messagingProfileId(), tenDlc.statusUpdatedAt(), tenDlc.failureReason(),
						tenDlc.lastProviderEventId()),
				new Billing(billing.businessId(), billing.businessName(), billing.userId(), billing.userName(),
						billing.subscriptionItemId(), decimal(billing.monthlyAmount()), billing.channel()),
				flags.preferred(), flags.isDefault(),
				new Location(location.name(), location.state(), location.countryCode(),
						new Coordinate(decimal(location.latitude()), decimal(location.longitude())),
						location.timeZoneId()),
				identity.status(), enablement.enabled(),
				enablement.overrideEnabled() == null ? null
						: new EnablementOverride(enablement.overrideEnabled(), enablement.overrideReason(),
								enablement.overrideUpdatedByUserId(), enablement.overrideUpdatedAt()),
				flags.internalPool(), flags.approvedTestDestination(), flags.messagingProgramApproved(),
				warmup.enabled(), WarmupState.of(warmup.state()).label(), number.health().status(),
				string(warmup.healthScore()), warmup.progressPercent() == null ? "0" : String.valueOf(warmup.progressPercent()),
				warmup.nextActionAt(), warmup.pauseReason(), call.enabled(), CallWarmupState.of(call.state()).label(),
				call.stage() == null ? null : "Stage " + call.stage(), call.nextActionAt(), call.pauseReason(),
				call.healthReason(), number.health().reason(),
				events == null ? null : events.stream().map(Event::of).toList(), identity.name(),
				String.valueOf(identity.id()), identity.createdAt(), identity.modifiedAt(), null);
	}

	/** The same document naming the change an edit made or acted on (its answer's {@code links.change}). */
	public PhoneNumberDocument withChange(ChangeLink change) {
		Links current = links == null ? new Links("/api/phone-numbers/" + id, List.of(), null) : links;
		return withLinks(new Links(current.self(), current.openChanges(), current.pendingOverrideRequest(), change));
	}

	/** The same document with links to follow. */
	public PhoneNumberDocument withLinks(Links links) {
		return new PhoneNumberDocument(number, business, user, teamId, campaignId, sourceId, leadpingOwned, provider,
				providerPhoneNumberId, providerOrderId, providerOrderStatus, providerStatus, providerError,
				providerSyncedAt, providerReleasedAt, providerReleaseRequestedAt, providerReleaseHoldStartsAt,
				providerReleaseScheduledAt, providerReleaseReason, providerReleaseRequestedByUserId,
				providerReleaseRequestedByName, providerReleaseUnassignAtHoldStart, inventoryState, capabilities, routing,
				tenDlc, billing, isPreferred, isDefault, location, status, enabled, adminEnablementOverride,
				isInternalPool, isApprovedTestDestination, isMessagingProgramApproved, warmupEnabled, warmupState,
				healthStatus, warmupHealthScore, warmupProgressPercent, warmupNextActionAt, warmupPauseReason,
				callWarmupEnabled, callWarmupState, callWarmupStage, callWarmupNextActionAt, callWarmupPauseReason,
				callWarmupHealthReason, healthReason, events, name, id, createdAt, modifiedAt, links);
	}

	private static @Nullable String string(@Nullable Object value) {
		return value == null ? null : String.valueOf(value);
	}

	private static @Nullable String decimal(@Nullable BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}
}
