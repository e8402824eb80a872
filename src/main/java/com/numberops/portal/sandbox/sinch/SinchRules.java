package com.numberops.portal.sandbox.sinch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.sandbox.SandboxApi.FieldViolation;

/**
 * Every rule the simulated Sinch enforces, in one place and free of I/O, so each one can be
 * table-tested: query validation and paging of the list endpoints (seed 002), the change rules of
 * PATCH and {@code :rent} (seed 001/000: unlink before link, no empty configuration objects,
 * campaigns on US numbers only, one scheduled provisioning job at a time), how a job ends, and
 * which callback events it produces.
 */
final class SinchRules {

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAX_PAGE_SIZE = 1000;

	static final List<String> TYPES = List.of("MOBILE", "LOCAL", "TOLL_FREE");

	static final List<String> CAPABILITIES = List.of("SMS", "VOICE");

	/** Seed 002 spells the middle one CONTAIN (query parameter) and CONTAINS (schema): both are taken. */
	static final List<String> SEARCH_PATTERNS = List.of("START", "CONTAIN", "CONTAINS", "END");

	/** Deterministic failure hooks (package-info): linking these always ends FAILED. */
	static final String FAILING_CAMPAIGN = "CFAILED1";

	static final String FAILING_SERVICE_PLAN = "SPFAILED1";

	static final String FAILING_VOICE_APP = "VFAILED1";

	static final String CAMPAIGN_NOT_AVAILABLE = "CAMPAIGN_NOT_AVAILABLE";

	static final String SMS_PROVISIONING_FAILED = "SMS_PROVISIONING_FAILED";

	/** Stored as a voice job's outcome; the voice API itself reports no error codes. */
	static final String VOICE_PROVISIONING_FAILED = "VOICE_PROVISIONING_FAILED";

	/** The failure codes a callback event may carry (Sinch's callback FailureCode enum). */
	static final Set<String> CALLBACK_FAILURE_CODES = Set.of("CAMPAIGN_EXPIRED", "CAMPAIGN_MNO_REJECTED",
			"CAMPAIGN_MNO_REVIEW", "CAMPAIGN_MNO_SUSPENDED", "CAMPAIGN_NOT_AVAILABLE", "CAMPAIGN_PENDING_ACCEPTANCE",
			"CAMPAIGN_PROVISIONING_FAILED", "EXCEEDED_10DLC_LIMIT", "INSUFFICIENT_BALANCE", "INVALID_NNID",
			"MNO_SHARING_ERROR", "MOCK_CAMPAIGN_NOT_ALLOWED", "NUMBER_PROVISIONING_FAILED",
			"PARTNER_SERVICE_UNAVAILABLE", "TFN_NOT_ALLOWED");

	/** Regions the sandbox provides numbers in, with their types (matches the seeded shop window). */
	record Region(String regionCode, String regionName, List<String> types) {
	}

	static final List<Region> REGIONS = List.of(new Region("US", "United States", List.of("LOCAL", "MOBILE", "TOLL_FREE")),
			new Region("CA", "Canada", List.of("LOCAL", "TOLL_FREE")),
			new Region("GB", "United Kingdom", List.of("LOCAL", "MOBILE", "TOLL_FREE")));

	private SinchRules() {
	}

	// ---------------------------------------------------------------- listing

	enum OrderBy {
		PHONE_NUMBER("phoneNumber"), DISPLAY_NAME("displayName");

		final String wire;

		OrderBy(String wire) {
			this.wire = wire;
		}
	}

	/**
	 * {@code numberPattern.pattern} and {@code numberPattern.searchPattern}. START compares with
	 * the whole E.164 number including its {@code +} (seed 002: "a plus sign (+) must be
	 * included"); a pattern without a search pattern is searched anywhere (CONTAIN).
	 */
	record NumberPattern(String pattern, String searchPattern) {

		/** A SQL LIKE pattern; the pattern holds only digits and '+', so nothing needs escaping. */
		String like() {
			return switch (searchPattern) {
				case "START" -> pattern + "%";
				case "END" -> "%" + pattern;
				default -> "%" + pattern + "%";
			};
		}

		boolean matches(String phoneNumber) {
			return switch (searchPattern) {
				case "START" -> phoneNumber.startsWith(pattern);
				case "END" -> phoneNumber.endsWith(pattern);
				default -> phoneNumber.contains(pattern);
			};
		}
	}

	/** A valid {@code GET .../activeNumbers} query. {@code after}: where the page starts, null for the first. */
	record ActiveListQuery(String regionCode, String type, @Nullable NumberPattern pattern, List<String> capabilities,
			OrderBy orderBy, int pageSize, @Nullable PageToken after) {

		String fingerprint() {
			return SinchRules.fingerprint("active", regionCode, type, pattern == null ? "" : pattern.pattern(),
					pattern == null ? "" : pattern.searchPattern(), String.join(",", capabilities), orderBy.wire);
		}
	}

	/** A valid {@code GET .../importedNumbers} query ("" filters match unlinked numbers). */
	record ImportedListQuery(String servicePlanId, String campaignId, int pageSize, @Nullable PageToken after) {

		String fingerprint() {
			return SinchRules.fingerprint("imported", servicePlanId, campaignId);
		}
	}

	/** A valid {@code GET .../availableNumbers} query. */
	record AvailableQuery(String regionCode, String type, @Nullable NumberPattern pattern, List<String> capabilities,
			int size) {
	}

	static ActiveListQuery activeListQuery(@Nullable String regionCode, @Nullable String type,
			@Nullable String pattern, @Nullable String searchPattern, @Nullable List<String> capabilities,
			@Nullable String orderBy, @Nullable String pageSize, @Nullable String pageToken) {
		List<FieldViolation> violations = new ArrayList<>();
		requireRegionCode(regionCode, violations);
		requireType(type, violations);
		NumberPattern numberPattern = numberPattern(pattern, searchPattern, violations);
		List<String> capabilityFilter = capabilities("capability", capabilities, violations);
		OrderBy order = OrderBy.PHONE_NUMBER;
		if (orderBy != null && !orderBy.isBlank()) {
			Optional<OrderBy> known = java.util.Arrays.stream(OrderBy.values())
				.filter(o -> o.wire.equals(orderBy.strip()))
				.findFirst();
			if (known.isPresent()) {
				order = known.get();
			}
			else {
				violations.add(new FieldViolation("orderBy", "orderBy must be phoneNumber or displayName"));
			}
		}
		int size = pageSize("pageSize", pageSize, DEFAULT_PAGE_SIZE, violations);
		throwIfAny(violations);
		ActiveListQuery firstPage = new ActiveListQuery(Objects.requireNonNull(regionCode),
				Objects.requireNonNull(type), numberPattern, capabilityFilter, order, size, null);
		return new ActiveListQuery(regionCode, type, numberPattern, capabilityFilter, order, size,
				after(pageToken, firstPage.fingerprint()));
	}

	/**
	 * The real imported numbers API requires both filters; a present but empty value matches
	 * numbers that are not linked (so that every imported number can be listed by some query).
	 */
	static ImportedListQuery importedListQuery(@Nullable String servicePlanId, @Nullable String campaignId,
			@Nullable String pageSize, @Nullable String pageToken) {
		List<FieldViolation> violations = new ArrayList<>();
		if (servicePlanId == null) {
			violations.add(new FieldViolation("servicePlanId", "servicePlanId is required"));
		}
		if (campaignId == null) {
			violations.add(new FieldViolation("campaignId", "campaignId is required"));
		}
		int size = pageSize("pageSize", pageSize, DEFAULT_PAGE_SIZE, violations);
		throwIfAny(violations);
		ImportedListQuery firstPage = new ImportedListQuery(Objects.requireNonNull(servicePlanId).strip(),
				Objects.requireNonNull(campaignId).strip(), size, null);
		return new ImportedListQuery(firstPage.servicePlanId(), firstPage.campaignId(), size,
				after(pageToken, firstPage.fingerprint()));
	}

	static AvailableQuery availableQuery(@Nullable String regionCode, @Nullable String type, @Nullable String pattern,
			@Nullable String searchPattern, @Nullable List<String> capabilities, @Nullable String size) {
		List<FieldViolation> violations = new ArrayList<>();
		requireRegionCode(regionCode, violations);
		requireType(type, violations);
		NumberPattern numberPattern = numberPattern(pattern, searchPattern, violations);
		List<String> capabilityFilter = capabilities("capabilities", capabilities, violations);
		int limit = pageSize("size", size, DEFAULT_PAGE_SIZE, violations);
		throwIfAny(violations);
		return new AvailableQuery(Objects.requireNonNull(regionCode), Objects.requireNonNull(type), numberPattern,
				capabilityFilter, limit);
	}

	/** {@code GET .../availableRegions?types=...}: regions offering any of the types (all without a filter). */
	static List<Region> regions(@Nullable List<String> types) {
		Set<String> wanted = new TreeSet<>();
		List<FieldViolation> violations = new ArrayList<>();
		for (String type : types == null ? List.<String>of() : types) {
			if ("NUMBER_TYPE_UNSPECIFIED".equals(type) || type.isBlank()) {
				continue;
			}
			if (TYPES.contains(type)) {
				wanted.add(type);
			}
			else {
				violations.add(new FieldViolation("types", "types must be MOBILE, LOCAL or TOLL_FREE, not " + type));
			}
		}
		throwIfAny(violations);
		return REGIONS.stream().filter(r -> wanted.isEmpty() || r.types().stream().anyMatch(wanted::contains)).toList();
	}

	private static void requireRegionCode(@Nullable String regionCode, List<FieldViolation> violations) {
		if (regionCode == null || regionCode.isBlank()) {
			violations.add(new FieldViolation("regionCode", "regionCode is required"));
		}
		else if (!regionCode.matches("[A-Z]{2}")) {
			violations.add(new FieldViolation("regionCode",
					"regionCode must be an ISO 3166-1 alpha-2 code such as US, GB or SE"));
		}
	}

	private static void requireType(@Nullable String type, List<FieldViolation> violations) {
		if (type == null || type.isBlank()) {
			violations.add(new FieldViolation("type", "type is required"));
		}
		else if (!TYPES.contains(type)) {
			violations.add(new FieldViolation("type", "type must be MOBILE, LOCAL or TOLL_FREE"));
		}
	}

	private static @Nullable NumberPattern numberPattern(@Nullable String pattern, @Nullable String searchPattern,
			List<FieldViolation> violations) {
		String search = searchPattern == null || searchPattern.isBlank() ? "CONTAIN" : searchPattern;
		if (!SEARCH_PATTERNS.contains(search)) {
			violations.add(new FieldViolation("numberPattern.searchPattern",
					"numberPattern.searchPattern must be START, CONTAINS or END"));
			return null;
		}
		if (pattern == null || pattern.isEmpty()) {
			return null;
		}
		if (!pattern.matches("\\+?[0-9]{1,15}")) {
			// a raw '+' in a query string arrives as a space: the seed asks for %2B
			violations.add(new FieldViolation("numberPattern.pattern",
					"numberPattern.pattern must be a sequence of digits, optionally with a leading + (URL-encoded as %2B)"));
			return null;
		}
		return new NumberPattern(pattern, search);
	}

	private static List<String> capabilities(String field, @Nullable List<String> values,
			List<FieldViolation> violations) {
		Set<String> capabilities = new TreeSet<>();
		for (String value : values == null ? List.<String>of() : values) {
			if (CAPABILITIES.contains(value)) {
				capabilities.add(value);
			}
			else {
				violations.add(new FieldViolation(field, field + " must be SMS or VOICE, not " + value));
			}
		}
		return List.copyOf(capabilities);
	}

	/** Absent or 0: the default; above the maximum: the maximum (as Google-style APIs do); negative: refused. */
	static int pageSize(String field, @Nullable String value, int defaultSize, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			return defaultSize;
		}
		int size;
		try {
			size = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notANumber) {
			violations.add(new FieldViolation(field, field + " must be an integer"));
			return defaultSize;
		}
		if (size < 0) {
			violations.add(new FieldViolation(field, field + " must not be negative"));
			return defaultSize;
		}
		return size == 0 ? defaultSize : Math.min(size, MAX_PAGE_SIZE);
	}

	/** The position a token points at; refused when it is not ours or belongs to another query. */
	static @Nullable PageToken after(@Nullable String pageToken, String fingerprint) {
		if (pageToken == null || pageToken.isEmpty()) {
			return null;
		}
		PageToken token = PageToken.decode(pageToken)
			.orElseThrow(() -> SinchSandboxException.invalid("pageToken", "pageToken is not a valid page token"));
		if (!token.query().equals(fingerprint)) {
			throw SinchSandboxException.invalid("pageToken",
					"pageToken belongs to a listing with other filters or order; start again without it");
		}
		return token;
	}

	static String fingerprint(String... parts) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw SinchSandboxException.invalid(violations);
		}
	}

	// ---------------------------------------------------------------- changes

	/** The SMS link a job should reach. */
	record SmsTarget(String servicePlanId, String campaignId) {
	}

	/**
	 * What a change request does to a number: refusals, or the jobs to start (null: nothing to
	 * provision for that part). Display name and callback URL apply at once.
	 */
	record Changes(List<FieldViolation> violations, @Nullable SmsTarget sms, @Nullable String voiceAppId) {

		Changes {
			violations = List.copyOf(violations);
		}

		boolean refused() {
			return !violations.isEmpty();
		}
	}

	/**
	 * Checks a PATCH (or {@code :rent}) against the number as it is now.
	 *
	 * @param servicePlanIdRequired seed 001/002 mark {@code smsConfiguration.servicePlanId}
	 * required for active numbers; seed 000 (imported) does not
	 */
	static Changes changes(SinchNumber number, SinchChangeRequest request, boolean servicePlanIdRequired) {
		return changes(number, request, servicePlanIdRequired, url -> true);
	}

	/**
	 * @param callbackAllowed whether a callbackUrl is a target the sandbox may call
	 * ({@link CallbackTargets}); any other is refused here, before anything is stored
	 */
	static Changes changes(SinchNumber number, SinchChangeRequest request, boolean servicePlanIdRequired,
			Predicate<String> callbackAllowed) {
		List<FieldViolation> violations = new ArrayList<>();
		String callbackUrl = request.callbackUrl();
		if (callbackUrl != null && !callbackUrl.isEmpty()) {
			if (!callbackUrl.matches("https?://[^\\s/?#]+[^\\s]*")) {
				violations.add(new FieldViolation("callbackUrl", "callbackUrl must be an absolute http(s) URL"));
			}
			else if (!callbackAllowed.test(callbackUrl)) {
				violations.add(new FieldViolation("callbackUrl",
						"callbackUrl must be this portal's own webhook (/webhooks/sinch) or on a host allowed by "
								+ "portal.sandbox.callback-hosts"));
			}
		}
		SmsTarget sms = request.sms() == null ? null
				: smsChange(number, request.sms(), servicePlanIdRequired, violations);
		String voice = request.voice() == null ? null : voiceChange(number, request.voice(), violations);
		return violations.isEmpty() ? new Changes(List.of(), sms, voice) : new Changes(violations, null, null);
	}

	/**
	 * Seed 001: a number linked to a service plan or campaign must be unlinked ({@code ""}) before
	 * it is linked to a different one; sending the current value again changes nothing, unless the
	 * last job FAILED (then it is provisioned afresh, replacing the failed job). While a
	 * job runs, only a repeat of that job's request is accepted (a retried PATCH must not fail),
	 * anything else is refused until the job has been applied or has failed.
	 */
	static @Nullable SmsTarget smsChange(SinchNumber number, SinchChangeRequest.Sms request,
			boolean servicePlanIdRequired, List<FieldViolation> violations) {
		if (request.empty()) {
			violations.add(new FieldViolation("smsConfiguration",
					"smsConfiguration must not be an empty object: send only the configuration objects you change"));
			return null;
		}
		int before = violations.size();
		if (servicePlanIdRequired && request.servicePlanId() == null) {
			violations.add(new FieldViolation("smsConfiguration.servicePlanId",
					"smsConfiguration.servicePlanId is required (send the current one to keep it, \"\" to unlink)"));
		}
		if (!number.can("SMS")) {
			violations.add(new FieldViolation("smsConfiguration",
					"The number " + number.phoneNumber() + " has no SMS capability"));
		}
		if (request.campaignId() != null && !request.campaignId().isEmpty() && !number.us()) {
			violations.add(new FieldViolation("smsConfiguration.campaignId",
					"campaignId applies to US numbers only; " + number.phoneNumber() + " is a " + number.regionCode()
							+ " number"));
		}
		if (violations.size() > before) {
			return null;
		}
		SinchNumber.SmsJob job = number.smsJob();
		if (job != null && job.running()) {
			SmsTarget target = new SmsTarget(or(request.servicePlanId(), job.servicePlanId()),
					or(request.campaignId(), job.campaignId()));
			if (!target.equals(new SmsTarget(job.servicePlanId(), job.campaignId()))) {
				violations.add(new FieldViolation("smsConfiguration",
						"A scheduled provisioning job is " + job.status() + " for " + number.phoneNumber()
								+ " (servicePlanId \"" + job.servicePlanId() + "\", campaignId \"" + job.campaignId()
								+ "\"): wait until it has been applied or has failed before changing smsConfiguration"));
			}
			return null;
		}
		if (linksAnother(request.servicePlanId(), number.servicePlanId())) {
			violations.add(new FieldViolation("smsConfiguration.servicePlanId",
					"The number is linked to service plan " + number.servicePlanId()
							+ ": unlink it first (servicePlanId \"\") before linking it to " + request.servicePlanId()));
		}
		if (linksAnother(request.campaignId(), number.campaignId())) {
			violations.add(new FieldViolation("smsConfiguration.campaignId",
					"The number is linked to campaign " + number.campaignId()
							+ ": unlink it first (campaignId \"\") before linking it to " + request.campaignId()));
		}
		if (violations.size() > before) {
			return null;
		}
		SmsTarget target = new SmsTarget(or(request.servicePlanId(), number.servicePlanId()),
				or(request.campaignId(), number.campaignId()));
		// "once the servicePlanId is sent, it enters scheduled provisioning": the current values again
		// change nothing on a healthy number, but replace a FAILED job by a new one that provisions them
		// afresh (how a failed unlink is cleared without unlinking)
		return target.equals(new SmsTarget(number.servicePlanId(), number.campaignId())) && job == null ? null : target;
	}

	/** Linking a value while a different one is linked. */
	static boolean linksAnother(@Nullable String requested, String current) {
		return requested != null && !requested.isEmpty() && !current.isEmpty() && !requested.equals(current);
	}

	/** The voice app may be replaced directly (seed 001 asks unlinking only for SMS); one job at a time. */
	static @Nullable String voiceChange(SinchNumber number, SinchChangeRequest.Voice request,
			List<FieldViolation> violations) {
		if (request.appId() == null) {
			violations.add(new FieldViolation("voiceConfiguration",
					"voiceConfiguration must not be an empty object: send only the configuration objects you change"));
			return null;
		}
		if (!number.can("VOICE")) {
			violations.add(new FieldViolation("voiceConfiguration",
					"The number " + number.phoneNumber() + " has no VOICE capability"));
			return null;
		}
		SinchNumber.VoiceJob job = number.voiceJob();
		if (job != null && job.running()) {
			if (!request.appId().equals(job.appId())) {
				violations.add(new FieldViolation("voiceConfiguration",
						"A scheduled voice provisioning job is " + job.status() + " for " + number.phoneNumber()
								+ " (appId \"" + job.appId()
								+ "\"): wait until it has been applied or has failed before changing voiceConfiguration"));
			}
			return null;
		}
		return request.appId().equals(number.voiceAppId()) ? null : request.appId();
	}

	private static String or(@Nullable String value, String otherwise) {
		return value != null ? value : otherwise;
	}

	/**
	 * What a {@code :rent} must name that the project really has: renting costs money at once, so a
	 * plan, campaign or voice app the project does not have is refused before the number is taken,
	 * where a PATCH of a number already held is accepted and its job fails.
	 */
	static List<FieldViolation> unknownAtRent(String projectId, SinchChangeRequest request, ProjectSms project,
			Set<String> voiceApps) {
		List<FieldViolation> violations = new ArrayList<>();
		SinchChangeRequest.Sms sms = request.sms();
		if (sms != null && sms.servicePlanId() != null && !project.hasServicePlan(sms.servicePlanId())) {
			violations.add(new FieldViolation("smsConfiguration.servicePlanId",
					"Service plan " + sms.servicePlanId() + " not found in project " + projectId));
		}
		if (sms != null && sms.campaignId() != null && !project.hasCampaign(sms.campaignId())) {
			violations.add(new FieldViolation("smsConfiguration.campaignId",
					"Campaign " + sms.campaignId() + " not found for project " + projectId));
		}
		SinchChangeRequest.Voice voice = request.voice();
		if (voice != null && voice.appId() != null && !voice.appId().isEmpty() && !voiceApps.contains(voice.appId())
				&& !FAILING_VOICE_APP.equals(voice.appId())) {
			violations.add(new FieldViolation("voiceConfiguration.appId",
					"Voice app " + voice.appId() + " not found in project " + projectId));
		}
		return violations;
	}

	// ---------------------------------------------------------------- how jobs end

	/**
	 * The SMS service plans and 10DLC campaigns a project has: a number links only to those.
	 * Unlinking ({@code ""}) is always possible.
	 */
	record ProjectSms(Set<String> servicePlans, Set<String> campaigns) {

		ProjectSms {
			servicePlans = Set.copyOf(servicePlans);
			campaigns = Set.copyOf(campaigns);
		}

		/** These and the other's. */
		ProjectSms and(ProjectSms other) {
			Set<String> plans = new TreeSet<>(servicePlans);
			plans.addAll(other.servicePlans());
			Set<String> allCampaigns = new TreeSet<>(campaigns);
			allCampaigns.addAll(other.campaigns());
			return new ProjectSms(plans, allCampaigns);
		}

		boolean hasServicePlan(String servicePlanId) {
			return servicePlanId.isEmpty() || servicePlans.contains(servicePlanId);
		}

		boolean hasCampaign(String campaignId) {
			return campaignId.isEmpty() || campaigns.contains(campaignId);
		}
	}

	/**
	 * The error code a new SMS job will fail with, or null when it will be applied. Decided when
	 * the job is created: the deterministic hooks first, then a plan or campaign the project does
	 * not have (as at Sinch: the PATCH is accepted, the job fails; the SMS platform step before the
	 * campaign), then the fault registry's roll.
	 */
	static @Nullable String smsFailure(SmsTarget current, SmsTarget target, ProjectSms project, boolean faultStruck) {
		boolean campaignLinked = !target.campaignId().isEmpty() && !target.campaignId().equals(current.campaignId());
		boolean planLinked = !target.servicePlanId().isEmpty()
				&& !target.servicePlanId().equals(current.servicePlanId());
		if (FAILING_CAMPAIGN.equals(target.campaignId()) && campaignLinked) {
			return CAMPAIGN_NOT_AVAILABLE;
		}
		if (FAILING_SERVICE_PLAN.equals(target.servicePlanId()) && planLinked) {
			return SMS_PROVISIONING_FAILED;
		}
		if (planLinked && !project.hasServicePlan(target.servicePlanId())) {
			return SMS_PROVISIONING_FAILED;
		}
		if (campaignLinked && !project.hasCampaign(target.campaignId())) {
			return CAMPAIGN_NOT_AVAILABLE;
		}
		if (faultStruck) {
			return campaignLinked ? CAMPAIGN_NOT_AVAILABLE : SMS_PROVISIONING_FAILED;
		}
		return null;
	}

	static @Nullable String voiceFailure(String targetAppId, boolean faultStruck) {
		return FAILING_VOICE_APP.equals(targetAppId) || faultStruck ? VOICE_PROVISIONING_FAILED : null;
	}

	// ---------------------------------------------------------------- callback events

	/** One callback: its eventType and, for a failure that has one, the failureCode. */
	record Event(String eventType, boolean succeeded, @Nullable String failureCode) {
	}

	/** One event per part an SMS job changed: the SMS platform link and the 10DLC campaign link. */
	static List<Event> smsEvents(SmsTarget before, SmsTarget target, @Nullable String outcome) {
		List<Event> events = new ArrayList<>();
		boolean succeeded = outcome == null;
		// "For numbers provisioning to SMS platform, there won't be any extra failureCode"
		if (!before.servicePlanId().equals(target.servicePlanId())) {
			events.add(new Event(target.servicePlanId().isEmpty() ? "DEPROVISIONING_FROM_SMS_PLATFORM"
					: "PROVISIONING_TO_SMS_PLATFORM", succeeded, null));
		}
		if (!before.campaignId().equals(target.campaignId())) {
			events.add(new Event(
					target.campaignId().isEmpty() ? "DEPROVISIONING_FROM_CAMPAIGN" : "PROVISIONING_TO_CAMPAIGN",
					succeeded, outcome != null && CALLBACK_FAILURE_CODES.contains(outcome) ? outcome : null));
		}
		return events;
	}

	static Event voiceEvent(String targetAppId, @Nullable String outcome) {
		return new Event(
				targetAppId.isEmpty() ? "DEPROVISIONING_FROM_VOICE_PLATFORM" : "PROVISIONING_TO_VOICE_PLATFORM",
				outcome == null, null);
	}
}
